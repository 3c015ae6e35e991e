import {defineCliConfig} from 'sanity/cli'
import {LOCAL_LAKE} from './config/target'

export default defineCliConfig({
  api: {
    projectId: process.env.SANITY_STUDIO_PROJECT_ID?.trim() || LOCAL_LAKE.projectId,
    dataset: process.env.SANITY_STUDIO_DATASET?.trim() || LOCAL_LAKE.dataset,
  },
  server: {hostname: '127.0.0.1', port: 3333},
  // The Studio must build and run with no account and no network, so no auto-updates
  // from the CDN and no telemetry.
  deployment: {autoUpdates: false},
  typegen: {
    path: ['./queries/**/*.ts', './web/**/*.ts', './scripts/**/*.ts'],
    schema: './schema.json',
    generates: './sanity.types.ts',
  },
})

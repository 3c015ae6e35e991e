import {deDELocale} from '@sanity/locale-de-de'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {editorialReview, reviewQueueListItem} from './plugins/editorial-review'
import {schemaTypes} from './schemas'
import {studioEnv} from './studio.env'

const REVIEWED_TYPES = ['pressRelease']

export default defineConfig({
  name: 'pressroom',
  title: 'Pressroom',
  projectId: studioEnv.projectId,
  dataset: studioEnv.dataset,
  ...(studioEnv.apiHost ? {apiHost: studioEnv.apiHost} : {}),
  // Tokens let a local lake tell its users apart (tests pick a role by token); a hosted
  // project keeps Sanity's normal login.
  ...(studioEnv.local ? {auth: {loginMethod: 'token' as const}} : {}),
  plugins: [
    structureTool({
      structure: (S) => S.list().title('Content').items([reviewQueueListItem(S, REVIEWED_TYPES), S.divider(), ...S.documentTypeListItems()]),
    }),
    editorialReview({types: REVIEWED_TYPES}),
    deDELocale(),
  ],
  schema: {types: schemaTypes},
})

import {deDELocale} from '@sanity/locale-de-de'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {editorialReview} from './plugins/editorial-review'
import {schemaTypes} from './schemas'
import {studioEnv} from './studio.env'

export default defineConfig({
  name: 'pressroom',
  title: 'Pressroom',
  projectId: studioEnv.projectId,
  dataset: studioEnv.dataset,
  ...(studioEnv.apiHost ? {apiHost: studioEnv.apiHost} : {}),
  // Tokens let a local lake tell its users apart (tests pick a role by token); a hosted
  // project keeps Sanity's normal login.
  ...(studioEnv.local ? {auth: {loginMethod: 'token' as const}} : {}),
  plugins: [structureTool(), editorialReview({types: ['pressRelease']}), deDELocale()],
  schema: {types: schemaTypes},
})

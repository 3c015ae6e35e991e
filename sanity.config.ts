import {deDELocale} from '@sanity/locale-de-de'
import {defineConfig, type LocaleDefinition} from 'sanity'
import {structureTool} from 'sanity/structure'
import {REVIEW_POLICY} from './config/reviewPolicy'
import {editorialReview, reviewQueueListItem} from './plugins/editorial-review'
import {schemaTypes} from './schemas'
import {SCHEMA_I18N_NAMESPACE, STRUCTURE_KEYS, typeKey} from './schemas/i18n/labels'
import {schemaLabels} from './schemas/i18n/plugin'
import {reviewSchemaTypes} from './plugins/editorial-review/schema'
import {studioEnv} from './studio.env'

/**
 * Sanity starts on the last configured locale unless the user picked one, which would
 * make every editor start in German. Put the browser's preferred language last instead,
 * so a German editor sees German and everyone else English.
 */
function preferBrowserLanguage(locales: LocaleDefinition[]): LocaleDefinition[] {
  const wanted = (globalThis.navigator?.languages ?? []).map((tag) => tag.toLowerCase().split('-')[0])
  const rank = (locale: LocaleDefinition) => {
    const index = wanted.indexOf(locale.id.toLowerCase().split('-')[0]!)
    return index === -1 ? Number.MAX_SAFE_INTEGER : index
  }
  const english = locales.find((locale) => locale.id === 'en-US') ?? locales[0]!
  const preferred = locales.reduce((best, locale) => (rank(locale) < rank(best) ? locale : best), english)
  return [...locales.filter((locale) => locale !== preferred), preferred]
}

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
      // Titles by i18n key, so the structure follows the Studio's language (./schemas/i18n).
      structure: (S) =>
        S.list()
          .title('Content')
          .i18n({title: {key: STRUCTURE_KEYS.content, ns: SCHEMA_I18N_NAMESPACE}})
          .items([
            reviewQueueListItem(S, REVIEW_POLICY.types, REVIEW_POLICY.reviewWithinHours),
            S.divider(),
            // The item and the list it opens: the list's own title is the schema's English otherwise.
            ...S.documentTypeListItems().map((item) => {
              const title = {title: {key: typeKey(item.getId()!), ns: SCHEMA_I18N_NAMESPACE}}
              return item.i18n(title).child(S.documentTypeList(item.getId()!).i18n(title))
            }),
          ]),
    }),
    // Before the review plugin, so the form's heading (./schemas/i18n/FormHeader) stays above its panel.
    schemaLabels({types: [...schemaTypes, ...reviewSchemaTypes]}),
    // The newsroom's review policy; the lake, the import and the audit read the same one.
    editorialReview(REVIEW_POLICY),
    deDELocale(),
  ],
  schema: {types: schemaTypes},
  i18n: {locales: preferBrowserLanguage},
})

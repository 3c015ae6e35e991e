/**
 * The language `prepare` writes list previews in. Sanity 6.9.2's document lists draw the
 * prepared title and subtitle as they are (no `components.preview` there), and `prepare`
 * may return only strings for them, so the words have to be in the editor's language
 * when `prepare` runs. It runs outside React, so the Studio tells this module its locale
 * (`PreviewLocaleLayout`); elsewhere (tests, schema extract, TypeGen, import) it stays
 * English. The translations are the tables the Studio's own bundles register: the review
 * plugin's and the schema labels'.
 */
import {I18N_NAMESPACE} from '../../plugins/editorial-review/constants'
import {deDE, enUS, formatMessage, type MessageParams, type ReviewResourceKey} from '../../plugins/editorial-review/core'
import {schemaLabelsDeDE} from './de-DE'
import {PREVIEW_LABELS, SCHEMA_I18N_NAMESPACE, type PreviewLabelKey} from './labels'

/** Sanity's default locale: English stays the default. */
export const DEFAULT_PREVIEW_LOCALE = 'en-US'

/** Each non-English locale's tables by i18n namespace: the objects the plugins' bundles register for it. */
const TRANSLATIONS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  'de-DE': {[I18N_NAMESPACE]: deDE, [SCHEMA_I18N_NAMESPACE]: schemaLabelsDeDE},
}

let currentLocale = DEFAULT_PREVIEW_LOCALE

/** Called by the Studio with its current locale id, before anything below it prepares a preview. */
export function setPreviewLocale(locale: string): void {
  currentLocale = locale
}

export function previewLocale(): string {
  return currentLocale
}

/**
 * A message in the preview locale: `key` of namespace `ns` from that locale's table, or
 * `english` (already formatted) where the locale has no such key, as i18next falls back.
 */
export function previewMessage(ns: string, key: string, english: string, params: MessageParams = {}): string {
  const table = TRANSLATIONS[currentLocale]?.[ns]
  return table && key in table ? formatMessage(table, key, params) : english
}

/** A word of the review plugin (badges), in the preview locale. */
export function reviewPreviewText(key: ReviewResourceKey, params: MessageParams = {}): string {
  return previewMessage(I18N_NAMESPACE, key, formatMessage(enUS, key, params), params)
}

/** A preview word of the schema's own (`PREVIEW_LABELS`), in the preview locale. */
export function schemaPreviewText(key: PreviewLabelKey, params: MessageParams = {}): string {
  return previewMessage(SCHEMA_I18N_NAMESPACE, key, formatMessage(PREVIEW_LABELS, key, params), params)
}

/** The keys of PREVIEW_LABELS that come as `_one` and `_other`, without the suffix. */
type PluralPreviewKey<K = PreviewLabelKey> = K extends `${infer Base}_one` ? Base : never

/** A counted preview word (`{{count}} languages`), in the preview locale's plural form for `count`. */
export function schemaPreviewCount(key: PluralPreviewKey, count: number): string {
  const form = new Intl.PluralRules(currentLocale).select(count) === 'one' ? 'one' : 'other'
  return schemaPreviewText(`${key}_${form}`, {count: String(count)})
}

/** A schema label (an option title, by its `optionKey`) in the preview locale; `english` is the schema's title. */
export function schemaLabelText(key: string, english: string): string {
  return previewMessage(SCHEMA_I18N_NAMESPACE, key, english)
}

/** What `prepare` joins a preview's parts with. */
export const PREVIEW_SEPARATOR = ' · '

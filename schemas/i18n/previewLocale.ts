/**
 * The schema's own preview words in the Studio's locale, which the review plugin keeps for
 * every `prepare` (plugins/editorial-review/i18n/previewLocale.ts): Sanity 6.9.2's document
 * lists show prepare's strings as they are. The German is the table the schema's bundle
 * registers (./plugin.tsx), the English the schema's own.
 */
import {inPreviewLocale, previewLocale} from '../../plugins/editorial-review/i18n/previewLocale'
import {formatMessage, type MessageParams} from '../../plugins/editorial-review/core'
import {schemaLabelsDeDE} from './de-DE'
import {PREVIEW_LABELS, type PreviewLabelKey} from './labels'

export {PREVIEW_SEPARATOR} from '../../plugins/editorial-review/i18n/previewLocale'

/** The schema labels of each locale other than English (English is read off the schema). */
const SCHEMA_TRANSLATIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {'de-DE': schemaLabelsDeDE}

/** A preview word of the schema's own (`PREVIEW_LABELS`), in the preview locale. */
export function schemaPreviewText(key: PreviewLabelKey, params: MessageParams = {}): string {
  return inPreviewLocale(SCHEMA_TRANSLATIONS[previewLocale()], key, formatMessage(PREVIEW_LABELS, key, params), params)
}

/** The keys of PREVIEW_LABELS that come as `_one` and `_other`, without the suffix. */
type PluralPreviewKey<K = PreviewLabelKey> = K extends `${infer Base}_one` ? Base : never

/** A counted preview word (`{{count}} languages`), in the preview locale's plural form for `count`. */
export function schemaPreviewCount(key: PluralPreviewKey, count: number): string {
  const form = new Intl.PluralRules(previewLocale()).select(count) === 'one' ? 'one' : 'other'
  return schemaPreviewText(`${key}_${form}`, {count: String(count)})
}

/** A schema label (an option title, by its `optionKey`) in the preview locale; `english` is the schema's title. */
export function schemaLabelText(key: string, english: string): string {
  return inPreviewLocale(SCHEMA_TRANSLATIONS[previewLocale()], key, english)
}

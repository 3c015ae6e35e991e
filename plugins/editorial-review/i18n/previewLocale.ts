/**
 * The language `prepare` writes previews in. Sanity 6.9.2's document lists draw the
 * prepared title and subtitle as they are (they ignore a type's `components.preview`),
 * and `prepare` may return only strings for them, so the words must already be in the
 * editor's language when `prepare` runs. It runs outside React, so the Studio tells this
 * module its locale (`../components/PreviewLocaleScope`, in the plugin's layout); anywhere
 * else (tests, schema extract, TypeGen, import, lake) it stays English. Pure: no Studio
 * imports, so the schema can read it everywhere.
 */
import {formatMessage, type MessageParams} from './format'
import {deDE, enUS, type ReviewResourceKey} from './resources'

/** Sanity's default locale, and the Studio's until it says otherwise. */
export const DEFAULT_PREVIEW_LOCALE = 'en-US'

/** The plugin's strings by locale: the tables its bundles register (./index.ts). */
const REVIEW_MESSAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {'en-US': enUS, 'de-DE': deDE}

let currentLocale = DEFAULT_PREVIEW_LOCALE

/** Set by the Studio, with its current locale id, before anything below it prepares a preview. */
export function setPreviewLocale(locale: string): void {
  currentLocale = locale
}

export function previewLocale(): string {
  return currentLocale
}

/**
 * `key` from `table` (the preview locale's), or `english` where it has none, as i18next
 * falls back to the default language.
 */
export function inPreviewLocale(
  table: Readonly<Record<string, string>> | undefined,
  key: string,
  english: string,
  params: MessageParams = {},
): string {
  return table && key in table ? formatMessage(table, key, params) : english
}

/** One of the plugin's strings in the preview locale. */
export function reviewPreviewText(key: ReviewResourceKey, params: MessageParams = {}): string {
  return inPreviewLocale(REVIEW_MESSAGES[currentLocale], key, formatMessage(enUS, key, params), params)
}

/** A string of the plugin by a key built at run time (a rule's code), or `fallback` where no table has it. */
export function reviewPreviewLabel(key: string, fallback: string): string {
  return inPreviewLocale(REVIEW_MESSAGES[currentLocale], key, key in enUS ? formatMessage(enUS, key) : fallback)
}

/** A stored time (ISO 8601) as the review panel's trail writes it in the preview locale; anything else as it is. */
export function previewDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? value : time.toLocaleString(currentLocale)
}

/** What `prepare` joins a preview's parts with. */
export const PREVIEW_SEPARATOR = ' · '

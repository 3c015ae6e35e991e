/**
 * Messages of the pure module (findings, the publish gate, decisions) as data: a key
 * in the plugin's namespace, its values, and the English text. The Studio translates
 * key and values with i18next; everything without i18n (import, lake, audit, stored
 * findings) uses the English text, which this formatter builds from the same table,
 * so each sentence is written once, in `./resources`. No Studio imports here.
 */
import {enUS, type ReviewResourceKey} from './resources'

/** Values for a message's `{{name}}` placeholders. */
export type MessageParams = Record<string, string>

export interface LocalizedMessage {
  /** Key in the plugin's i18n namespace; a site's own key may have no translation. */
  key: string
  params: MessageParams
  /** The English text: `key` and `params` formatted with the English table. */
  message: string
}

type English = typeof enUS

/** Placeholder names in a template, including those of the templates it nests. */
type PlaceholdersOf<S extends string> =
  | (S extends `${string}{{${infer Name}}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never)
  | (S extends `${string}$t(${infer Key})${infer Rest}`
      ? (Key extends ReviewResourceKey ? PlaceholdersOf<English[Key]> : never) | PlaceholdersOf<Rest>
      : never)

/** Exactly the values a key's English template needs. */
export type ParamsOf<K extends ReviewResourceKey> = Record<PlaceholdersOf<English[K]>, string>

/** i18next's default syntax: `{{name}}` (spaces allowed inside) and `$t(key)`. */
const PLACEHOLDER = /\{\{(.+?)\}\}/g
const NESTED = /\$t\(([^()]*)\)/g
/** As i18next, stop a key that (indirectly) nests itself. */
const MAX_DEPTH = 10

/**
 * The text of `key` in a string table, the way i18next renders it: an unknown key
 * gives the key, a placeholder without a value stays as written. Nested keys are
 * resolved in the template, never in values, so a reviewer's note is shown verbatim.
 */
export function formatMessage(
  table: Readonly<Record<string, string>>,
  key: string,
  params: MessageParams = {},
  depth = 0,
): string {
  const template = table[key]
  if (template === undefined || depth > MAX_DEPTH) return key
  const fill = (text: string) => text.replace(PLACEHOLDER, (placeholder, name: string) => params[name.trim()] ?? placeholder)
  let text = ''
  let last = 0
  for (const match of template.matchAll(NESTED)) {
    text += fill(template.slice(last, match.index)) + formatMessage(table, match[1]!.trim(), params, depth + 1)
    last = match.index + match[0].length
  }
  return text + fill(template.slice(last))
}

/** A message of the plugin's own table, with the English text; the params are checked against the template. */
export function localized<K extends ReviewResourceKey>(
  key: K,
  ...[params]: keyof ParamsOf<K> extends never ? [] : [ParamsOf<K>]
): LocalizedMessage {
  const values: MessageParams = {...params}
  return {key, params: values, message: formatMessage(enUS, key, values)}
}

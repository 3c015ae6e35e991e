/**
 * Shows a message of the pure module in the editor's language. The English text is
 * the default value, so a site's own rule whose key no bundle has still reads well.
 */
import type {LocalizedMessage} from './format'

/** The part of the Studio's `t` (from `useTranslation`) this needs. */
export type Translate = (key: string, options: Record<string, unknown>) => string

export function translated(t: Translate, {key, params, message}: LocalizedMessage): string {
  // A rule built before keys existed (or plain JavaScript) may have none.
  return key ? t(key, {...params, defaultValue: message}) : message
}

/** The gate's reasons as messages; a verdict written by hand may have only the English reasons. */
export function verdictMessages(verdict: {reasons: string[]; details?: LocalizedMessage[]}): LocalizedMessage[] {
  return verdict.details ?? verdict.reasons.map((message) => ({key: '', params: {}, message}))
}

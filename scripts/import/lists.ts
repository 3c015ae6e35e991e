import {escapeRegExp} from '../../plugins/editorial-review/core'

/** Splits "A, B und C" by the list conventions of the language (Intl.ListFormat): commas and its word for "and". */
export function splitList(list: string, language: string): string[] {
  const conjunction = new Intl.ListFormat(language, {type: 'conjunction'})
    .formatToParts(['a', 'b'])
    .find((part) => part.type === 'literal')
    ?.value.trim()
  const separator = conjunction ? new RegExp(`,|\\s+${escapeRegExp(conjunction)}\\s+`, 'u') : /,/
  return list
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean)
}

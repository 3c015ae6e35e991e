import type {StringRule} from 'sanity'

const languageNames = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'})

/**
 * BCP 47 validation through the platform's own tag parser and language registry, so
 * "de", "pt-BR" and "zh-Hant" pass and "german", "xx" or "de_DE" do not. (The grammar
 * alone accepts "german": five-to-eight-letter primary subtags are syntactically valid.)
 */
export function canonicalLanguageTag(value: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(value)
    const primary = canonical?.split('-')[0] ?? ''
    if (!/^[a-z]{2,3}$/.test(primary) || !languageNames.of(primary)) return undefined
    return canonical
  } catch {
    return undefined
  }
}

/** Validation message for a language field, or true when the tag is valid. */
export function validateLanguageTag(value: string | undefined): true | string {
  if (value === undefined || value === '') return true
  const canonical = canonicalLanguageTag(value)
  if (!canonical) return `"${value}" is not a BCP 47 language tag. Use a tag like "de", "en" or "pt-BR".`
  if (canonical !== value) return `Write the tag as "${canonical}".`
  return true
}

/**
 * A required language field's rules. Kept as separate rules because `.error(message)`
 * overrides the message of every constraint chained before it.
 */
export function requiredLanguage(what: string) {
  return (rule: StringRule): StringRule[] => [
    rule.required().error(`Add the language of ${what}, e.g. "de".`),
    rule.custom(validateLanguageTag),
  ]
}

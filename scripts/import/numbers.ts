/**
 * Reads a figure as a distributor's boilerplate writes it in its language: "6.500" (de),
 * "6,500" (en), "6 500" (fr), "3,5 Millionen", "3.5 million". Separators and the word
 * for million come from the platform's Intl data, not from a table of our own.
 */
export function parseLocalizedNumber(text: string, language: string): number | undefined {
  const {group, decimal, millionWord} = numberConventions(language)
  let value = text.trim().replace(/[\s\u00a0\u202f]+/g, ' ')
  let multiplier = 1
  const lower = value.toLocaleLowerCase(language)
  if (millionWord && lower.endsWith(millionWord)) {
    multiplier = 1_000_000
    value = value.slice(0, value.length - millionWord.length).trim()
  }
  const groupPattern = new RegExp(`[${escapeForClass(group)} ]`, 'g')
  const normalized = value.replace(groupPattern, '').replace(decimal, '.')
  if (!/^\d+(\.\d+)?$/.test(normalized)) return undefined
  return Math.round(Number(normalized) * multiplier)
}

interface NumberConventions {
  /** Thousands separator, e.g. "." in German. */
  group: string
  /** Decimal separator, e.g. "," in German. */
  decimal: string
  /** The long compact word for a million in this language, lower-cased, e.g. "millionen". */
  millionWord: string | undefined
}

const cache = new Map<string, NumberConventions>()

function numberConventions(language: string): NumberConventions {
  const cached = cache.get(language)
  if (cached) return cached
  const parts = new Intl.NumberFormat(language, {useGrouping: 'always'} as Intl.NumberFormatOptions).formatToParts(12345.6)
  const compact = new Intl.NumberFormat(language, {notation: 'compact', compactDisplay: 'long'}).formatToParts(3_500_000)
  const conventions: NumberConventions = {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    millionWord: compact.find((part) => part.type === 'compact')?.value.toLocaleLowerCase(language),
  }
  cache.set(language, conventions)
  return conventions
}

const escapeForClass = (text: string) => text.replace(/[\\\]^-]/g, '\\$&')

/**
 * The search-string language of `text::query()` and its scoring, on words (runs of Unicode
 * letters and digits, lower-cased, so "Börse", "Top-Story" and "SeaPRwire" search as
 * written in either language):
 *
 * - `tech` matches the word "tech"; `tech*` any word starting with "tech"; `*` alone, anything;
 * - `"press release"` the words next to each other, in that order (a token such as
 *   `Top-St*` that holds several words is read the same way);
 * - `-word` / `-"a phrase"` excludes documents that contain it;
 * - every other term must occur somewhere (they are combined with AND).
 *
 * The score follows groq-js's `match` scoring (per term, freq·2.2/(freq+1.2)), counting a
 * word that only starts with a prefix term as 0.7 of an exact one, plus 0.25 when the value
 * starts with the first term, so "Tech" ranks above "Technology" for `tech*`, and both
 * above a document that only mentions it deep in the body.
 */

/** One word of a term: an exact word or a `*` pattern. */
type WordTest = {exact: string} | {pattern: RegExp; literal: string}

/** A run of words that must be adjacent (one word for a plain term). */
type Clause = WordTest[]

export interface TextQuery {
  include: Clause[]
  exclude: Clause[]
  /** `*` alone: every value matches, whatever its text. */
  matchesEverything: boolean
}

/** Per string in the value: its words, in order. */
export type Words = string[][]

const TOKEN = /(?:[^\s"]+|"[^"]*")+/g
const QUERY_WORD = /[\p{L}\p{N}*]+/gu
const TEXT_WORD = /[\p{L}\p{N}]+/gu
const PREFIX_WEIGHT = 0.7
const LEADING_BONUS = 0.25

// Each `*` becomes `.*`; a few keep matching linear in practice, many would backtrack polynomially on long words.
const MAX_WILDCARDS = 3

function wordTest(raw: string): WordTest {
  if (!raw.includes('*')) return {exact: raw}
  let stars = 0
  const word = raw.replace(/\*+/g, () => (++stars <= MAX_WILDCARDS ? '*' : ''))
  return {pattern: new RegExp(`^${word.slice(0, 256).replace(/\*+/g, '.*')}$`, 'u'), literal: word.replace(/\*/g, '')}
}

function queryWords(text: string): string[] {
  return text.toLowerCase().match(QUERY_WORD) ?? []
}

/**
 * Compiles a `text::query()` string. With `exact`, the string is read as a plain `match`
 * pattern instead: words (with `*`) that must all occur, no phrases or exclusions.
 */
export function compileTextQuery(text: string, options: {exact?: boolean} = {}): TextQuery {
  const include: Clause[] = []
  const exclude: Clause[] = []
  if (options.exact) {
    for (const word of queryWords(text)) include.push([wordTest(word)])
  } else {
    for (const token of text.match(TOKEN) ?? []) {
      const negative = token.length > 1 && token.startsWith('-')
      const words = queryWords(negative ? token.slice(1) : token)
      if (words.length) (negative ? exclude : include).push(words.map(wordTest))
    }
  }
  // `*` (what the Studio sends for an empty search box) and an empty string constrain nothing.
  const matchesEverything =
    exclude.length === 0 && include.every((c) => c.length === 1 && 'pattern' in c[0]! && c[0].literal === '')
  return {include, exclude, matchesEverything}
}

const cache = new WeakMap<object, Words>()

function collect(value: unknown, out: Words): void {
  if (typeof value === 'string') {
    const words = value.toLowerCase().match(TEXT_WORD)
    if (words) out.push(words)
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, out)
  } else if (value && typeof value === 'object') {
    for (const words of wordsOfObject(value)) out.push(words)
  }
}

// Portable Text's structure is not its text: "normal", "strong" or "bullet" would otherwise match every release.
const STRUCTURAL_KEYS = new Set(['style', 'listItem', 'level', 'marks', 'markDefs'])

/** An object's words: its string values, deeply, leaving out system (`_…`) and Portable Text structure keys. */
function wordsOfObject(value: object): Words {
  let words = cache.get(value)
  if (!words) {
    words = []
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('_') || STRUCTURAL_KEYS.has(key)) continue
      collect(child, words)
    }
    cache.set(value, words)
  }
  return words
}

/** The words of a `match` left-hand side (a string, an array, or a document for `@`). */
export function wordsOf(value: unknown): Words {
  const out: Words = []
  collect(value, out)
  return out
}

/** 1 for an exact word, PREFIX_WEIGHT for a pattern match, 0 for none. */
function wordWeight(test: WordTest, word: string): number {
  if ('exact' in test) return test.exact === word ? 1 : 0
  return test.pattern.test(word) ? (test.literal === word ? 1 : PREFIX_WEIGHT) : 0
}

/** Weighted occurrences of a clause, and whether one starts a value. */
function occurrences(words: Words, clause: Clause): {freq: number; leading: boolean} {
  let freq = 0
  let leading = false
  for (const run of words) {
    for (let start = 0; start + clause.length <= run.length; start++) {
      let weight = 1
      for (let k = 0; k < clause.length && weight > 0; k++) weight = Math.min(weight, wordWeight(clause[k]!, run[start + k]!))
      if (weight > 0) {
        freq += weight
        if (start === 0) leading = true
      }
    }
  }
  return {freq, leading}
}

/** The text query's score for a value's words; 0 when it does not match. */
export function textScore(words: Words, query: TextQuery): number {
  if (query.matchesEverything) return 1
  for (const clause of query.exclude) if (occurrences(words, clause).freq > 0) return 0
  if (query.include.length === 0) return 1
  let score = 0
  for (const [i, clause] of query.include.entries()) {
    const {freq, leading} = occurrences(words, clause)
    if (freq === 0) return 0
    score += (freq * 2.2) / (freq + 1.2)
    if (i === 0 && leading) score += LEADING_BONUS
  }
  return score
}

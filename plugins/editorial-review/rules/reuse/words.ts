/**
 * Words as reuse detection compares them: folded (invisible characters, compatibility
 * forms and look-alike letters, as rules/fold.ts), without accents, in lower case, so
 * "Résumé", "resume" and "RE\u200bSUME" are one word. Every word keeps its offsets in
 * the original string, so a matched passage quotes exactly what was written.
 */
import {folded} from '../fold'

/** One word of a text unit. */
export interface Word {
  /** The normalised spelling. */
  norm: string
  /** 32-bit hash of `norm`; equal words have equal hashes. */
  hash: number
  /** Offsets in the unit's original text, `text.slice(start, end)` is the word as written. */
  start: number
  end: number
  /** A function word ("the", "der", "les", "que"): it alone never makes a passage meaningful. */
  stop: boolean
}

// Letters, digits and marks; invisible format characters inside a word do not split it.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\p{Cf}]*/gu
const MARKS = /[\p{M}\p{Cf}\p{Default_Ignorable_Code_Point}]+/gu

/** FNV-1a over the UTF-16 units, finished with murmur's fmix32 so every bit depends on every character. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619)
  return mix(hash)
}

/** murmur3's fmix32. */
export function mix(value: number): number {
  let hash = value ^ (value >>> 16)
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  return (hash ^ (hash >>> 16)) >>> 0
}

export function normalizeWord(raw: string): string {
  return folded(raw).normalize('NFD').replace(MARKS, '').toLowerCase().replace(/ß/g, 'ss')
}

/**
 * Function words of the newsroom's languages (German, English, French, Spanish). A run of
 * them is in every text ("in the", "und die", "de la"), so a shared passage must carry
 * other words to count, and shingles of them alone are never fingerprinted.
 */
const STOP_WORDS = new Set(
  `a an and are as at be been but by for from had has have he her his i in is it its of on or our she that the their they this to was we were will with would which who not also more than said says
  der die das des dem den ein eine einer eines einem einen und oder aber auch als am an auf aus bei bis durch fur im in ist mit nach nicht noch sich sie so uber um und von vor war wie wird wir zu zum zur es er hat haben sind werden wurde sei dass
  le la les l un une des du de d et ou mais aussi au aux avec ce cette ces dans en est il elle ils elles leur leurs par pas plus pour qu que qui sa se ses son sur sont ont a ete etre nous vous y
  el la los las lo un una unos unas y o pero tambien al a con como de del en entre es esta este estos estas ha han la le les mas no para por que se su sus sobre son fue ser muy ya`
    .split(/\s+/)
    .filter(Boolean),
)

const cache = new Map<string, {norm: string; hash: number; stop: boolean}>()
const CACHE_LIMIT = 200_000

function wordInfo(raw: string): {norm: string; hash: number; stop: boolean} {
  let info = cache.get(raw)
  if (info) return info
  const norm = normalizeWord(raw)
  info = {norm, hash: hashString(norm), stop: STOP_WORDS.has(norm)}
  // Vocabulary grows slowly, but a long-running lake must not hold every token it ever saw.
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(raw, info)
  return info
}

/** The words of a string, in order, with their offsets. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = []
  WORD.lastIndex = 0
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const {norm, hash, stop} = wordInfo(match[0])
    if (norm.length === 0) continue
    words.push({norm, hash, start: match.index, end: match.index + match[0].length, stop})
  }
  return words
}

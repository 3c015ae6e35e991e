/**
 * Exact alignment of an article against one candidate source: the longest common runs of
 * normalised words, found from shared five-word shingles and extended word by word both
 * ways. Runs a few words apart that continue the same stretch of the source are one
 * passage (a lightly edited copy: a word changed here and there), and a passage counts
 * only with enough words, and enough that are not function words, to mean something.
 * Paragraph order does not matter: each run is found wherever it is.
 */
import {shingleHashes, SHINGLE_WORDS, type ReuseText, type ReuseWord} from './fingerprint'

/** A text with its shingles and an index from shingle hash to where it starts. */
export interface PreparedText extends ReuseText {
  shingles: Int32Array
  /** Shingle hash → word positions; built only for sources. */
  seeds?: Map<number, number[]>
}

export interface AlignOptions {
  /** Words a passage needs (matched, not counting gaps) to count. Default 8. */
  minWords?: number
  /** Words that are not function words a passage needs. Default 4. */
  minContentWords?: number
  /** The widest edit (in words, on either side) inside one passage. Default 8. */
  maxGap?: number
}

/** A stretch of the article matching a stretch of the source: word positions, end exclusive. */
export interface AlignedPassage {
  articleStart: number
  articleEnd: number
  sourceStart: number
  sourceEnd: number
  /** Words matched exactly (the passage minus edits). */
  matched: number
}

export const DEFAULT_MIN_WORDS = 8
const DEFAULT_MIN_CONTENT_WORDS = 4
const DEFAULT_MAX_GAP = 8
/** Repetitive text (a list of figures) can give one shingle many places; a few suffice. */
const MAX_SEED_POSITIONS = 16

export function prepare(text: ReuseText, withSeeds = false): PreparedText {
  const shingles = shingleHashes(text.words)
  if (!withSeeds) return {...text, shingles}
  const seeds = new Map<number, number[]>()
  shingles.forEach((hash, position) => {
    if (hash < 0) return
    const list = seeds.get(hash)
    if (!list) seeds.set(hash, [position])
    else if (list.length < MAX_SEED_POSITIONS) list.push(position)
  })
  return {...text, shingles, seeds}
}

const sameWord = (a: ReuseWord | undefined, b: ReuseWord | undefined) =>
  a !== undefined && b !== undefined && !a.excluded && !b.excluded && a.hash === b.hash && a.norm === b.norm

interface Run {
  article: number
  source: number
  length: number
}

/** Maximal common runs, in article order, none overlapping in the article. */
function commonRuns(article: PreparedText, source: PreparedText): Run[] {
  const seeds = source.seeds ?? prepare(source, true).seeds!
  const runs: Run[] = []
  let consumed = 0
  let position = 0
  while (position < article.words.length) {
    const hash = article.shingles[position]!
    const places = hash >= 0 ? seeds.get(hash) : undefined
    if (!places) {
      position++
      continue
    }
    let best: Run | undefined
    for (const place of places) {
      let back = 0
      while (
        position - back - 1 >= consumed &&
        place - back - 1 >= 0 &&
        sameWord(article.words[position - back - 1], source.words[place - back - 1])
      )
        back++
      let length = back
      while (sameWord(article.words[position - back + length], source.words[place - back + length])) length++
      if (length >= SHINGLE_WORDS && (!best || length > best.length))
        best = {article: position - back, source: place - back, length}
    }
    if (!best) {
      position++
      continue
    }
    runs.push(best)
    consumed = best.article + best.length
    position = consumed
  }
  return runs
}

function contentWords(words: readonly ReuseWord[], start: number, end: number): number {
  let count = 0
  for (let index = start; index < end; index++) if (!words[index]!.stop) count++
  return count
}

/** The passages of the article that come from the source, in article order. */
export function align(article: PreparedText, source: PreparedText, options: AlignOptions = {}): AlignedPassage[] {
  const minWords = options.minWords ?? DEFAULT_MIN_WORDS
  const minContent = options.minContentWords ?? DEFAULT_MIN_CONTENT_WORDS
  const maxGap = options.maxGap ?? DEFAULT_MAX_GAP
  const passages: AlignedPassage[] = []
  let current: AlignedPassage | undefined
  const flush = () => {
    if (
      current &&
      current.matched >= minWords &&
      contentWords(article.words, current.articleStart, current.articleEnd) >= minContent
    )
      passages.push(current)
    current = undefined
  }
  for (const run of commonRuns(article, source)) {
    const articleGap = current ? run.article - current.articleEnd : Infinity
    const sourceGap = current ? run.source - current.sourceEnd : Infinity
    if (current && articleGap <= maxGap && sourceGap >= 0 && sourceGap <= maxGap) {
      current.articleEnd = run.article + run.length
      current.sourceEnd = run.source + run.length
      current.matched += run.length
      continue
    }
    flush()
    current = {
      articleStart: run.article,
      articleEnd: run.article + run.length,
      sourceStart: run.source,
      sourceEnd: run.source + run.length,
      matched: run.length,
    }
  }
  flush()
  return passages
}

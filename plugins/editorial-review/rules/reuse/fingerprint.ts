/**
 * Fingerprints of a text for finding reuse candidates: hashes of five-word shingles,
 * sampled by hash value (one in eight), so a shingle is kept or dropped the same way in
 * every text it occurs in. A copied passage of 30 words shares about three fingerprints
 * with its source whatever surrounds it, while a release stores only ~1/8 of its word
 * count. Stored on each release (`reuse.hashes`), they let one GROQ filter find the
 * releases an article may draw on, on the local lake and on a hosted project alike.
 *
 * Distributors' disclaimers and boilerplate are left out, and so are shingles of
 * function words alone: what every release carries says nothing about reuse.
 */
import {disclaimerMatches} from '../disclaimerText'
import {boilerplateMatches} from '../boilerplate'
import {distributorMarkers} from '../markers'
import {documentText, type TextUnit} from '../text'
import type {DistributorDoc, PressReleaseDocument} from '../types'
import {mix, wordsOf, type Word} from './words'

/** Bumped when words, shingles or sampling change: stored fingerprints of another version are recomputed. */
export const FINGERPRINT_VERSION = 1
/** Words per shingle. */
export const SHINGLE_WORDS = 5
/** A shingle is a fingerprint when its hash's low bits are zero: one in eight. */
const SAMPLE_MASK = 7
/** A shingle needs this many words that are not function words to be fingerprinted. */
const MIN_CONTENT_WORDS = 2

/** A word of a text prepared for reuse detection: which unit (paragraph) it is in, and whether it is excluded. */
export interface ReuseWord extends Word {
  unit: number
  /** Inside a distributor's disclaimer or boilerplate: never matched, never fingerprinted. */
  excluded: boolean
}

/** Units (title, paragraphs) and their words, in order. */
export interface ReuseText {
  units: TextUnit[]
  words: ReuseWord[]
}

/** What the schema stores on a release (`reuse`, type `reuseFingerprint`). */
export interface ReuseFingerprint {
  _type: 'reuseFingerprint'
  version: number
  /** Sampled shingle hashes, base 36, sorted and unique. */
  hashes: string[]
}

const signatures = new WeakMap<readonly DistributorDoc[], string>()

/**
 * What of the distributors decides which words are excluded, as one string: callers
 * build a new distributor list per request, so caches compare this, not the list.
 */
export function distributorsSignature(distributors: readonly DistributorDoc[]): string {
  let signature = signatures.get(distributors)
  if (signature === undefined) {
    signature = JSON.stringify(distributors.map(({_id, markers}) => [_id, markers?.phrases ?? []]))
    signatures.set(distributors, signature)
  }
  return signature
}

/** Character ranges per unit that distributors' disclaimers and boilerplate take up. */
function excludedRanges(units: TextUnit[], distributors: readonly DistributorDoc[]): Map<TextUnit, [number, number][]> {
  const ranges = new Map<TextUnit, [number, number][]>()
  for (const markers of distributorMarkers([...distributors])) {
    for (const match of [...disclaimerMatches(markers, units), ...boilerplateMatches(markers, units)]) {
      const list = ranges.get(match.unit) ?? []
      list.push([match.start, match.end])
      ranges.set(match.unit, list)
    }
  }
  return ranges
}

/** The words of the units, each marked with its unit and whether boilerplate excludes it. */
export function reuseText(units: TextUnit[], distributors: readonly DistributorDoc[] = []): ReuseText {
  const excluded = distributors.length > 0 ? excludedRanges(units, distributors) : undefined
  const words: ReuseWord[] = []
  units.forEach((unit, index) => {
    const ranges = excluded?.get(unit)
    for (const word of wordsOf(unit.text)) {
      const out = ranges?.some(([start, end]) => word.start < end && word.end > start) ?? false
      words.push({...word, unit: index, excluded: out})
    }
  })
  return {units, words}
}

/** The body paragraphs of a document, as reuse detection reads them. */
export function bodyReuseText(document: PressReleaseDocument, distributors: readonly DistributorDoc[] = []): ReuseText {
  return reuseText(documentText(document).body, distributors)
}

/**
 * The hash of the shingle starting at each word, or -1 where none counts: it would run
 * past its paragraph, into boilerplate, or hold too few words that are not function words.
 */
export function shingleHashes(words: readonly ReuseWord[]): Int32Array {
  const hashes = new Int32Array(words.length).fill(-1)
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) {
    const first = words[start]!
    let hash = 0x9747b28c
    let content = 0
    let usable = true
    for (let offset = 0; offset < SHINGLE_WORDS; offset++) {
      const word = words[start + offset]!
      if (word.excluded || word.unit !== first.unit) {
        usable = false
        break
      }
      if (!word.stop) content++
      hash = Math.imul(hash ^ word.hash, 0x5bd1e995) ^ (hash >>> 15)
    }
    // Kept non-negative, so -1 stays free to mean "no shingle".
    if (usable && content >= MIN_CONTENT_WORDS) hashes[start] = mix(hash) >>> 1
  }
  return hashes
}

/** True when a shingle hash is sampled as a fingerprint. */
export function sampled(hash: number): boolean {
  return hash >= 0 && (hash & SAMPLE_MASK) === 0
}

/** Encodes a shingle hash as stored: base 36. */
export function encodeHash(hash: number): string {
  return hash.toString(36)
}

/** The sampled fingerprints of a text, base 36, sorted and unique. */
export function fingerprintOf(text: ReuseText): string[] {
  const set = new Set<string>()
  for (const hash of shingleHashes(text.words)) if (sampled(hash)) set.add(encodeHash(hash))
  return [...set].sort()
}

/** The fingerprint a release stores: its body without distributors' disclaimers and boilerplate. */
export function releaseFingerprint(
  document: PressReleaseDocument,
  distributors: readonly DistributorDoc[] = [],
): ReuseFingerprint {
  return {_type: 'reuseFingerprint', version: FINGERPRINT_VERSION, hashes: fingerprintOf(bodyReuseText(document, distributors))}
}

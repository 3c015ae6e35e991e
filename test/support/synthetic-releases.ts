/**
 * Deterministic filler releases for tests that need a large store: pseudo-words from a
 * seeded generator, so no two releases share a passage by accident and every run builds
 * the same documents.
 */
import type {BodyItem} from '../../plugins/editorial-review/core'

/** mulberry32: a small seeded PRNG. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = 'ka lo mi ne ru sa te vi do ba fe gi ho ju ly pa qu ri so tu we xa yo ze'.split(' ')

/** A vocabulary of pseudo-words, the same for a seed. */
export function vocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>()
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3)
    let word = ''
    for (let index = 0; index < length; index++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    words.add(word)
  }
  return [...words]
}

export function paragraph(words: readonly string[], count: number, random: () => number): string {
  const picked = Array.from({length: count}, () => words[Math.floor(random() * words.length)]!)
  return `${picked.join(' ')}.`.replace(/^./, (first) => first.toUpperCase())
}

export function textBlock(key: string, text: string): BodyItem {
  return {_type: 'block', _key: key, style: 'normal', markDefs: [], children: [{_type: 'span', _key: `${key}s`, text, marks: []}]}
}

/** `count` press releases of three paragraphs, ids `pressRelease.filler-<n>`. */
export function fillerReleases(count: number, seed = 1): {_id: string; _type: 'pressRelease'; title: string; body: BodyItem[]}[] {
  const random = seeded(seed)
  const words = vocabulary(5000, random)
  return Array.from({length: count}, (_, index) => ({
    _id: `pressRelease.filler-${index}`,
    _type: 'pressRelease' as const,
    title: `Filler release ${index}`,
    body: [0, 1, 2].map((block) => textBlock(`p${block}`, paragraph(words, 30 + Math.floor(random() * 20), random))),
  }))
}

/**
 * Candidate sources for an article: releases sharing fingerprints with it, most shared
 * first. The GROQ query (queries/reuse.ts) does this on any Content Lake; `ReuseIndex` is
 * the same lookup as an inverted index in memory, for the local lake's gate and the
 * benchmark.
 */

/** How many of the article's fingerprints a stored list holds. */
export function sharedCount(article: ReadonlySet<string>, stored: readonly unknown[] | undefined): number {
  let shared = 0
  for (const hash of stored ?? []) if (typeof hash === 'string' && article.has(hash)) shared++
  return shared
}

export interface Candidate {
  id: string
  shared: number
}

export interface CandidateOptions {
  /** At most this many candidates, most shared first. Default 20. */
  limit?: number
  /** Fingerprints a candidate must share. Default 1. */
  minShared?: number
}

export const DEFAULT_CANDIDATE_LIMIT = 20

/**
 * Fingerprint → the documents holding it. Documents are numbered slots, so a lookup counts
 * into a typed array: boilerplate-like fingerprints are shared by thousands of releases,
 * and counting those by id string was most of a lookup.
 */
export class ReuseIndex {
  private readonly postings = new Map<string, Set<number>>()
  private readonly slotOf = new Map<string, number>()
  private readonly entries: ({id: string; hashes: readonly string[]} | undefined)[] = []
  private readonly freeSlots: number[] = []
  /** Zero between lookups; reused so a lookup allocates nothing per document. */
  private counts = new Uint32Array(0)

  get size(): number {
    return this.slotOf.size
  }

  set(id: string, hashes: readonly string[]): void {
    this.delete(id)
    const slot = this.freeSlots.pop() ?? this.entries.length
    this.entries[slot] = {id, hashes}
    this.slotOf.set(id, slot)
    for (const hash of hashes) {
      let slots = this.postings.get(hash)
      if (!slots) this.postings.set(hash, (slots = new Set()))
      slots.add(slot)
    }
  }

  delete(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    for (const hash of this.entries[slot]!.hashes) {
      const slots = this.postings.get(hash)
      slots?.delete(slot)
      if (slots?.size === 0) this.postings.delete(hash)
    }
    this.entries[slot] = undefined
    this.slotOf.delete(id)
    this.freeSlots.push(slot)
  }

  candidates(hashes: readonly string[], options: CandidateOptions = {}): Candidate[] {
    if (this.counts.length < this.entries.length) this.counts = new Uint32Array(this.entries.length * 2)
    const counts = this.counts
    const touched: number[] = []
    for (const hash of new Set(hashes)) {
      for (const slot of this.postings.get(hash) ?? []) {
        if (counts[slot] === 0) touched.push(slot)
        counts[slot] = counts[slot]! + 1
      }
    }
    const limit = options.limit ?? DEFAULT_CANDIDATE_LIMIT
    // Only documents that can make the cut are ranked; ties at the cut all are, so the order is rankCandidates' own.
    const minShared = Math.max(options.minShared ?? 1, cutOff(counts, touched, limit))
    const ranked = new Map<string, number>()
    for (const slot of touched) {
      if (counts[slot]! >= minShared) ranked.set(this.entries[slot]!.id, counts[slot]!)
      counts[slot] = 0
    }
    return rankCandidates(ranked, {...options, limit})
  }
}

/** The count the `limit`-th best document has: no document below it is among the first `limit`. */
function cutOff(counts: Uint32Array, touched: readonly number[], limit: number): number {
  if (touched.length <= limit) return 1
  let most = 0
  for (const slot of touched) most = Math.max(most, counts[slot]!)
  const histogram = new Uint32Array(most + 1)
  for (const slot of touched) histogram[counts[slot]!] = histogram[counts[slot]!]! + 1
  let seen = 0
  for (let shared = most; shared > 1; shared--) {
    seen += histogram[shared]!
    if (seen >= limit) return shared
  }
  return 1
}

export function rankCandidates(counts: ReadonlyMap<string, number>, options: CandidateOptions = {}): Candidate[] {
  const minShared = options.minShared ?? 1
  return [...counts]
    .filter(([, shared]) => shared >= minShared)
    .map(([id, shared]) => ({id, shared}))
    .sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, options.limit ?? DEFAULT_CANDIDATE_LIMIT)
}

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

/** Fingerprint → ids of the documents holding it. */
export class ReuseIndex {
  private readonly postings = new Map<string, Set<string>>()
  private readonly hashesOf = new Map<string, readonly string[]>()

  get size(): number {
    return this.hashesOf.size
  }

  set(id: string, hashes: readonly string[]): void {
    this.delete(id)
    this.hashesOf.set(id, hashes)
    for (const hash of hashes) {
      let ids = this.postings.get(hash)
      if (!ids) this.postings.set(hash, (ids = new Set()))
      ids.add(id)
    }
  }

  delete(id: string): void {
    const hashes = this.hashesOf.get(id)
    if (!hashes) return
    for (const hash of hashes) this.postings.get(hash)?.delete(id)
    this.hashesOf.delete(id)
  }

  candidates(hashes: readonly string[], options: CandidateOptions = {}): Candidate[] {
    const counts = new Map<string, number>()
    for (const hash of new Set(hashes)) {
      for (const id of this.postings.get(hash) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    return rankCandidates(counts, options)
  }
}

export function rankCandidates(counts: ReadonlyMap<string, number>, options: CandidateOptions = {}): Candidate[] {
  const minShared = options.minShared ?? 1
  return [...counts]
    .filter(([, shared]) => shared >= minShared)
    .map(([id, shared]) => ({id, shared}))
    .sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, options.limit ?? DEFAULT_CANDIDATE_LIMIT)
}

/**
 * The transaction ids a dataset refuses to see again (Sanity: a transaction id "must be
 * unique in the dataset"). Remembering every id ever used would grow without bound, so a
 * dataset keeps two kinds:
 * - every `_rev` a document carries now: reusing one of those would let a stale writer's
 *   `ifRevisionID` match again, so they are never forgotten while the revision is live;
 * - the most recent `limit` ids, which is what a client retrying a commit whose answer it
 *   lost needs refused (it gets a 409 instead of a duplicate create or a doubled `inc`).
 * The recent ids go into the snapshot, so a restart after a compaction still knows them.
 */
export const DEFAULT_TRANSACTION_IDS_KEPT = 100_000

export class TransactionIds {
  private readonly limit: number
  /** Insertion-ordered, oldest first. */
  private readonly recent = new Set<string>()
  /** Live `_rev` → how many documents carry it (one transaction can write many). */
  private readonly live = new Map<string, number>()

  constructor(limit = DEFAULT_TRANSACTION_IDS_KEPT) {
    this.limit = limit
  }

  has(id: string): boolean {
    return this.recent.has(id) || this.live.has(id)
  }

  /** Records a transaction id as used, forgetting the oldest recent one past the limit. */
  add(id: string): void {
    this.recent.delete(id)
    this.recent.add(id)
    if (this.recent.size > this.limit) this.recent.delete(this.recent.values().next().value!)
  }

  /** A document's revision changed from `before` to `after` (either may be absent). */
  revisionChanged(before: string | undefined, after: string | undefined): void {
    if (before === after) return
    if (before !== undefined) {
      const count = this.live.get(before) ?? 0
      if (count <= 1) this.live.delete(before)
      else this.live.set(before, count - 1)
    }
    if (after !== undefined) this.live.set(after, (this.live.get(after) ?? 0) + 1)
  }

  /** The recent ids, oldest first, as the snapshot keeps them. */
  recentIds(): string[] {
    return [...this.recent]
  }
}

/**
 * One dataset in memory: documents plus the indexes the query planner and the history
 * endpoints use. Documents are treated as immutable; a commit swaps whole objects, so
 * history entries and the live map share structure instead of copying.
 */
import {publishedIdOf} from './ids'
import type {SnapshotEntry} from './journal'
import {OrderIndexes, type PlacedDoc} from './order-index'
import {TransactionIds} from './transaction-ids'
import type {Change, SanityDocument} from './types'

/** One committed change of one document, kept for the history endpoints. */
export interface HistoryEntry {
  /** Commit sequence number, global to the lake; orders entries across documents. */
  seq: number
  /** Transaction id (= the document's `_rev` after it). */
  transactionId: string
  /** ISO commit time. */
  timestamp: string
  /** Author user id. */
  author: string
  before: SanityDocument | null
  after: SanityDocument | null
  /** An administrator's restore let unreviewed copy through in this transaction. */
  allowedUnreviewed?: true
  /** On an entry loaded from a snapshot: who last changed the document's judged content before the snapshot. */
  contentAuthor?: string
}

/** A commit as applied to a dataset; also what the journal stores (minus `before`). */
export interface AppliedCommit {
  seq: number
  transactionId: string
  timestamp: string
  author: string
  changes: Change[]
  /** An administrator's restore let unreviewed copy through (`--allow-unreviewed`). */
  allowedUnreviewed?: true
}

/**
 * The ids of one published-id group. `ordinal` is the group's place in `groups`' iteration
 * order (a Map keeps insertion order), which is the dataset order queries see, so a
 * narrowed set of groups can be put in that order without walking the whole map.
 */
export class Group extends Set<string> {
  readonly ordinal: number
  constructor(ordinal: number) {
    super()
    this.ordinal = ordinal
  }
}

/** How many history entries each document keeps in memory; older ones are dropped. */
const HISTORY_PER_DOCUMENT = 1000

export class DatasetState {
  readonly name: string
  readonly docs = new Map<string, SanityDocument>()
  /** `_type` → ids, so `_type == $t` filters need not scan. */
  readonly byType = new Map<string, Set<string>>()
  /** published id → ids of the published doc, its draft and its versions (perspectives work per group). */
  readonly groups = new Map<string, Group>()
  readonly history = new Map<string, HistoryEntry[]>()
  /** Transaction ids a caller may not choose again: live revisions and the recent ones (bounded). */
  readonly transactionIds: TransactionIds
  /** Sorted indexes the list-query planner builds on demand; kept current by `apply`. */
  readonly orderIndexes = new OrderIndexes()
  private nextGroupOrdinal = 0
  /** id → when the stored copy joined its group: the order `Group` iterates its members in, as a number the indexes can compare. */
  private readonly joined = new Map<string, number>()
  private nextMember = 0
  /** Bumped on every commit; query caches compare it. */
  generation = 0

  constructor(name: string, transactionIdsKept?: number) {
    this.name = name
    this.transactionIds = new TransactionIds(transactionIdsKept)
  }

  get(id: string): SanityDocument | null {
    return this.docs.get(id) ?? null
  }

  apply(commit: AppliedCommit): void {
    this.transactionIds.add(commit.transactionId)
    const removed: PlacedDoc[] | undefined = this.orderIndexes.active ? [] : undefined
    for (const change of commit.changes) {
      const previous = this.docs.get(change.id) ?? null
      this.transactionIds.revisionChanged(previous?._rev, change.after?._rev)
      if (previous) {
        removed?.push(this.placed(previous))
        this.unindex(previous)
      }
      if (change.after) {
        this.docs.set(change.id, change.after)
        this.index(change.after)
      } else {
        this.docs.delete(change.id)
      }
      this.remember(change.id, {
        seq: commit.seq,
        transactionId: commit.transactionId,
        timestamp: commit.timestamp,
        author: commit.author,
        before: previous,
        after: change.after,
        ...(commit.allowedUnreviewed ? {allowedUnreviewed: true as const} : {}),
      })
    }
    if (removed) {
      // Places are read once every change is in: a group emptied and refilled in this commit has a new ordinal.
      const added: PlacedDoc[] = []
      for (const {id, after} of commit.changes) if (after && this.docs.get(id) === after) added.push(this.placed(after))
      this.orderIndexes.update(removed, added)
    }
    this.generation++
  }

  /** A stored copy with its place in dataset order (see order-index.ts `Place`). */
  placed(doc: SanityDocument): PlacedDoc {
    return {doc, group: this.groups.get(publishedIdOf(doc._id))!.ordinal, member: this.joined.get(doc._id)!}
  }

  /** Loads a document from a snapshot, with a single synthetic history entry at its current revision. */
  load({doc, author, contentAuthor}: SnapshotEntry): void {
    this.transactionIds.revisionChanged(this.docs.get(doc._id)?._rev, doc._rev)
    // Loading happens before any query; indexes built meanwhile are rebuilt on next use.
    this.orderIndexes.clear()
    this.docs.set(doc._id, doc)
    this.index(doc)
    this.remember(doc._id, {
      seq: 0,
      transactionId: doc._rev ?? '',
      timestamp: doc._updatedAt ?? doc._createdAt ?? new Date(0).toISOString(),
      author,
      before: null,
      after: doc,
      ...(contentAuthor ? {contentAuthor} : {}),
    })
    this.generation++
  }

  /** Every document with the author of its current revision, as a snapshot keeps them. */
  *snapshotEntries(): Generator<SnapshotEntry> {
    for (const [id, doc] of this.docs) yield {doc, author: this.history.get(id)?.at(-1)?.author ?? ''}
  }

  /** The ids of the document's group (published, draft, versions) that exist now. */
  groupOf(id: string): string[] {
    return [...(this.groups.get(publishedIdOf(id)) ?? [])]
  }

  historyOf(id: string): HistoryEntry[] {
    return this.history.get(id) ?? []
  }

  private remember(id: string, entry: HistoryEntry): void {
    let entries = this.history.get(id)
    if (!entries) this.history.set(id, (entries = []))
    entries.push(entry)
    if (entries.length > HISTORY_PER_DOCUMENT) entries.splice(0, entries.length - HISTORY_PER_DOCUMENT)
  }

  private index(doc: SanityDocument): void {
    let ids = this.byType.get(doc._type)
    if (!ids) this.byType.set(doc._type, (ids = new Set()))
    ids.add(doc._id)
    const group = publishedIdOf(doc._id)
    let members = this.groups.get(group)
    if (!members) this.groups.set(group, (members = new Group(this.nextGroupOrdinal++)))
    if (!members.has(doc._id)) {
      members.add(doc._id)
      this.joined.set(doc._id, this.nextMember++)
    }
  }

  private unindex(doc: SanityDocument): void {
    const ids = this.byType.get(doc._type)
    if (ids) {
      ids.delete(doc._id)
      if (ids.size === 0) this.byType.delete(doc._type)
    }
    const group = publishedIdOf(doc._id)
    const members = this.groups.get(group)
    this.joined.delete(doc._id)
    if (members) {
      members.delete(doc._id)
      if (members.size === 0) this.groups.delete(group)
    }
  }
}

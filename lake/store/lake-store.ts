/**
 * The lake's store: datasets in memory, made durable by the journal, with one commit
 * path shared by mutations, actions and the import. Commits run one at a time (the
 * build step is async because delete/patch-by-query evaluate GROQ), so a transaction
 * and its guard always see the state it commits against.
 */
import {randomUUID} from 'node:crypto'
import {StoreError} from './errors'
import {DatasetState, type AppliedCommit} from './dataset'
import {Journal, type JournalRecord, type SnapshotEntry} from './journal'
import type {Change, CommitGuard, CommitResult, GuardContext, LakeUser, Refusal} from './types'
import {WorkingSet} from './working-set'

export interface LakeStoreOptions {
  /** Directory holding the journal and snapshot. */
  dataDir: string
  /** Policy run before every commit; none by default. */
  guard?: CommitGuard
  /** Log size that triggers compaction into the snapshot (bytes). */
  compactAfterBytes?: number
}

/** Details of a commit handed to listeners (the `/data/listen` fan-out). */
export interface CommitEvent extends AppliedCommit {
  dataset: string
  /** The user who committed. */
  identity: string
}

export interface CommitOptions {
  /** Caller-chosen transaction id (`transactionId` param); generated when absent. */
  transactionId?: string
  /** What kind of request this is, for the guard. */
  kind: GuardContext['kind']
  /** Role check on the final changes; throws to refuse (before the guard runs). */
  authorize?: (changes: Change[]) => void
  /** An administrator's restore lets unreviewed copy through; the journal records it with the transaction. */
  allowUnreviewed?: boolean
  /** False when the request sent no token (the anonymous default user); true when omitted. */
  authenticated?: boolean
  /** Check everything (roles, guard) and answer as if committed, but write nothing (`dryRun`). */
  dryRun?: boolean
}

/** Rejected by the injected guard; the HTTP layer reports the reasons. */
export class GuardRejection extends Error {
  readonly reasons: string[]
  /** The documents at fault, when the guard named them. */
  readonly refusals: Refusal[]
  constructor(reasons: string[], refusals: Refusal[] = []) {
    super(`Transaction rejected: ${reasons.join('; ') || 'no reason given'}`)
    this.name = 'GuardRejection'
    this.reasons = reasons
    this.refusals = refusals
  }
}

const DEFAULT_COMPACT_AFTER = 64 * 1024 * 1024

export class LakeStore {
  private readonly datasets = new Map<string, DatasetState>()
  private readonly listeners = new Set<(event: CommitEvent) => void>()
  private readonly journal: Journal
  private guard: CommitGuard | undefined
  private seq: number
  private queue: Promise<unknown> = Promise.resolve()
  /** Bytes dropped from a torn journal tail when opening (0 normally); reported at startup. */
  readonly recoveredTailBytes: number

  private constructor(journal: Journal, seq: number, droppedTailBytes: number, guard: CommitGuard | undefined) {
    this.journal = journal
    this.seq = seq
    this.recoveredTailBytes = droppedTailBytes
    this.guard = guard
  }

  static open(options: LakeStoreOptions): LakeStore {
    const {journal, contents} = Journal.open({
      dir: options.dataDir,
      compactAfterBytes: options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER,
    })
    let seq = contents.snapshotSeq
    const store = new LakeStore(journal, seq, contents.droppedTailBytes, options.guard)
    for (const [name, entries] of contents.snapshot) {
      const state = store.dataset(name)
      for (const entry of entries) state.load(entry)
    }
    for (const record of contents.records) {
      const state = store.dataset(record.dataset)
      state.apply({
        seq: record.seq,
        transactionId: record.transactionId,
        timestamp: record.timestamp,
        author: record.author,
        changes: record.changes.map((c) => ({id: c.id, before: state.get(c.id), after: c.after})),
        ...(record.allowedUnreviewed ? {allowedUnreviewed: true as const} : {}),
      })
      seq = record.seq
    }
    store.seq = seq
    // A long log (e.g. from a big import before a crash) is folded into the snapshot now, not at the next write.
    if (journal.needsCompaction) store.compact()
    return store
  }

  /** The dataset's state; datasets exist implicitly (an unknown one is empty). */
  dataset(name: string): DatasetState {
    let state = this.datasets.get(name)
    if (!state) this.datasets.set(name, (state = new DatasetState(name)))
    return state
  }

  datasetNames(): string[] {
    return [...this.datasets.keys()]
  }

  setGuard(guard: CommitGuard | undefined): void {
    this.guard = guard
  }

  /** How many commit listeners are subscribed (open `/data/listen` streams, among others). */
  get listenerCount(): number {
    return this.listeners.size
  }

  subscribe(listener: (event: CommitEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Runs `build` against a fresh working set and commits its net changes atomically:
   * stamp `_rev`/`_updatedAt`, ask the guard, fsync to the journal, apply in memory,
   * notify listeners. Any throw before the journal write leaves nothing behind.
   */
  commit<T>(
    dataset: string,
    user: LakeUser,
    options: CommitOptions,
    build: (ws: WorkingSet) => Promise<T> | T,
  ): Promise<{result: T; commit: CommitResult}> {
    const run = async () => {
      const state = this.dataset(dataset)
      if (options.transactionId && state.transactionIds.has(options.transactionId)) {
        // A reused id would make two transactions one `_rev`, so a stale `ifRevisionID` could match.
        throw new StoreError(
          'transactionIdTaken',
          `Transaction ID "${options.transactionId}" already exists in dataset "${dataset}"; a transaction ID must be unique in the dataset`,
        )
      }
      const ws = new WorkingSet(state)
      const result = await build(ws)
      const transactionId = options.transactionId || randomUUID().replace(/-/g, '').slice(0, 22)
      const timestamp = new Date().toISOString()
      let changes = stamp(ws.changes(), transactionId, timestamp)
      if (changes.length === 0) return {result, commit: {transactionId, timestamp, changes}}
      options.authorize?.(changes)
      if (this.guard) {
        const verdict = this.guard.beforeCommit(changes, user, {
          dataset,
          kind: options.kind,
          transactionId,
          timestamp,
          allowUnreviewed: options.allowUnreviewed === true,
          authenticated: options.authenticated !== false,
          getDocument: (id) => state.get(id),
          documentsOfType: (type) => [...(state.byType.get(type) ?? [])].map((id) => state.get(id)).filter((d) => d !== null),
          groupOf: (id) => state.groupOf(id),
          historyOf: (id) => state.historyOf(id),
        })
        if (!verdict.ok) throw new GuardRejection(verdict.reasons, verdict.refusals)
        if (verdict.changes) changes = verdict.changes
      }
      if (options.dryRun) return {result, commit: {transactionId, timestamp, changes}}
      const seq = this.seq + 1
      const record: JournalRecord = {
        seq,
        dataset,
        transactionId,
        timestamp,
        author: user.id,
        changes: changes.map(({id, after}) => ({id, after})),
        ...(options.allowUnreviewed ? {allowedUnreviewed: true as const} : {}),
      }
      this.journal.append([record])
      this.seq = seq
      const applied: AppliedCommit = {
        seq,
        transactionId,
        timestamp,
        author: user.id,
        changes,
        ...(record.allowedUnreviewed ? {allowedUnreviewed: true as const} : {}),
      }
      state.apply(applied)
      this.emit({...applied, dataset, identity: user.id})
      if (this.journal.needsCompaction) this.compact()
      return {result, commit: {transactionId, timestamp, changes}}
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Rewrites the snapshot from memory and empties the journal. */
  compact(): void {
    const all = new Map<string, Iterable<SnapshotEntry>>()
    for (const [name, state] of this.datasets) all.set(name, this.withContentAuthors(state))
    this.journal.compact(all, this.seq)
  }

  private *withContentAuthors(state: DatasetState): Generator<SnapshotEntry> {
    for (const entry of state.snapshotEntries()) {
      const contentAuthor = this.guard?.contentAuthor?.(entry.doc._id, state)
      yield contentAuthor ? {...entry, contentAuthor} : entry
    }
  }

  close(): void {
    this.journal.close()
    this.listeners.clear()
  }

  private emit(event: CommitEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (err) {
        // A broken listener connection must not fail a commit that is already durable.
        process.stderr.write(`lake: listener failed: ${(err as Error).message}\n`)
      }
    }
  }
}

/** Sanity keeps `_rev` = transaction id, `_updatedAt` = commit time, `_createdAt` from creation. */
function stamp(changes: Change[], transactionId: string, timestamp: string): Change[] {
  return changes.map(({id, before, after}) => {
    if (!after) return {id, before, after}
    if (typeof after._type !== 'string' || !after._type) {
      throw new StoreError('invalid', `Document "${id}" would have no _type`, id)
    }
    return {
      id,
      before,
      after: {
        ...after,
        _id: id,
        _createdAt: after._createdAt ?? before?._createdAt ?? timestamp,
        _updatedAt: timestamp,
        _rev: transactionId,
      },
    }
  })
}

/**
 * The lake's store: datasets in memory, made durable by the journal, with one commit
 * path shared by mutations, actions and the import. Commits run one at a time (the
 * build step is async because delete/patch-by-query evaluate GROQ), so a transaction
 * and its guard always see the state it commits against.
 */
import {randomUUID} from 'node:crypto'
import {StoreError} from './errors'
import {DatasetState, type AppliedCommit} from './dataset'
import type {LakeFs} from './fs'
import {Journal, type JournalRecord, type SnapshotDataset, type SnapshotEntry, type SnapshotSource} from './journal'
import type {Change, CommitGuard, CommitResult, GuardContext, GuardStore, LakeUser, Refusal, SanityDocument} from './types'
import {WorkingSet} from './working-set'

export interface LakeStoreOptions {
  /** Directory holding the journal and snapshot. */
  dataDir: string
  /** Policy run before every commit; none by default. */
  guard?: CommitGuard
  /** Log size that triggers compaction into the snapshot (bytes). */
  compactAfterBytes?: number
  /** Largest JSON document accepted, in bytes; Sanity's 32 MB by default. */
  maxDocumentBytes?: number
  /** How many recent transaction ids each dataset refuses to see again (besides every live `_rev`). */
  transactionIdsKept?: number
  /** File-system layer of the journal and snapshot; node:fs unless a test injects faults. */
  fs?: LakeFs
}

/** Details of a commit handed to listeners (the `/data/listen` fan-out). */
export interface CommitEvent extends AppliedCommit {
  dataset: string
  /** The user who committed. */
  identity: string
  /** `[{id, after}]` of the changes as UTF-8 JSON, serialized once for the journal and reused by whoever needs it as text. */
  changesJson: Buffer
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
/** Sanity's "Maximum JSON document size: 32 MB" (its docs count 1 MB as 1,000,000 bytes). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 32_000_000
/** A failed compaction is tried again after 1 s, 2 s, 4 s, … up to this; commits never wait for it. */
const MAX_COMPACTION_BACKOFF_MS = 5 * 60_000
/**
 * A due compaction waits until no commit came for this long (or the journal is overdue), so a
 * stream of writes is not slowed by one: an import's batches arrive milliseconds apart, and a
 * compaction in their midst rewrote the whole snapshot beside them (a quarter of the lake's
 * work in a 120 MB import). Durability does not depend on it: every commit is in the journal.
 */
const COMPACTION_LULL_MS = 500

function log(line: string): void {
  process.stderr.write(`lake: ${line}\n`)
}

export class LakeStore implements GuardStore {
  private readonly datasets = new Map<string, DatasetState>()
  private readonly listeners = new Set<(event: CommitEvent) => void>()
  private readonly journal: Journal
  private guard: CommitGuard | undefined
  private seq: number
  private queue: Promise<unknown> = Promise.resolve()
  private readonly maxDocumentBytes: number
  private readonly transactionIdsKept: number | undefined
  /** The compaction under way, if any: at most one runs, and commits never wait for it. */
  private compaction: Promise<void> | undefined
  private compactionFailures = 0
  private compactionRetryAt = 0
  private compactionTimer: NodeJS.Timeout | undefined
  /** Fires once commits have paused for COMPACTION_LULL_MS; re-armed by every commit. */
  private lullTimer: NodeJS.Timeout | undefined
  private lastCommitAt = 0
  private closed = false
  /** Commits queued or running; a compaction waits for a lull, so concurrent commits share one. */
  private pendingCommits = 0
  /** Bytes dropped from a torn journal tail when opening (0 normally); reported at startup. */
  readonly recoveredTailBytes: number
  /** Temp files of an interrupted compaction removed when opening; reported at startup. */
  readonly removedTempFiles: string[]

  private constructor(
    journal: Journal,
    seq: number,
    options: LakeStoreOptions,
    opened: {droppedTailBytes: number; removedTempFiles: string[]},
  ) {
    this.journal = journal
    this.seq = seq
    this.recoveredTailBytes = opened.droppedTailBytes
    this.removedTempFiles = opened.removedTempFiles
    this.guard = options.guard
    this.maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES
    this.transactionIdsKept = options.transactionIdsKept
  }

  static open(options: LakeStoreOptions): LakeStore {
    const {journal, contents} = Journal.open({
      dir: options.dataDir,
      compactAfterBytes: options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER,
      ...(options.fs ? {fs: options.fs} : {}),
    })
    let seq = contents.snapshotSeq
    const store = new LakeStore(journal, seq, options, contents)
    for (const [name, ids] of contents.snapshotTransactionIds) {
      const state = store.dataset(name)
      for (const id of ids) state.transactionIds.add(id)
    }
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
    try {
      options.guard?.attach?.(store)
    } catch (err) {
      store.close()
      throw err
    }
    // A long log (e.g. from a big import before a crash) is folded into the snapshot now, before
    // anything is served; if that fails, the lake still starts (the log holds everything) and retries later.
    if (journal.needsCompaction) {
      try {
        journal.compactNow(store.snapshotSource())
      } catch (err) {
        store.compactionFailed(err)
      }
    }
    return store
  }

  /** The dataset's state; datasets exist implicitly (an unknown one is empty). */
  dataset(name: string): DatasetState {
    let state = this.datasets.get(name)
    if (!state) this.datasets.set(name, (state = new DatasetState(name, this.transactionIdsKept)))
    return state
  }

  datasetNames(): string[] {
    return [...this.datasets.keys()]
  }

  setGuard(guard: CommitGuard | undefined): void {
    this.guard = guard
    guard?.attach?.(this)
  }

  get open(): boolean {
    return !this.closed
  }

  reader(dataset: string): Pick<GuardContext, 'getDocument' | 'documentsOfType'> {
    const state = this.dataset(dataset)
    return {
      getDocument: (id) => state.get(id),
      documentsOfType: (type) => [...(state.byType.get(type) ?? [])].map((id) => state.get(id)).filter((d) => d !== null),
    }
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
   * stamp `_rev`/`_updatedAt`, ask the guard, check document sizes, fsync to the journal,
   * apply in memory, notify listeners. Any throw up to and including the journal write
   * (a full disk, a failed fsync) leaves nothing behind: not in memory, not seen by queries
   * or listeners. Once the record is durable the commit succeeds; compaction happens later,
   * off its path.
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
          ...this.reader(dataset),
          groupOf: (id) => state.groupOf(id),
          historyOf: (id) => state.historyOf(id),
        })
        if (!verdict.ok) throw new GuardRejection(verdict.reasons, verdict.refusals)
        if (verdict.changes) changes = verdict.changes
      }
      const changesJson = changesAsJson(
        changes.map(({id, after}) => `{"id":${JSON.stringify(id)},"after":${this.serialized(id, after)}}`),
      )
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
      this.journal.append(record, changesJson)
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
      this.guardNoted(dataset, changes)
      this.emit({...applied, dataset, identity: user.id, changesJson})
      return {result, commit: {transactionId, timestamp, changes}}
    }
    this.pendingCommits++
    const next = this.queue.then(run, run).finally(() => {
      this.pendingCommits--
      this.lastCommitAt = performance.now()
      // After the answer is on its way: taking the snapshot's source costs a pass over the documents.
      setImmediate(() => this.maybeCompact())
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The document's JSON for the journal, refused past the size limit (which patches could otherwise grow it through). */
  private serialized(id: string, after: SanityDocument | null): string {
    if (!after) return 'null'
    const json = JSON.stringify(after)
    // A UTF-8 byte is at most 3 per UTF-16 unit, so most documents need no byte count at all.
    if (json.length * 3 > this.maxDocumentBytes) {
      const bytes = Buffer.byteLength(json)
      if (bytes > this.maxDocumentBytes) {
        throw new StoreError(
          'documentTooLarge',
          `Document "${id}" would be ${bytes.toLocaleString('en')} bytes of JSON, over the limit of ${this.maxDocumentBytes.toLocaleString('en')} bytes for one document (Sanity's 32 MB); keep large content in assets or split it across documents`,
          id,
        )
      }
    }
    return json
  }

  /**
   * Starts a compaction when the journal is long enough, none is running and no failed one
   * is waiting out its backoff. It runs beside commits, which keep being acknowledged as
   * soon as they are durable, and starts after a lull in commits (COMPACTION_LULL_MS), or
   * at once when the log has grown to twice the threshold, or when `now` (a shutdown, a
   * test) asks; so concurrent commits share one compaction. One that fails is logged and
   * retried later with backoff, never on every commit.
   */
  private maybeCompact(now = false): void {
    if (this.closed || this.compaction || !this.journal.needsCompaction || this.journal.failed) return
    if (Date.now() < this.compactionRetryAt) return
    if (!now && !this.journal.overdueForCompaction) {
      const quietFor = performance.now() - this.lastCommitAt
      if (this.pendingCommits > 0 || quietFor < COMPACTION_LULL_MS) {
        // A commit still to come calls this again when it ends; otherwise the timer does.
        clearTimeout(this.lullTimer)
        this.lullTimer = setTimeout(() => this.maybeCompact(), COMPACTION_LULL_MS - Math.max(0, quietFor))
        this.lullTimer.unref()
        return
      }
    }
    clearTimeout(this.lullTimer)
    this.compaction = this.journal
      .compact(this.snapshotSource())
      .then(
        () => {
          this.compactionFailures = 0
          this.compactionRetryAt = 0
        },
        (err: unknown) => this.compactionFailed(err),
      )
      .finally(() => {
        this.compaction = undefined
      })
  }

  private compactionFailed(err: unknown): void {
    if (this.closed) return
    const delay = Math.min(1000 * 2 ** this.compactionFailures, MAX_COMPACTION_BACKOFF_MS)
    this.compactionFailures++
    this.compactionRetryAt = Date.now() + delay
    log(
      `compaction failed (${(err as Error).message}); every commit is still in the journal, nothing is lost; next attempt in ${delay / 1000} s`,
    )
    clearTimeout(this.compactionTimer)
    this.compactionTimer = setTimeout(() => this.maybeCompact(), delay)
    this.compactionTimer.unref()
  }

  /**
   * Starts a due compaction without waiting for a lull, and settles once none is running
   * (tests, and an orderly shutdown that leaves the journal compacted).
   */
  async compactionSettled(): Promise<void> {
    this.maybeCompact(true)
    await this.compaction
  }

  /** Every dataset's documents and recent transaction ids at this commit; cheap (references, not copies). */
  private snapshotSource(): SnapshotSource {
    const datasets: SnapshotDataset[] = []
    for (const [name, state] of this.datasets) {
      datasets.push({name, entries: [...this.withContentAuthors(state)], transactionIds: state.transactionIds.recentIds()})
    }
    return {seq: this.seq, datasets}
  }

  private *withContentAuthors(state: DatasetState): Generator<SnapshotEntry> {
    for (const entry of state.snapshotEntries()) {
      const contentAuthor = this.guard?.contentAuthor?.(entry.doc._id, state)
      yield contentAuthor ? {...entry, contentAuthor} : entry
    }
  }

  close(): void {
    this.closed = true
    clearTimeout(this.compactionTimer)
    clearTimeout(this.lullTimer)
    this.journal.close()
    this.listeners.clear()
  }

  private guardNoted(dataset: string, changes: readonly Change[]): void {
    try {
      this.guard?.afterCommit?.(dataset, changes)
    } catch (err) {
      // The commit is durable already; failing it now would tell the writer it was not.
      log(`guard's afterCommit failed: ${(err as Error).message}`)
    }
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

/**
 * `[change, …]` as UTF-8, encoded straight into one buffer: a string per change, since one
 * big string would be flattened and copied again, and no intermediate buffers to concatenate.
 */
function changesAsJson(changes: string[]): Buffer {
  const lengths = changes.map((json) => Buffer.byteLength(json))
  const out = Buffer.allocUnsafe(lengths.reduce((sum, n) => sum + n + 1, 0) + (changes.length === 0 ? 2 : 1))
  let offset = 0
  changes.forEach((json, i) => {
    out[offset++] = i === 0 ? 0x5b : 0x2c
    offset += out.write(json, offset)
  })
  if (changes.length === 0) out[offset++] = 0x5b
  out[offset] = 0x5d
  return out
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

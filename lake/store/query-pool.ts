/**
 * Query isolation: GROQ that could be expensive is parsed and evaluated in worker threads,
 * never on the main thread that answers pings, reads and writes.
 *
 * groq-js evaluation is async but CPU-bound: awaiting it yields only to microtasks, so on
 * the main thread one nested query over 20,000 documents (or the parse of a 100,000-term
 * `||` chain) stalls every other client. A worker can be stopped mid-evaluation only by
 * `worker.terminate()`, so each query gets a hard deadline after which its worker is
 * terminated and a fresh one started; a client that goes away terminates it the same way.
 *
 * Each worker holds its own copy of the datasets: a snapshot sent in chunks when it starts
 * (documents are immutable, so the array taken at one commit stays that commit's state),
 * then every commit the store reports through `store.subscribe`. A worker runs one query
 * at a time and holds back commits that arrive meanwhile, so a query sees exactly the
 * committed state it was dispatched at.
 */
import os from 'node:os'
import {setImmediate as yieldToLoop} from 'node:timers/promises'
import {Worker} from 'node:worker_threads'
import {errors, LakeError} from '../errors'
import type {LakeStore} from './lake-store'
import type {QueryOptions} from './query'
import type {SanityDocument} from './types'

/** A commit as workers receive it: `changes` is UTF-8 JSON (`[{id, after}]`), serialized once (by the store, for its journal) for all workers. */
export interface WorkerCommit {
  type: 'commit'
  dataset: string
  seq: number
  changes: Uint8Array
}

export type ToWorker =
  | {type: 'load'; dataset: string; docs: SanityDocument[]}
  | {type: 'synced'; seq: number}
  | WorkerCommit
  | {type: 'query'; id: number; seq: number; dataset: string; query: string; options: QueryOptions}

export type FromWorker =
  | {type: 'ready'}
  | {type: 'result'; id: number; json: string}
  | {type: 'error'; id: number; status: number; body: Record<string, unknown>}

export interface QueryPoolOptions {
  /** Worker threads; default: the cores left beside the main thread, at least one. */
  workers?: number
  /** Hard limit on one query's parse + evaluation, in ms. */
  timeoutMs: number
}

// Sanity's documented "maximum query execution time" is 1 minute (sanity.io/docs/technical-limits).
export const DEFAULT_QUERY_TIMEOUT_MS = 60_000

/** Documents per snapshot message: small enough that cloning one chunk never stalls the main thread for long. */
const SNAPSHOT_CHUNK = 1_000

interface Job {
  /** Matches the worker's answer to the query it was sent. */
  id: number
  /** Settled (answered, failed, timed out or cancelled): later answers are ignored. */
  done: boolean
  dataset: string
  query: string
  options: QueryOptions
  resolve: (json: string) => void
  reject: (err: Error) => void
  signal: AbortSignal | undefined
  onAbort: () => void
  slot?: Slot
  timer?: NodeJS.Timeout
}

interface Slot {
  worker: Worker
  /** Snapshot sent and acknowledged: may take queries. */
  ready: boolean
  /** Commits that happened while the snapshot was still being sent; sent after it. */
  backlog: WorkerCommit[] | undefined
  job: Job | undefined
  /** Set when the pool stopped this worker on purpose (timeout, cancellation, close). */
  retired: boolean
}

const BOOT = new URL('./query-worker-boot.mjs', import.meta.url)

export class QueryPool {
  private readonly store: LakeStore
  private readonly size: number
  readonly timeoutMs: number
  private readonly slots = new Set<Slot>()
  private readonly queue: Job[] = []
  private readonly unsubscribe: () => void
  /** Sequence number of the last commit broadcast (0: the state loaded from disk). */
  private seq = 0
  private nextId = 1
  /** Workers that exited before becoming ready, in a row. */
  private failedStarts = 0
  private closed = false

  constructor(store: LakeStore, options: QueryPoolOptions) {
    this.store = store
    // One core stays with the main thread (HTTP, writes, index-served reads); at least one worker even on a single core.
    this.size = Math.max(1, options.workers ?? os.availableParallelism() - 1)
    this.timeoutMs = options.timeoutMs
    this.unsubscribe = store.subscribe((event) => {
      const message: WorkerCommit = {
        type: 'commit',
        dataset: event.dataset,
        seq: event.seq,
        changes: event.changesJson,
      }
      this.seq = event.seq
      for (const slot of this.slots) {
        if (slot.backlog) slot.backlog.push(message)
        else slot.worker.postMessage(message)
      }
    })
    for (let i = 0; i < this.size; i++) this.spawn()
  }

  /** Parses and evaluates `query` in a worker; resolves with the result as JSON text. */
  run(dataset: string, query: string, options: QueryOptions, signal?: AbortSignal): Promise<string> {
    if (this.closed) return Promise.reject(errors.internal('The lake is shutting down'))
    if (this.slots.size === 0) return Promise.reject(errors.internal('No query worker could be started'))
    return new Promise<string>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        done: false,
        dataset,
        query,
        options,
        resolve,
        reject,
        signal,
        onAbort: () => this.cancel(job),
      }
      if (signal?.aborted) return reject(new Error('The client went away'))
      signal?.addEventListener('abort', job.onAbort, {once: true})
      this.queue.push(job)
      this.pump()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    this.unsubscribe()
    for (const job of this.queue.splice(0)) this.settle(job, errors.internal('The lake is shutting down'))
    await Promise.all(
      [...this.slots].map((slot) => {
        if (slot.job) this.settle(slot.job, errors.internal('The lake is shutting down'))
        return this.retire(slot)
      }),
    )
  }

  private spawn(): void {
    if (this.closed) return
    // No inherited execArgv: the boot file registers tsx itself, wherever the lake runs (tsx CLI, `--import tsx`, vitest).
    const worker = new Worker(BOOT, {execArgv: []})
    const slot: Slot = {worker, ready: false, backlog: [], job: undefined, retired: false}
    this.slots.add(slot)
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message))
    worker.on('error', (err) => this.onExit(slot, err))
    worker.on('exit', (code) => this.onExit(slot, new Error(`query worker exited with code ${code}`)))
    void this.sendSnapshot(slot)
  }

  /** Sends every dataset in chunks, yielding between them so other requests are served meanwhile. */
  private async sendSnapshot(slot: Slot): Promise<void> {
    // Taken in one synchronous step: exactly the state after commit `this.seq`. In dataset order
    // (groups, then their copies), so the worker's groups and their ties order as they do here.
    const datasets = this.store.datasetNames().map((name) => {
      const state = this.store.dataset(name)
      return [name, [...state.groups.values()].flatMap((group) => [...group].map((id) => state.docs.get(id)!))] as const
    })
    for (const [name, docs] of datasets) {
      for (let i = 0; i < docs.length; i += SNAPSHOT_CHUNK) {
        if (slot.retired) return
        slot.worker.postMessage({type: 'load', dataset: name, docs: docs.slice(i, i + SNAPSHOT_CHUNK)} satisfies ToWorker)
        await yieldToLoop()
      }
    }
    if (slot.retired) return
    for (const message of slot.backlog ?? []) slot.worker.postMessage(message)
    slot.backlog = undefined
    slot.worker.postMessage({type: 'synced', seq: this.seq} satisfies ToWorker)
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || slot.retired) continue
      const job = this.queue.shift()
      if (!job) return
      this.dispatch(slot, job)
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    slot.job = job
    job.slot = slot
    slot.worker.postMessage({
      type: 'query',
      id: job.id,
      seq: this.seq,
      dataset: job.dataset,
      query: job.query,
      options: job.options,
    } satisfies ToWorker)
    job.timer = setTimeout(() => {
      this.settle(job, errors.queryTimeout(job.query, this.timeoutMs))
      void this.replace(slot)
    }, this.timeoutMs)
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (message.type === 'ready') {
      slot.ready = true
      this.failedStarts = 0
      this.pump()
      return
    }
    const job = slot.job
    if (!job || job.id !== message.id) return
    slot.job = undefined
    if (message.type === 'result') this.settle(job, undefined, message.json)
    else
      this.settle(
        job,
        new LakeError(message.status, message.body, String((message.body.error as {description?: string})?.description ?? '')),
      )
    this.pump()
  }

  /** A worker that died on its own (out of memory, a crash): fail its query, start another. */
  private onExit(slot: Slot, err: Error): void {
    if (slot.retired || !this.slots.has(slot)) return
    slot.retired = true
    this.slots.delete(slot)
    if (slot.job) this.settle(slot.job, errors.internal(`The query worker failed: ${err.message}`))
    // A worker that dies before it is ready cannot start at all (a broken install): stop retrying after a few.
    if (!slot.ready && ++this.failedStarts >= 3) {
      process.stderr.write(`lake: query workers fail to start (${err.message}); queries needing one get 500\n`)
      if (this.slots.size === 0)
        for (const job of this.queue.splice(0)) this.settle(job, errors.internal(`No query worker: ${err.message}`))
      return
    }
    this.spawn()
    this.pump()
  }

  /** The client went away: drop a waiting query, or stop the worker running it. */
  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job)
    if (queued >= 0) this.queue.splice(queued, 1)
    const slot = job.slot
    this.settle(job, new Error('The client went away'))
    if (slot && slot.job === job) void this.replace(slot)
  }

  /** Terminates a worker whose query is being abandoned and starts a fresh one. */
  private async replace(slot: Slot): Promise<void> {
    slot.job = undefined
    const stopped = this.retire(slot)
    this.spawn()
    await stopped
  }

  private retire(slot: Slot): Promise<unknown> {
    slot.retired = true
    this.slots.delete(slot)
    return slot.worker.terminate()
  }

  private settle(job: Job, err: Error | undefined, json?: string): void {
    if (job.done) return
    job.done = true
    clearTimeout(job.timer)
    job.signal?.removeEventListener('abort', job.onAbort)
    if (err) job.reject(err)
    else job.resolve(json!)
  }
}

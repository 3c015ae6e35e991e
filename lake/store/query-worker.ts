/**
 * A query worker thread (see query-pool.ts): holds its own copy of every dataset, kept
 * current by the commits the main thread broadcasts, and parses and evaluates one query
 * at a time with the same engine as the main thread (query.ts). The main thread
 * terminates it when a query runs past its deadline or its client goes away.
 */
import {parentPort} from 'node:worker_threads'
import {LakeError} from '../errors'
import {DatasetState} from './dataset'
import {runQuery} from './query'
import type {FromWorker, ToWorker, WorkerCommit} from './query-pool'
import type {SanityDocument} from './types'

const port = parentPort
if (!port) throw new Error('query-worker.ts runs only as a worker thread')

const datasets = new Map<string, DatasetState>()
/** Sequence number of the last commit applied, compared with the one each query was dispatched at. */
let seq = 0
const utf8 = new TextDecoder()

/**
 * Commits received but not applied yet. A query applies them all before it runs, so it still
 * sees exactly the state it was dispatched at; otherwise they wait for a pause in commits, so
 * that during an import this thread does not parse every batch again beside the main thread
 * (a third of the lake's CPU in a 120 MB import), and catch up at once past a size bound.
 */
const pending: WorkerCommit[] = []
let pendingBytes = 0
let catchUp: NodeJS.Timeout | undefined
/** Commits wait at most this long after the last one arrived… */
const APPLY_AFTER_MS = 1_000
/** …or until this many bytes of them wait. */
const APPLY_PAST_BYTES = 64 * 1024 * 1024
/** A query is running: commits that arrive meanwhile wait for it, so the query sees one state. */
let running = false

function dataset(name: string): DatasetState {
  let state = datasets.get(name)
  if (!state) datasets.set(name, (state = new DatasetState(name)))
  return state
}

function apply(commit: WorkerCommit): void {
  const changes = JSON.parse(utf8.decode(commit.changes)) as {id: string; after: SanityDocument | null}[]
  dataset(commit.dataset).apply({
    seq: commit.seq,
    transactionId: '',
    timestamp: '',
    author: '',
    changes: changes.map(({id, after}) => ({id, before: null, after})),
  })
  seq = commit.seq
}

function applyPending(): void {
  clearTimeout(catchUp)
  catchUp = undefined
  for (const commit of pending.splice(0)) apply(commit)
  pendingBytes = 0
}

function received(commit: WorkerCommit): void {
  pending.push(commit)
  pendingBytes += commit.changes.byteLength
  if (running) return
  if (pendingBytes > APPLY_PAST_BYTES) return applyPending()
  clearTimeout(catchUp)
  catchUp = setTimeout(applyPending, APPLY_AFTER_MS)
}

function send(message: FromWorker): void {
  port!.postMessage(message)
}

async function run(message: Extract<ToWorker, {type: 'query'}>): Promise<void> {
  applyPending()
  if (message.seq !== seq) {
    send({type: 'error', id: message.id, status: 500, body: internal(`query worker at commit ${seq}, query at ${message.seq}`)})
    return
  }
  running = true
  try {
    const result = await runQuery(dataset(message.dataset), message.query, message.options)
    send({type: 'result', id: message.id, json: JSON.stringify(result ?? null)})
  } catch (err) {
    if (err instanceof LakeError) send({type: 'error', id: message.id, status: err.status, body: err.body})
    else send({type: 'error', id: message.id, status: 500, body: internal(`Internal error: ${(err as Error).message}`)})
  } finally {
    running = false
    applyPending()
  }
}

function internal(description: string): Record<string, unknown> {
  return {error: {type: 'internalError', description}, statusCode: 500}
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'load': {
      const state = dataset(message.dataset)
      for (const doc of message.docs) state.load({doc, author: ''})
      return
    }
    case 'synced':
      applyPending()
      seq = message.seq
      send({type: 'ready'})
      return
    case 'commit':
      received(message)
      return
    case 'query':
      void run(message)
      return
  }
})

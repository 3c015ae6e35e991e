/**
 * Runs the hooks' GROQ off the main thread. groq-js evaluation is CPU-bound and yields only
 * to microtasks, so a pathological filter or projection (nested iteration over a large array
 * of the changed document) evaluated on the main thread would stall every other client of
 * the lake. A worker can be stopped mid-evaluation only by terminating it, so each hook gets
 * a deadline per commit: past it the worker is terminated, the hook skipped (and logged), and
 * a fresh worker goes on with the hooks after it.
 */
import {Worker} from 'node:worker_threads'
import type {Change, SanityDocument} from '../store/types'
import type {Trigger} from './match'
import type {WebhookDefinition} from './types'

/** One commit to match: the hooks, its changes and what they reference. */
export interface ToMatchWorker {
  id: number
  hooks: WebhookDefinition[]
  changes: Change[]
  documents: SanityDocument[]
  dataset: string
  identity: string
}

/** The worker has loaded; then, per hook, its triggers (those found before its GROQ failed, with `error`). */
export type FromMatchWorker =
  | {type: 'ready'}
  | {
      type: 'hook'
      id: number
      hookIndex: number
      triggers: (Trigger & {changeIndex: number})[]
      error?: string
    }

export interface Match {
  hook: WebhookDefinition
  change: Change
  trigger: Trigger
}

const BOOT = new URL('./match-worker-boot.mjs', import.meta.url)

export class Matcher {
  /** The running worker, once it has loaded (undefined if it could not start). */
  private worker: Promise<Worker | undefined> | undefined
  private nextId = 1
  private closed = false

  constructor(
    /** How long one hook's GROQ may run on one commit. */
    private readonly timeoutMs: number,
  ) {}

  /** The hooks' triggers on the changes, change by change, hook by hook, as a serial matcher would list them. */
  async match(request: Omit<ToMatchWorker, 'id'>, transactionId: string): Promise<Match[]> {
    const found: Match[] = []
    let from = 0
    while (from < request.hooks.length && !this.closed) {
      const hooks = request.hooks.slice(from)
      const worker = await (this.worker ??= this.start())
      if (!worker) {
        process.stderr.write(`lake: webhooks: the matching thread could not start; transaction ${transactionId} fired no hooks\n`)
        this.worker = undefined
        break
      }
      const done = await this.run(worker, {...request, hooks, id: this.nextId++}, (reply) => {
        const hook = hooks[reply.hookIndex]!
        // A filter can fail at run time (e.g. a function on the wrong type); the other hooks still fire.
        if (reply.error) process.stderr.write(`lake: webhook ${hook.id} (${hook.name}): GROQ failed: ${reply.error}\n`)
        for (const {changeIndex, ...trigger} of reply.triggers) found.push({hook, change: request.changes[changeIndex]!, trigger})
      })
      if (done === hooks.length) break
      // The worker was terminated past the deadline (or died): the next round starts a fresh one.
      this.worker = undefined
      const stuck = hooks[done]!
      process.stderr.write(
        `lake: webhook ${stuck.id} (${stuck.name}): GROQ did not finish within ${this.timeoutMs} ms on transaction ${transactionId}; skipped it for that transaction (simplify its filter or projection)\n`,
      )
      from += done + 1
    }
    const order = new Map(request.changes.map((change, index) => [change, index]))
    return found.sort((a, b) => order.get(a.change)! - order.get(b.change)!)
  }

  close(): void {
    this.closed = true
    void this.worker?.then((worker) => worker?.terminate())
    this.worker = undefined
  }

  /** A fresh worker, once it has loaded, so its start-up time never counts against a hook's deadline. */
  private start(): Promise<Worker | undefined> {
    const worker = new Worker(BOOT, {execArgv: []})
    // Without a listener, a worker's uncaught error would be rethrown on the main thread and end the lake.
    worker.on('error', (err) => process.stderr.write(`lake: webhooks: the matching thread failed: ${err.message}\n`))
    return new Promise((resolve) => {
      worker.once('message', () => resolve(worker))
      worker.once('exit', () => resolve(undefined))
    })
  }

  /** Resolves with how many hooks the worker finished: all of them, or those before the one that ran out of time. */
  private run(
    worker: Worker,
    request: ToMatchWorker,
    onHook: (reply: FromMatchWorker & {type: 'hook'}) => void,
  ): Promise<number> {
    return new Promise<number>((resolve) => {
      let finished = 0
      const end = (count: number) => {
        clearTimeout(deadline)
        worker.off('message', onMessage)
        worker.off('exit', onExit)
        resolve(count)
      }
      const arm = () =>
        setTimeout(() => {
          // Terminating is the only way to stop groq-js mid-evaluation; the next call starts a fresh worker.
          void worker.terminate()
          end(finished)
        }, this.timeoutMs).unref()
      let deadline = arm()
      const onMessage = (reply: FromMatchWorker) => {
        if (reply.type !== 'hook' || reply.id !== request.id) return
        onHook(reply)
        finished++
        clearTimeout(deadline)
        if (finished === request.hooks.length) end(finished)
        else deadline = arm()
      }
      const onExit = () => end(finished)
      worker.on('message', onMessage)
      worker.on('exit', onExit)
      worker.postMessage(request)
    })
  }
}

/**
 * The delivery queue: payloads wait in memory and go out with bounded concurrency, so a
 * slow or dead receiver never holds up a commit or another hook. A 429, a 5xx, a network
 * error or a timeout is retried with exponential backoff up to `maxAttempts`; any other
 * answer is final. Every request is an attempt in the log the Management API serves.
 * URLs and secrets are never written to the lake's log: a Slack URL is itself a secret.
 */
import {randomUUID} from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import {encodeSignatureHeader} from '@sanity/webhook'
import type {DeliveryAttempt, FailureReason, HookMessage, HookOperation, WebhookDefinition} from './types'

export interface DeliveryOptions {
  /** Requests per message at most (the first and the retries). */
  maxAttempts: number
  /** Delay before the first retry; each further retry waits twice as long. */
  backoffMs: number
  /** Longest wait between two attempts. */
  maxBackoffMs: number
  /** How long one request may take before it counts as timed out. */
  timeoutMs: number
  /** Requests in flight at once, over all hooks. */
  concurrency: number
  /** Messages waiting (queued or between retries) at most; further ones are refused and logged as failed. */
  maxQueued: number
  /** Payload bytes waiting at most (a projection can be a whole 4 MB document); past it, as for `maxQueued`. */
  maxQueuedBytes: number
  /** Messages kept in the log (with their attempts); the oldest finished ones go first. */
  logLimit: number
  /** How long one hook's filter and projection may run on one commit (in the matching thread) before it is skipped. */
  matchTimeoutMs: number
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  maxAttempts: 8,
  backoffMs: 1_000,
  maxBackoffMs: 5 * 60_000,
  timeoutMs: 30_000,
  concurrency: 4,
  maxQueued: 10_000,
  maxQueuedBytes: 64 * 1024 * 1024,
  logLimit: 2_000,
  matchTimeoutMs: 10_000,
}

/** What the delivery headers say about the change. */
export interface ChangeFacts {
  documentId: string
  transactionId: string
  transactionTime: string
  operation: HookOperation
  dataset: string
}

/** The wait after the `attempt`-th failed request (1-based): exponential, capped. */
export function retryDelay(attempt: number, options: Pick<DeliveryOptions, 'backoffMs' | 'maxBackoffMs'>): number {
  return Math.min(options.backoffMs * 2 ** (attempt - 1), options.maxBackoffMs)
}

interface Job {
  message: HookMessage
  facts: ChangeFacts
  attempts: number
}

/** Characters of a finished message's payload kept in the log. */
const LOGGED_PAYLOAD_LIMIT = 16_000
/** The start of a receiver's answer kept for the log. */
const RESULT_BODY_LIMIT = 1_000
const USER_AGENT = 'Sanity.io webhook delivery (Pressroom local lake)'

export class DeliveryQueue {
  private readonly ready: Job[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly inFlight = new Set<AbortController>()
  private waiting = 0
  private waitingBytes = 0
  private closed = false
  private readonly messages = new Map<string, HookMessage>()
  private readonly attempts = new Map<string, DeliveryAttempt>()
  private readonly attemptsOf = new Map<string, string[]>()
  private idleWaiters: (() => void)[] = []

  constructor(
    private readonly options: DeliveryOptions,
    /** The hook as it is now: a deleted or disabled hook's pending messages are not sent. */
    private readonly lookup: (hookId: string) => WebhookDefinition | undefined,
  ) {}

  enqueue(hook: WebhookDefinition, body: unknown, facts: ChangeFacts): HookMessage {
    const message: HookMessage = {
      id: `msg-${randomUUID()}`,
      hookId: hook.id,
      projectId: hook.projectId,
      dataset: facts.dataset,
      createdAt: new Date().toISOString(),
      payload: JSON.stringify(body ?? null),
      status: 'queued',
      failureCount: 0,
      resultCode: null,
    }
    const bytes = Buffer.byteLength(message.payload)
    if (this.closed || this.waiting >= this.options.maxQueued || this.waitingBytes + bytes > this.options.maxQueuedBytes) {
      // Logged, not kept: the log would otherwise hold the payloads the bound is there to drop.
      message.status = 'failure'
      message.payload = ''
      this.remember(message)
      process.stderr.write(
        `lake: webhook ${hook.id} (${hook.name}): delivery queue full (${this.waiting} messages, ${this.waitingBytes} bytes waiting); dropped the message for ${facts.documentId}\n`,
      )
      return message
    }
    this.remember(message)
    this.waiting++
    this.waitingBytes += bytes
    this.ready.push({message, facts, attempts: 0})
    this.pump()
    return message
  }

  messagesOf(hookId: string): HookMessage[] {
    return [...this.messages.values()].filter((message) => message.hookId === hookId)
  }

  attemptsOfHook(hookId: string): DeliveryAttempt[] {
    return [...this.attempts.values()].filter((attempt) => attempt.hookId === hookId)
  }

  attempt(id: string): DeliveryAttempt | undefined {
    return this.attempts.get(id)
  }

  /** Resolves once nothing is queued, waiting for a retry or in flight (tests, shutdown). */
  idle(): Promise<void> {
    if (this.waiting === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const controller of this.inFlight) controller.abort()
    this.ready.length = 0
  }

  private pump(): void {
    while (!this.closed && this.inFlight.size < this.options.concurrency && this.ready.length > 0) {
      const job = this.ready.shift()!
      const controller = new AbortController()
      this.inFlight.add(controller)
      void this.run(job, controller)
        .catch((err: Error) => {
          process.stderr.write(`lake: webhook ${job.message.hookId}: delivery failed unexpectedly: ${err.message}\n`)
          this.finish(job, 'failure')
        })
        .finally(() => {
          this.inFlight.delete(controller)
          this.pump()
        })
    }
  }

  private async run(job: Job, controller: AbortController): Promise<void> {
    const hook = this.lookup(job.message.hookId)
    if (!hook || hook.isDisabled) return this.finish(job, 'failure')
    job.attempts++
    job.message.status = 'sending'
    const attempt = this.startAttempt(job.message)
    const started = performance.now()
    const outcome = await send(hook, job, controller.signal, this.options.timeoutMs)
    if (this.closed) return
    attempt.inProgress = false
    attempt.updatedAt = new Date().toISOString()
    attempt.duration = Math.round(performance.now() - started)
    attempt.resultCode = outcome.status ?? null
    attempt.resultBody = outcome.body ?? outcome.error ?? ''
    job.message.resultCode = outcome.status ?? null
    if (outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300) return this.finish(job, 'success')
    attempt.isFailure = true
    attempt.failureReason = outcome.reason
    job.message.failureCount++
    const retryable = outcome.reason !== 'http' || outcome.status === 429 || outcome.status! >= 500
    if (!retryable || job.attempts >= this.options.maxAttempts) return this.finish(job, 'failure')
    job.message.status = 'queued'
    const delay = retryDelay(job.attempts, this.options)
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      this.ready.push(job)
      this.pump()
    }, delay)
    timer.unref()
    this.timers.add(timer)
  }

  private finish(job: Job, status: 'success' | 'failure'): void {
    job.message.status = status
    this.waiting--
    this.waitingBytes -= Buffer.byteLength(job.message.payload)
    // The log keeps the start of a delivered payload, so it stays small however large the documents.
    if (job.message.payload.length > LOGGED_PAYLOAD_LIMIT)
      job.message.payload = `${job.message.payload.slice(0, LOGGED_PAYLOAD_LIMIT)}… (${Buffer.byteLength(job.message.payload)} bytes)`
    if (this.waiting === 0) {
      const waiters = this.idleWaiters
      this.idleWaiters = []
      for (const resolve of waiters) resolve()
    }
  }

  private startAttempt(message: HookMessage): DeliveryAttempt {
    const attempt: DeliveryAttempt = {
      id: `attempt-${randomUUID()}`,
      hookId: message.hookId,
      messageId: message.id,
      projectId: message.projectId,
      createdAt: new Date().toISOString(),
      updatedAt: null,
      duration: null,
      inProgress: true,
      isFailure: false,
      failureReason: null,
      resultCode: null,
      resultBody: '',
    }
    this.attempts.set(attempt.id, attempt)
    this.attemptsOf.get(message.id)?.push(attempt.id)
    return attempt
  }

  /** Adds a message to the log, dropping the oldest finished ones past the limit. */
  private remember(message: HookMessage): void {
    this.messages.set(message.id, message)
    this.attemptsOf.set(message.id, [])
    if (this.messages.size <= this.options.logLimit) return
    for (const [id, old] of this.messages) {
      if (this.messages.size <= this.options.logLimit) break
      if (old.status !== 'success' && old.status !== 'failure') continue
      this.messages.delete(id)
      for (const attemptId of this.attemptsOf.get(id) ?? []) this.attempts.delete(attemptId)
      this.attemptsOf.delete(id)
    }
  }
}

interface Outcome {
  status?: number
  body?: string
  reason: FailureReason
  error?: string
}

/**
 * One request. node:http rather than fetch: Sanity sends the projection as the body with
 * every method, GET included, which fetch refuses. Redirects are not followed.
 */
async function send(hook: WebhookDefinition, job: Job, signal: AbortSignal, timeoutMs: number): Promise<Outcome> {
  const {message, facts} = job
  const headers: Record<string, string> = {
    ...hook.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(message.payload)),
    'user-agent': USER_AGENT,
    'idempotency-key': message.id,
    'sanity-project-id': hook.projectId,
    'sanity-dataset': facts.dataset,
    'sanity-document-id': facts.documentId,
    'sanity-transaction-id': facts.transactionId,
    'sanity-transaction-time': facts.transactionTime,
    'sanity-operation': facts.operation,
    'sanity-webhook-id': hook.id,
  }
  // Signed afresh for each attempt, so a retry's timestamp is current.
  if (hook.secret) headers['sanity-webhook-signature'] = await encodeSignatureHeader(message.payload, Date.now(), hook.secret)
  const url = new URL(hook.url)
  const transport = url.protocol === 'https:' ? https : http
  return new Promise<Outcome>((resolve) => {
    let settled = false
    const settle = (outcome: Outcome) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      resolve(outcome)
    }
    // One deadline for the whole exchange: a receiver that drips a byte now and then must not hold a slot forever.
    const deadline = setTimeout(() => {
      settle({reason: 'timeout', error: `No complete answer within ${timeoutMs} ms`})
      req.destroy()
    }, timeoutMs).unref()
    const req = transport.request(url, {method: hook.httpMethod, headers, signal}, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        if (size < RESULT_BODY_LIMIT) chunks.push(chunk)
        size += chunk.length
        // Only the start is kept; a receiver streaming megabytes is cut off.
        if (size > 64 * RESULT_BODY_LIMIT) res.destroy()
      })
      const done = () =>
        settle({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8').slice(0, RESULT_BODY_LIMIT),
          reason: 'http',
        })
      res.on('end', done)
      res.on('close', done)
      res.on('error', done)
    })
    req.on('error', (err: NodeJS.ErrnoException) =>
      settle({reason: signal.aborted ? 'other' : 'network', error: err.code ?? err.message}),
    )
    req.end(message.payload)
  })
}

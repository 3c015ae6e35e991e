/**
 * Webhooks on the lake: the definitions, and a commit listener that matches each committed
 * change against them and hands payloads to the delivery queue. The listener only queues the
 * event; matching runs afterwards, in commit order, so a commit never waits for GROQ or HTTP.
 */
import type {CommitEvent, LakeStore} from '../store/lake-store'
import type {SanityDocument} from '../store/types'
import {WebhookDefinitions} from './definitions'
import {DEFAULT_DELIVERY, DeliveryQueue, type DeliveryOptions} from './delivery'
import {referencedDocuments} from './dataset'
import {triggerOf} from './match'

/** Commits waiting to be matched at most; past it, events are dropped and the drop logged. */
const MAX_PENDING_EVENTS = 10_000

export class Webhooks {
  readonly definitions: WebhookDefinitions
  readonly deliveries: DeliveryQueue
  private chain: Promise<void> = Promise.resolve()
  private pendingEvents = 0
  private readonly unsubscribe: () => void

  constructor(
    private readonly store: LakeStore,
    dataDir: string,
    /** Retry and queue limits; tests shorten the backoff. */
    options: Partial<DeliveryOptions> = {},
  ) {
    this.definitions = new WebhookDefinitions(dataDir)
    this.deliveries = new DeliveryQueue({...DEFAULT_DELIVERY, ...options}, (id) =>
      this.definitions.active().find((hook) => hook.id === id),
    )
    this.unsubscribe = store.subscribe((event) => this.onCommit(event))
  }

  /** Resolves once every commit so far is matched and every resulting delivery has finished. */
  async settled(): Promise<void> {
    await this.chain
    await this.deliveries.idle()
  }

  close(): void {
    this.unsubscribe()
    this.deliveries.close()
  }

  private onCommit(event: CommitEvent): void {
    const hooks = this.definitions.active().filter((hook) => hook.dataset === '*' || hook.dataset === event.dataset)
    if (hooks.length === 0) return
    if (this.pendingEvents >= MAX_PENDING_EVENTS) {
      process.stderr.write(
        `lake: webhooks: ${MAX_PENDING_EVENTS} commits wait to be matched; skipped transaction ${event.transactionId}\n`,
      )
      return
    }
    // What the hooks may read, as this commit left it; documents are replaced, never changed in place.
    const state = this.store.dataset(event.dataset)
    const snapshot: SanityDocument[] = referencedDocuments(event.changes, (id) => state.get(id))
    this.pendingEvents++
    this.chain = this.chain
      .then(async () => {
        for (const change of event.changes) {
          for (const hook of hooks) {
            const trigger = await triggerOf(hook, hook.projectId, change, {
              dataset: event.dataset,
              identity: event.identity,
              documents: () => snapshot,
            }).catch((err: Error) => {
              // A filter can fail at run time (e.g. a function on the wrong type); the other hooks still fire.
              process.stderr.write(`lake: webhook ${hook.id} (${hook.name}): GROQ failed on ${change.id}: ${err.message}\n`)
              return undefined
            })
            if (!trigger) continue
            this.deliveries.enqueue(hook, trigger.body, {
              documentId: change.id,
              transactionId: event.transactionId,
              transactionTime: event.timestamp,
              operation: trigger.operation,
              dataset: event.dataset,
            })
          }
        }
      })
      .catch((err: Error) => {
        process.stderr.write(`lake: webhooks: matching transaction ${event.transactionId} failed: ${err.message}\n`)
      })
      .finally(() => this.pendingEvents--)
  }
}

/**
 * Webhooks on the lake: the definitions, and a commit listener that matches each committed
 * change against them and hands payloads to the delivery queue. The listener only queues the
 * event; matching runs afterwards, in commit order and in a worker thread (matcher.ts), so
 * neither a commit nor any other client ever waits for a hook's GROQ or HTTP.
 */
import type {CommitEvent, LakeStore} from '../store/lake-store'
import type {SanityDocument} from '../store/types'
import {WebhookDefinitions} from './definitions'
import {DEFAULT_DELIVERY, DeliveryQueue, type DeliveryOptions} from './delivery'
import {referencedDocuments} from './dataset'
import {Matcher} from './matcher'

/** Commits waiting to be matched at most; past it, events are dropped and the drop logged. */
const MAX_PENDING_EVENTS = 10_000

export class Webhooks {
  readonly definitions: WebhookDefinitions
  readonly deliveries: DeliveryQueue
  private readonly matcher: Matcher
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
    const settings = {...DEFAULT_DELIVERY, ...options}
    this.matcher = new Matcher(settings.matchTimeoutMs)
    this.deliveries = new DeliveryQueue(settings, (id) => this.definitions.activeHook(id))
    this.unsubscribe = store.subscribe((event) => this.onCommit(event))
  }

  /** Resolves once every commit so far is matched and every resulting delivery has finished. */
  async settled(): Promise<void> {
    await this.chain
    await this.deliveries.idle()
  }

  close(): void {
    this.unsubscribe()
    this.matcher.close()
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
    const documents: SanityDocument[] = referencedDocuments(event.changes, (id) => state.get(id))
    this.pendingEvents++
    this.chain = this.chain
      .then(async () => {
        const request = {hooks, changes: event.changes, documents, dataset: event.dataset, identity: event.identity}
        for (const {hook, change, trigger} of await this.matcher.match(request, event.transactionId)) {
          this.deliveries.enqueue(hook, trigger.body, {
            documentId: change.id,
            transactionId: event.transactionId,
            transactionTime: event.timestamp,
            operation: trigger.operation,
            dataset: event.dataset,
          })
        }
      })
      .catch((err: Error) => {
        process.stderr.write(`lake: webhooks: matching transaction ${event.transactionId} failed: ${err.message}\n`)
      })
      .finally(() => this.pendingEvents--)
  }
}

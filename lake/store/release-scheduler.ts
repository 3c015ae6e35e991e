/**
 * Scheduled releases: a release the Studio scheduled (`state: 'scheduled'`, `publishAt`) is
 * published when its time comes, by the same `sanity.action.release.publish` a person
 * would send, so it goes through the same commit path and the same guard. If the guard
 * (or anything else) refuses it, the release goes back to `active` with `error.message`
 * saying why, which the Studio's Releases tool shows on the release; nothing is retried
 * behind the editors' backs.
 */
import {applyAction} from './actions'
import type {LakeStore} from './lake-store'
import type {LakeUser} from './types'

/** Who publishes a scheduled release; recorded as the transaction's author. */
export const SCHEDULER_USER: LakeUser = {
  id: 'lake-scheduler',
  name: 'Scheduled publishing',
  email: 'scheduler@localhost',
  role: 'administrator',
}

const RELEASE_TYPE = 'system.release'
const RELEASE_PREFIX = '_.releases.'
// setTimeout's limit; a later release is looked at again when this fires.
const MAX_DELAY_MS = 2 ** 31 - 1
/** Wait before trying again a due release whose publish failed and whose failure could not be recorded either. */
export const DEFAULT_RETRY_MS = 60_000

export class ReleaseScheduler {
  private timer: NodeJS.Timeout | undefined
  private unsubscribe: (() => void) | undefined
  private running: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(
    private readonly store: LakeStore,
    private readonly now: () => number = Date.now,
    private readonly retryMs = DEFAULT_RETRY_MS,
  ) {}

  start(): void {
    // Only commits that touch a release can change the schedule.
    this.unsubscribe = this.store.subscribe((event) => {
      if (event.changes.some((c) => c.id.startsWith(RELEASE_PREFIX))) this.arm()
    })
    this.arm()
  }

  stop(): void {
    this.stopped = true
    this.unsubscribe?.()
    if (this.timer) clearTimeout(this.timer)
  }

  /** Scheduled releases per dataset, with their times. */
  private scheduled(): {dataset: string; releaseId: string; at: number}[] {
    const out: {dataset: string; releaseId: string; at: number}[] = []
    for (const dataset of this.store.datasetNames()) {
      const state = this.store.dataset(dataset)
      for (const id of state.byType.get(RELEASE_TYPE) ?? []) {
        const release = state.get(id)
        if (release?.state !== 'scheduled') continue
        const at = Date.parse(String(release.publishAt))
        if (!Number.isNaN(at)) out.push({dataset, releaseId: id.slice(RELEASE_PREFIX.length), at})
      }
    }
    return out
  }

  /** Sets the timer for the next scheduled release, `atLeastMs` from now at the soonest. */
  private arm(atLeastMs = 0): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    let next = Infinity
    for (const {at} of this.scheduled()) next = Math.min(next, at)
    if (!Number.isFinite(next)) return
    const delay = Math.min(Math.max(atLeastMs, next - this.now()), MAX_DELAY_MS)
    this.timer = setTimeout(() => void this.publishDue(), delay)
    this.timer.unref()
  }

  /** Publishes every release whose time has come; resolves when done (tests await it). */
  publishDue(): Promise<void> {
    this.running = this.running.then(async () => {
      let stuck = false
      for (const {dataset, releaseId, at} of this.scheduled()) {
        if (this.stopped || at > this.now()) continue
        if (!(await this.publish(dataset, releaseId))) stuck = true
      }
      // Always re-armed: a timer may fire a little before the clock reaches `publishAt` (the
      // release is then skipped above and no commit would re-arm it), and a release left
      // scheduled by a failure that could not be recorded is tried again later, not in a loop.
      this.arm(stuck ? this.retryMs : 0)
    })
    return this.running
  }

  /** False when the release is still scheduled: neither published nor its failure recorded. */
  private async publish(dataset: string, releaseId: string): Promise<boolean> {
    try {
      await this.store.commit(dataset, SCHEDULER_USER, {kind: 'action'}, (ws) =>
        applyAction(ws, {actionType: 'sanity.action.release.publish', releaseId}),
      )
      return true
    } catch (err) {
      const message = `Scheduled publish failed: ${(err as Error).message}`
      process.stderr.write(`lake: release ${releaseId}: ${message}\n`)
      return this.store
        .commit(dataset, SCHEDULER_USER, {kind: 'action'}, (ws) => {
          const id = RELEASE_PREFIX + releaseId
          const release = ws.get(id)
          if (release?.state !== 'scheduled') return
          const {publishAt: _p, ...rest} = release
          ws.put(id, {...rest, state: 'active', error: {message}})
        })
        .then(
          () => true,
          (e: Error) => {
            process.stderr.write(
              `lake: release ${releaseId}: could not record the failure (${e.message}); trying again in ${this.retryMs} ms\n`,
            )
            return false
          },
        )
    }
  }
}

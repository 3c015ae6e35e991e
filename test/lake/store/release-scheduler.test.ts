/**
 * The release scheduler on a real store, with its clock in the test's hands: a timer that
 * fires before the clock reaches `publishAt`, and a failure that cannot even be recorded,
 * must not leave a release scheduled and forgotten.
 */
import {afterEach, expect, it, vi} from 'vitest'
import {applyAction, type ActionSpec} from '../../../lake/store/actions'
import {LakeStore} from '../../../lake/store/lake-store'
import {ReleaseScheduler, SCHEDULER_USER} from '../../../lake/store/release-scheduler'
import type {CommitGuard} from '../../../lake/store/types'
import {tempDir} from '../../support/lake'

const AT = Date.parse('2030-01-01T09:00:00.000Z')
const cleanup: (() => void)[] = []
afterEach(() => {
  for (const close of cleanup.splice(0)) close()
})

function open(guard?: CommitGuard): LakeStore {
  const store = LakeStore.open({dataDir: tempDir(), ...(guard ? {guard} : {})})
  cleanup.push(() => store.close())
  return store
}

const act = (store: LakeStore, action: ActionSpec) =>
  store.commit('production', SCHEDULER_USER, {kind: 'action'}, (ws) => applyAction(ws, action))

async function scheduleRelease(store: LakeStore): Promise<void> {
  await act(store, {actionType: 'sanity.action.release.create', releaseId: 'r', metadata: {title: 'R'}})
  await act(store, {actionType: 'sanity.action.release.schedule', releaseId: 'r', publishAt: new Date(AT).toISOString()})
}

/** Resolves when a commit leaves the release in `state`. */
const releaseBecomes = (store: LakeStore, state: string) =>
  new Promise<void>((resolve) => {
    const stop = store.subscribe((event) => {
      if (event.changes.some((c) => c.id === '_.releases.r' && c.after?.state === state)) resolve(stop())
    })
  })

function scheduler(store: LakeStore, clock: {now: number}, retryMs?: number): ReleaseScheduler {
  const s = new ReleaseScheduler(store, () => clock.now, retryMs)
  cleanup.push(() => s.stop())
  return s
}

it('publishes a release whose timer fired before the clock reached publishAt', async () => {
  const store = open()
  await scheduleRelease(store)
  const clock = {now: AT - 5}
  const s = scheduler(store, clock)
  // The timer's own run, as Node may fire it: a moment before the clock reaches publishAt.
  const publishDue = s.publishDue.bind(s)
  const timerFired = new Promise<void>((resolve) => {
    s.publishDue = () => {
      const run = publishDue()
      resolve(run)
      return run
    }
  })
  s.start()
  await timerFired
  expect(store.dataset('production').get('_.releases.r')?.state).toBe('scheduled')
  const published = releaseBecomes(store, 'published')
  clock.now = AT + 1
  await published
})

it('tries a due release again when neither its publish nor the record of its failure could be committed', async () => {
  let refuse = true
  const store = open({
    beforeCommit: () => (refuse ? {ok: false, reasons: ['disk trouble']} : {ok: true}),
  })
  refuse = false
  await scheduleRelease(store)
  refuse = true
  const logged: string[] = []
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((line) => (logged.push(String(line)), true))
  cleanup.push(() => stderr.mockRestore())
  const s = scheduler(store, {now: AT + 1}, 20)
  await s.publishDue()
  expect(store.dataset('production').get('_.releases.r')?.state).toBe('scheduled')
  expect(logged.join('')).toContain('release r: could not record the failure')
  const published = releaseBecomes(store, 'published')
  refuse = false
  await published
})

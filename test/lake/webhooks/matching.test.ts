/**
 * A hook's GROQ runs in the matching thread with a deadline: a pathological filter neither
 * stalls the lake's other clients nor keeps the other hooks from firing.
 */
import {afterAll, expect, it, vi} from 'vitest'
import type {RunningLake} from '../../../lake/server'
import {tempDir} from '../../support/lake'
import {startReceiver, type Receiver} from '../../support/receiver'
import {lakeClient} from '../../support/lake'
import {FAST_DELIVERY, hooksApi, startWebhookLake} from '../../support/webhooks'

let lake: RunningLake | undefined
let target: Receiver | undefined
const logged: string[] = []
const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((line) => (logged.push(String(line)), true))
afterAll(async () => {
  stderr.mockRestore()
  await lake?.close()
  await target?.close()
})

it('skips a hook whose GROQ runs past its deadline, while the lake answers and the other hooks fire', async () => {
  lake = await startWebhookLake(tempDir(), {...FAST_DELIVERY, matchTimeoutMs: 3_000})
  target = await startReceiver()
  const client = lakeClient(lake)
  const api = hooksApi(client)
  // Cubic in the size of `items`: some 10^9 steps for 1,000 items, far past any deadline.
  const slow = await api.create({
    name: 'Pathological',
    url: target.url,
    dataset: 'production',
    rule: {on: ['create'], filter: 'count(items[count(^.items[count(^.^.items[@ > 0]) > 0]) > 0]) > 0'},
  })
  await api.create({name: 'Plain', url: target.url, dataset: 'production', rule: {on: ['create'], projection: '{_id}'}})
  let settled = false
  await client.create({_id: 'note.big', _type: 'note', items: Array.from({length: 1_000}, (_, i) => i + 1)})
  const matched = lake.webhooks.settled().then(() => (settled = true))
  // Answered while the matching is still busy: on the main thread it would wait for the whole evaluation.
  expect(await client.getDocument('note.big')).toMatchObject({_id: 'note.big'})
  expect(settled).toBe(false)
  await matched
  expect(target.requests.map((r) => JSON.parse(r.body))).toEqual([{_id: 'note.big'}])
  expect(logged.join('')).toContain(`webhook ${slow.id} (Pathological): GROQ did not finish within 3000 ms`)
  // The next commit is matched by a fresh worker, the slow hook included (its body: the whole document).
  await client.create({_id: 'note.small', _type: 'note', items: [1]})
  await lake.webhooks.settled()
  const small = target.requests.slice(1).map((r) => JSON.parse(r.body))
  expect(small).toHaveLength(2)
  expect(small).toEqual(expect.arrayContaining([{_id: 'note.small'}, expect.objectContaining({_id: 'note.small', items: [1]})]))
}, 60_000)

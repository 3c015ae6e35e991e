/** Deliveries as Sanity makes them, to loopback receivers: filter, projection, operations, drafts, signature, retries. */
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {isValidSignature} from '@sanity/webhook'
import {afterEach, describe, expect, it, vi} from 'vitest'
import type {RunningLake} from '../../../lake/server'
import {retryDelay, type DeliveryOptions} from '../../../lake/webhooks/delivery'
import {startReceiver, type ReceivedRequest, type Receiver} from '../../support/receiver'
import {lakeClient} from '../../support/lake'
import {hooksApi, startWebhookLake} from '../../support/webhooks'
import {tempDir} from '../../support/lake'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close()
})

async function lakeWith(delivery?: Partial<DeliveryOptions>): Promise<RunningLake> {
  const lake = await startWebhookLake(tempDir(), delivery)
  cleanup.push(() => lake.close())
  return lake
}

async function receiver(answer?: (n: number) => number, port?: number): Promise<Receiver> {
  const r = await startReceiver(answer, port)
  cleanup.push(() => r.close())
  return r
}

const byOperation = (requests: ReceivedRequest[], operation: string) =>
  requests.find((r) => r.headers['sanity-operation'] === operation)!

describe('webhook deliveries', () => {
  it("fires on create, update and delete when the delta filter matches, with the projection as body and Sanity's headers", async () => {
    const lake = await lakeWith()
    const target = await receiver()
    const client = lakeClient(lake)
    const hook = await hooksApi(client).create({
      name: 'Status changes',
      url: target.url,
      dataset: 'production',
      rule: {
        on: ['create', 'update', 'delete'],
        // Transitions only: an edit that leaves the status alone is not news.
        filter: '_type == "note" && (before() == null || after() == null || before().status != after().status)',
        projection:
          '{"id": _id, title, "from": before().status, "to": after().status, "author": author->name, "changed": delta::changedAny(status), "project": sanity::projectId(), "dataset": sanity::dataset()}',
      },
    })
    await client.create({_id: 'person.ada', _type: 'person', name: 'Ada'})
    const created = await client.create({
      _id: 'note.1',
      _type: 'note',
      title: 'One',
      status: 'draft',
      author: {_ref: 'person.ada'},
    })
    await client.patch('note.1').set({title: 'One, retitled'}).commit()
    const updated = await client.patch('note.1').set({status: 'ready'}).commit()
    const deleted = await client.delete('note.1')
    await lake.webhooks.settled()
    expect(target.requests).toHaveLength(3)

    const create = byOperation(target.requests, 'create')
    expect(JSON.parse(create.body)).toEqual({
      id: 'note.1',
      title: 'One',
      from: null,
      to: 'draft',
      author: 'Ada',
      changed: true,
      project: 'pressroom',
      dataset: 'production',
    })
    expect(create.method).toBe('POST')
    expect(create.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'sanity-project-id': 'pressroom',
      'sanity-dataset': 'production',
      'sanity-document-id': 'note.1',
      'sanity-transaction-id': created._rev,
      'sanity-operation': 'create',
      'sanity-webhook-id': hook.id,
      'idempotency-key': expect.any(String),
      'sanity-transaction-time': expect.any(String),
    })
    expect(create.headers['sanity-webhook-signature']).toBeUndefined()
    const update = byOperation(target.requests, 'update')
    expect(JSON.parse(update.body)).toMatchObject({title: 'One, retitled', from: 'draft', to: 'ready', changed: true})
    expect(update.headers['sanity-transaction-id']).toBe(updated._rev)
    const remove = byOperation(target.requests, 'delete')
    expect(JSON.parse(remove.body)).toMatchObject({id: 'note.1', title: 'One, retitled', from: 'ready', to: null})
    expect(remove.headers['sanity-transaction-id']).toBe(deleted.transactionId)
    expect(new Set(target.requests.map((r) => r.headers['idempotency-key'])).size).toBe(3)
  })

  it('sends the whole document without a projection, and only the operations in rule.on', async () => {
    const lake = await lakeWith()
    const target = await receiver()
    const client = lakeClient(lake)
    await hooksApi(client).create({name: 'Deletes', url: target.url, dataset: 'production', rule: {on: ['delete']}})
    await client.create({_id: 'note.2', _type: 'note', title: 'Two'})
    await client.patch('note.2').set({title: 'Two again'}).commit()
    await client.delete('note.2')
    await lake.webhooks.settled()
    expect(target.requests).toHaveLength(1)
    expect(JSON.parse(target.requests[0]!.body)).toMatchObject({_id: 'note.2', _type: 'note', title: 'Two again'})
  })

  it('lets a projection follow references two hops, as the commit left them', async () => {
    const lake = await lakeWith()
    const target = await receiver()
    const client = lakeClient(lake)
    await client.create({_id: 'desk.1', _type: 'desk', name: 'Business desk'})
    await client.create({_id: 'person.bo', _type: 'person', name: 'Bo', desk: {_ref: 'desk.1'}})
    await hooksApi(client).create({
      name: 'Joins',
      url: target.url,
      dataset: 'production',
      rule: {
        on: ['create'],
        filter: '_type == "note"',
        projection: '{"desk": author->desk->name}',
      },
    })
    await client.create({_id: 'note.j1', _type: 'note', author: {_ref: 'person.bo'}})
    await client.patch('desk.1').set({name: 'Markets desk'}).commit()
    await client.create({_id: 'note.j2', _type: 'note', author: {_ref: 'person.bo'}})
    await lake.webhooks.settled()
    // Each payload as its own commit left the desk (deliveries may arrive in any order).
    expect(target.requests.map((r) => JSON.parse(r.body).desk).sort()).toEqual(['Business desk', 'Markets desk'])
  })

  it('watches drafts only with includeDrafts, and release versions only with includeAllVersions', async () => {
    const lake = await lakeWith()
    const published = await receiver()
    const drafts = await receiver()
    const client = lakeClient(lake)
    const rule = {on: ['create'], filter: '_type == "note"', projection: '{_id}'}
    await hooksApi(client).create({name: 'Published', url: published.url, dataset: 'production', rule})
    await hooksApi(client).create({name: 'Drafts too', url: drafts.url, dataset: 'production', rule, includeDrafts: true})
    await client.create({_id: 'drafts.note.3', _type: 'note'})
    await client.create({_id: 'versions.r1.note.3', _type: 'note'})
    await client.create({_id: 'note.3', _type: 'note'})
    await lake.webhooks.settled()
    expect(published.requests.map((r) => JSON.parse(r.body)._id)).toEqual(['note.3'])
    expect(drafts.requests.map((r) => JSON.parse(r.body)._id).sort()).toEqual(['drafts.note.3', 'note.3'])
  })

  it('signs the body so @sanity/webhook verifies it, with the method and custom headers asked for', async () => {
    const lake = await lakeWith()
    const target = await receiver()
    const client = lakeClient(lake)
    await hooksApi(client).create({
      name: 'Signed',
      url: target.url,
      dataset: '*',
      httpMethod: 'PUT',
      headers: {'x-newsroom': 'desk-1'},
      secret: 'shh-a-secret',
      rule: {on: ['create'], projection: '{_id, "title": "Ünïcödé ✓"}'},
    })
    await client.create({_id: 'note.4', _type: 'note'})
    const [request] = await target.received(1)
    expect(request!.method).toBe('PUT')
    expect(request!.headers['x-newsroom']).toBe('desk-1')
    const signature = request!.headers['sanity-webhook-signature'] as string
    expect(signature).toMatch(/^t=\d+,v1=/)
    expect(await isValidSignature(request!.body, signature, 'shh-a-secret')).toBe(true)
    expect(await isValidSignature(request!.body, signature, 'another-secret')).toBe(false)
    expect(await isValidSignature(request!.body.replace('note.4', 'note.5'), signature, 'shh-a-secret')).toBe(false)
  })

  it('retries after 500 answers until one succeeds, and logs every attempt; a 400 is final', async () => {
    const lake = await lakeWith()
    const flaky = await receiver((n) => (n < 2 ? 500 : 200))
    const refusing = await receiver(() => 400)
    const client = lakeClient(lake)
    const api = hooksApi(client)
    const flakyHook = await api.create({name: 'Flaky', url: flaky.url, dataset: 'production', rule: {on: ['create']}})
    const refusingHook = await api.create({name: 'Refusing', url: refusing.url, dataset: 'production', rule: {on: ['create']}})
    await client.create({_id: 'note.5', _type: 'note'})
    await lake.webhooks.settled()

    expect(flaky.requests).toHaveLength(3)
    // One message, redelivered: the same idempotency key and body every time.
    expect(new Set(flaky.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1)
    const [message] = await api.messages(flakyHook.id)
    expect(message).toMatchObject({status: 'success', failureCount: 2})
    const attempts = await api.attempts(flakyHook.id)
    expect(attempts.map((a) => [a.isFailure, a.failureReason, a.resultCode])).toEqual([
      [true, 'http', 500],
      [true, 'http', 500],
      [false, null, 200],
    ])
    expect(attempts.every((a) => a.messageId === message!.id)).toBe(true)

    expect(refusing.requests).toHaveLength(1)
    expect((await api.messages(refusingHook.id))[0]).toMatchObject({status: 'failure', failureCount: 1})
  })

  it('retries while the receiver is down and delivers once it is back; gives up after maxAttempts', async () => {
    const lake = await lakeWith({backoffMs: 20, maxBackoffMs: 200, maxAttempts: 50})
    const down = await startReceiver()
    const port = down.port
    await down.close()
    const api = hooksApi(lakeClient(lake))
    const hook = await api.create({
      name: 'Down',
      url: `http://127.0.0.1:${port}/hook`,
      dataset: 'production',
      rule: {on: ['create']},
    })
    await lakeClient(lake).create({_id: 'note.6', _type: 'note'})
    await vi.waitFor(async () => expect((await api.attempts(hook.id)).length).toBeGreaterThanOrEqual(2), {timeout: 10_000})
    const back = await receiver(undefined, port)
    await back.received(1)
    await lake.webhooks.settled()
    const attempts = await api.attempts(hook.id)
    expect(attempts.at(-1)).toMatchObject({isFailure: false, resultCode: 200})
    expect(attempts.slice(0, -1).every((a) => a.isFailure && a.failureReason === 'network')).toBe(true)

    const short = await lakeWith({backoffMs: 1, maxBackoffMs: 4, maxAttempts: 3})
    const shortApi = hooksApi(lakeClient(short))
    const doomed = await shortApi.create({
      name: 'Never up',
      url: `http://127.0.0.1:${port}/gone`,
      dataset: 'production',
      rule: {on: ['create']},
    })
    await back.close()
    await lakeClient(short).create({_id: 'note.7', _type: 'note'})
    await short.webhooks.settled()
    expect(await shortApi.attempts(doomed.id)).toHaveLength(3)
    expect((await shortApi.messages(doomed.id))[0]).toMatchObject({status: 'failure', failureCount: 3})
  })

  it('backs off exponentially, up to a cap', () => {
    const options = {backoffMs: 1_000, maxBackoffMs: 5_000}
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, options))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000])
  })

  /** A receiver that takes requests and never answers. */
  async function hangingReceiver(): Promise<{url: string; held: http.ServerResponse[]}> {
    const held: http.ServerResponse[] = []
    const hanging = http.createServer((_req, res) => held.push(res))
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    cleanup.push(async () => {
      hanging.closeAllConnections()
      await new Promise((resolve) => hanging.close(resolve))
    })
    return {url: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`, held}
  }

  it('counts a receiver that does not answer in time as a timeout, and retries it', async () => {
    const lake = await lakeWith({timeoutMs: 50, maxAttempts: 2, backoffMs: 1})
    const {url} = await hangingReceiver()
    const api = hooksApi(lakeClient(lake))
    const hook = await api.create({name: 'Silent', url, dataset: 'production', rule: {on: ['create']}})
    await lakeClient(lake).create({_id: 'note.t', _type: 'note'})
    await lake.webhooks.settled()
    expect((await api.attempts(hook.id)).map((a) => a.failureReason)).toEqual(['timeout', 'timeout'])
  })

  it('never holds up a commit, and bounds what waits in memory', async () => {
    const lake = await lakeWith({concurrency: 1, maxQueued: 2})
    const {url, held} = await hangingReceiver()
    const logged: string[] = []
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((line) => (logged.push(String(line)), true))
    cleanup.push(async () => stderr.mockRestore())
    const api = hooksApi(lakeClient(lake))
    const hook = await api.create({name: 'Hanging', url, dataset: 'production', rule: {on: ['create']}})
    for (const n of [1, 2, 3, 4]) await lakeClient(lake).create({_id: `note.h${n}`, _type: 'note'})
    expect(await lakeClient(lake).fetch('count(*[_type == "note"])')).toBe(4)
    await vi.waitFor(async () => expect((await api.messages(hook.id)).length).toBe(4))
    const statuses = (await api.messages(hook.id)).map((m) => m.status)
    expect(statuses.filter((s) => s === 'failure')).toHaveLength(2)
    // The drops are reported by hook id and name, never by URL (a Slack URL is a credential).
    expect(logged.filter((line) => line.includes('delivery queue full'))).toHaveLength(2)
    expect(logged.join('')).not.toContain(url)
    expect(held.length).toBe(1)
  })
})

/**
 * Issue #13 item 3: no query can stop other clients. A real lake process with one query
 * worker and a short deadline; 20,000 documents make a nested query take minutes.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeProcess, type LakeProcess} from '../support/lake'

const TIMEOUT_MS = 8_000
const COUNT = 20_000
// Not index-served (a second `*` inside), quadratic: 400 million comparisons, minutes in groq-js.
const PATHOLOGICAL = '*[_type == "item"]{"n": count(*[_type == "item" && n > ^.n])}'

let lake: LakeProcess
let base: string

beforeAll(async () => {
  // One worker, so a query stuck in it would visibly hold up the next one.
  lake = await startLakeProcess({args: ['--query-timeout-ms', String(TIMEOUT_MS), '--query-workers', '1']})
  base = `${lake.url}/v2025-02-19`
  for (let i = 0; i < COUNT; i += 5_000) {
    const mutations = Array.from({length: 5_000}, (_, k) => ({create: {_id: `item-${i + k}`, _type: 'item', n: i + k}}))
    const res = await fetch(`${base}/data/mutate/production`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({mutations}),
    })
    expect(res.status).toBe(200)
  }
}, 120_000)
afterAll(async () => {
  expect(await lake.stop()).toBe(0)
})

function query(q: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${base}/data/query/production?perspective=raw&query=${encodeURIComponent(q)}`, {signal})
}

/** Milliseconds `fn` takes. */
async function timed<T>(fn: () => Promise<T>): Promise<{ms: number; value: T}> {
  const started = performance.now()
  const value = await fn()
  return {ms: performance.now() - started, value}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('query isolation', () => {
  it('keeps pings, reads and writes fast while a pathological query runs, and stops it at the deadline', async () => {
    const started = performance.now()
    const slow = query(PATHOLOGICAL).then(async (res) => ({
      status: res.status,
      body: await res.json(),
      ms: performance.now() - started,
    }))
    await sleep(300)
    for (let i = 0; i < 10; i++) {
      const ping = await timed(() => fetch(`${base}/ping`).then((r) => r.json()))
      expect(ping.value).toEqual({ok: true})
      expect(ping.ms).toBeLessThan(1_000)
    }
    const doc = await timed(() => fetch(`${base}/data/doc/production/item-7`).then((r) => r.json()))
    expect(doc.value.documents[0]).toMatchObject({_id: 'item-7', n: 7})
    expect(doc.ms).toBeLessThan(1_000)
    const lookup = await timed(() => query('*[_id == "item-9"][0].n').then((r) => r.json()))
    expect(lookup.value.result).toBe(9)
    expect(lookup.ms).toBeLessThan(1_000)
    const write = await timed(() =>
      fetch(`${base}/data/mutate/production`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({mutations: [{create: {_id: 'during-slow-query', _type: 'note'}}]}),
      }),
    )
    expect(write.value.status).toBe(200)
    expect(write.ms).toBeLessThan(1_000)

    const {status, body, ms} = await slow
    expect(status).toBe(504)
    expect(body).toMatchObject({statusCode: 504, error: {type: 'queryTimeoutError'}})
    expect(body.error.description).toMatch(/timed out/i)
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100)
    expect(ms).toBeLessThan(TIMEOUT_MS + 3_000)
  }, 60_000)

  it('refuses a query over the size limit without parsing it', async () => {
    // A 30,000-term `||` chain: parsing alone would take minutes.
    const chain = `*[${Array.from({length: 30_000}, (_, i) => `_id == "item-${i}"`).join(' || ')}]`
    expect(chain.length).toBeGreaterThan(300_000)
    const refused = await timed(() =>
      fetch(`${base}/data/query/production`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({query: chain}),
      }).then(async (res) => ({status: res.status, body: await res.json()})),
    )
    expect(refused.value.status).toBe(413)
    expect(refused.value.body).toMatchObject({statusCode: 413, error: {type: 'queryTooLargeError'}})
    expect(refused.value.body.error.description).toMatch(/Query size exceeded.*300000 bytes/)
    expect(refused.ms).toBeLessThan(1_000)
    // And the one worker is free: a scan that needs it answers at once.
    const next = await timed(() => query('count(*[n < 10])').then((r) => r.json()))
    expect(next.value.result).toBe(10)
    expect(next.ms).toBeLessThan(TIMEOUT_MS / 2)
  }, 60_000)

  it('frees the worker when the client goes away mid-query', async () => {
    const gone = new AbortController()
    const abandoned = query(PATHOLOGICAL, gone.signal).catch((err: Error) => err)
    await sleep(500)
    gone.abort()
    expect(await abandoned).toBeInstanceOf(Error)
    // With the stuck worker still running, this would wait for the deadline (8 s).
    const next = await timed(() => query('count(*[n < 10])').then((r) => r.json()))
    expect(next.value.result).toBe(10)
    expect(next.ms).toBeLessThan(TIMEOUT_MS / 2)
  }, 60_000)
})

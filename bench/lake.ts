/**
 * Lake query benchmark at 100,000 documents: an id lookup, a `_type` list query, the
 * Studio's list query with an empty search and its batched version lookups (issue #12),
 * through the lake's query engine in-process and over HTTP, each as a ratio against
 * plain groq-js evaluating the same query over the same array in the same run.
 * Prints ratios (> 1 means the lake is faster); asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {evaluate, parse} from 'groq-js'
import {DEFAULT_USERS} from '../lake/auth/users'
import {startLake} from '../lake/server'
import {DatasetState} from '../lake/store/dataset'
import {benchLists} from './lake-lists'
import {runQuery} from '../lake/store/query'
import type {SanityDocument} from '../lake/store/types'
import {benchLakeIngest} from './lake-ingest'
import {medianMs} from './timing'

const TYPES = ['pressRelease', 'category', 'distributor', 'disclaimer', 'author', 'tag', 'image', 'page', 'event', 'note']

function generate(count: number): SanityDocument[] {
  const docs: SanityDocument[] = []
  for (let i = 0; i < count; i++) {
    docs.push({
      _id: i % 20 === 0 ? `drafts.doc-${i}` : `doc-${i}`,
      _type: TYPES[i % TYPES.length]!,
      _rev: `rev-${i}`,
      _createdAt: '2026-01-01T00:00:00Z',
      _updatedAt: '2026-01-01T00:00:00Z',
      title: `Document number ${i}`,
      language: i % 3 ? 'de' : 'en',
      body: [{_type: 'block', _key: 'k', children: [{_type: 'span', _key: 's', text: `Body text ${i} `.repeat(5)}]}],
    })
  }
  return docs
}

async function plainGroq(docs: SanityDocument[], query: string, params: Record<string, unknown>): Promise<unknown> {
  return (await evaluate(parse(query, {params}), {dataset: docs, params})).get()
}

/**
 * fetch, retried once when a kept-alive connection was reset: the lake closes idle connections
 * after 5 s (`keepAliveTimeout`), and the in-process timings between HTTP phases take longer.
 */
async function fetchRetry(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (err) {
    if ((err as {cause?: {code?: string}}).cause?.code !== 'ECONNRESET') throw err
    return fetch(url, init)
  }
}

/** Target for pings while a pathological query runs (issue #13 item 3). */
const PING_P95_TARGET_MS = 100

/**
 * Pings the lake for a few seconds while a nested query over the whole dataset (minutes of
 * work) runs, then abandons that query (the lake cancels it). Prints the ping p95.
 */
async function pingUnderPathologicalQuery(url: string): Promise<void> {
  const gone = new AbortController()
  const query = '*[_type == "category"]{"n": count(*[_type == "category" && title > ^.title])}'
  const slow = fetch(`${url}/v2025-02-19/data/query/bench?perspective=raw&query=${encodeURIComponent(query)}`, {
    signal: gone.signal,
  }).catch(() => undefined)
  await new Promise((resolve) => setTimeout(resolve, 200))
  const samples: number[] = []
  const until = performance.now() + 3_000
  while (performance.now() < until) {
    const started = performance.now()
    await (await fetchRetry(`${url}/v2025-02-19/ping`)).json()
    samples.push(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  gone.abort()
  await slow
  samples.sort((a, b) => a - b)
  const p95 = samples[Math.floor(samples.length * 0.95)]!
  console.log(
    `ping during a pathological query: p95 ${p95.toFixed(2)} ms over ${samples.length} pings (target < ${PING_P95_TARGET_MS} ms)${p95 < PING_P95_TARGET_MS ? '' : '  MISSED'}`,
  )
}

interface Case {
  name: string
  query: string
  params: (i: number) => Record<string, unknown>
  runs: number
  /** What plain groq-js runs instead, when it cannot run the query itself (text::query). */
  plainQuery?: string
}

/** Studio 6.9.2's list query; with an empty search box `$__query` is `*`, which every document matches. */
const STUDIO_LIST =
  '// findability-mvi:5\n// findability-source: list\n*[_type in $__types && ([@, _id] match text::query($__query) || references($__rawQuery)) && (_type == $type)] {_type, _id, _originalId, "orderings": [title]} | order(lower(orderings[0]) asc) [0...$__limit]'

/** The Studio's per-row version lookups after a list loads (it batches 50; 20 keep plain groq-js bearable). */
function versionLookups(count: number): string {
  const ids = Array.from({length: 20}, (_, i) => `doc-${(i * 7919 + 1) % count}`)
  return `[${ids.map((id) => `*[sanity::versionOf("${id}")]._id`).join(', ')}]`
}

export async function benchLake(count = 100_000): Promise<void> {
  const docs = generate(count)
  const state = new DatasetState('bench')
  state.apply({
    seq: 1,
    transactionId: 'bench',
    timestamp: '2026-01-01T00:00:00Z',
    author: 'bench',
    changes: docs.map((d) => ({id: d._id, before: null, after: d})),
  })
  const cases: Case[] = [
    {name: 'id lookup', query: '*[_id == $id][0]{_id, title}', params: (i) => ({id: `doc-${(i * 7919 + 1) % count}`}), runs: 40},
    {name: '_type list', query: '*[_type == $t]{_id, title}', params: () => ({t: 'category'}), runs: 15},
    {
      name: 'Studio list',
      query: STUDIO_LIST,
      params: () => ({__types: ['pressRelease'], __limit: 101, __query: '*', __rawQuery: '', type: 'pressRelease'}),
      runs: 15,
      plainQuery: STUDIO_LIST.replace(' && ([@, _id] match text::query($__query) || references($__rawQuery))', ''),
    },
    {name: 'versionOf×20', query: versionLookups(count), params: () => ({}), runs: 3},
  ]

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lake-bench-'))
  const lake = await startLake({
    port: 0,
    dataDir,
    corsOrigins: [],
    projectId: 'bench',
    dataset: 'bench',
    users: DEFAULT_USERS,
    anonymousRole: 'administrator',
  })
  try {
    const loadStarted = performance.now()
    for (let i = 0; i < docs.length; i += 5000) {
      const res = await fetch(`${lake.url}/v2025-02-19/data/mutate/bench`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({mutations: docs.slice(i, i + 5000).map(({_rev, _updatedAt, ...doc}) => ({createOrReplace: doc}))}),
      })
      if (!res.ok) throw new Error(`loading the benchmark dataset failed: HTTP ${res.status} ${await res.text()}`)
    }
    console.log(`lake bench: ${count} documents (loaded over HTTP in ${Math.round(performance.now() - loadStarted)} ms)`)
    console.log('case         plain groq-js   lake in-process   ratio   lake over HTTP   ratio')
    for (const c of cases) {
      // The lake's answer must equal plain groq-js's, or the ratio would be meaningless.
      const plainQuery = c.plainQuery ?? c.query
      const expected = await plainGroq(docs, plainQuery, c.params(0))
      const actual = await runQuery(state, c.query, {perspective: 'raw', params: c.params(0)})
      if (JSON.stringify(expected) !== JSON.stringify(actual)) throw new Error(`${c.name}: lake and groq-js disagree`)

      const plain = await medianMs(c.runs, (i) => plainGroq(docs, plainQuery, c.params(i)))
      const inProcess = await medianMs(c.runs, (i) => runQuery(state, c.query, {perspective: 'raw', params: c.params(i)}))
      const overHttp = await medianMs(c.runs, async (i) => {
        const params = Object.entries(c.params(i))
          .map(([k, v]) => `&$${k}=${encodeURIComponent(JSON.stringify(v))}`)
          .join('')
        const res = await fetchRetry(
          `${lake.url}/v2025-02-19/data/query/bench?perspective=raw&query=${encodeURIComponent(c.query)}${params}`,
        )
        return res.json()
      })
      const fmt = (ms: number) => `${ms.toFixed(2)} ms`.padStart(10)
      console.log(
        `${c.name.padEnd(12)} ${fmt(plain)}      ${fmt(inProcess)}   ${(plain / inProcess).toFixed(1).padStart(6)}x   ${fmt(overHttp)}   ${(plain / overHttp).toFixed(1).padStart(6)}x`,
      )
    }
    await benchLists(lake.url, 'bench', docs, fetchRetry)
    await pingUnderPathologicalQuery(lake.url)
  } finally {
    await lake.close()
    fs.rmSync(dataDir, {recursive: true, force: true})
  }
  await benchLakeIngest()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchLake(Number(process.argv[2] ?? 100_000))
}

/**
 * The Studio's document-list queries at 100,000 documents (issue #13 item 6): each as the
 * Studio 6.9.2 list pane sends it (`createSearch` with an empty search: `_type in $__types`
 * plus the pane's filter, an `orderings` projection, `order()`, `[0...$__limit]`, the
 * `drafts` perspective), over HTTP against a running lake, with p50/p95, and plain groq-js
 * p50 over the same documents as the perspective shows them, measured in the same run: its
 * standard `evaluate` (the target's baseline) and, for comparison, its `evaluateSync`, which
 * the lake itself uses.
 * Also the main thread's heap before and after the list indexes exist.
 */
import v8 from 'node:v8'
import vm from 'node:vm'
import {evaluate, evaluateSync, parse} from 'groq-js'
import {DatasetState} from '../lake/store/dataset'
import type {SanityDocument} from '../lake/store/types'
import {fullView, type Perspective} from '../lake/store/views'

/** Issue #13 targets: under 20 ms at p50 over HTTP, and at least 20× plain groq-js. */
const P50_TARGET_MS = 20
const RATIO_TARGET = 20

const STUDIO_PREFIX = '// findability-mvi:4\n// findability-source: list\n'

interface ListCase {
  name: string
  query: string
  params: Record<string, unknown>
  perspective: Perspective
}

function studioList(type: string | string[], orderings: string, order: string, limit: number): Omit<ListCase, 'name'> {
  const types = Array.isArray(type) ? type : [type]
  const filter = Array.isArray(type) ? '_type in $types' : '_type == $type'
  return {
    query: `${STUDIO_PREFIX}*[_type in $__types && (${filter})] {_type, _id, _originalId, "orderings": [${orderings}]} | order(${order}) [0...$__limit]`,
    params: {__types: types, __limit: limit, ...(Array.isArray(type) ? {types} : {type})},
    perspective: 'drafts',
  }
}

function cases(type: string, other: string): ListCase[] {
  return [
    {name: 'Studio list, last edited', ...studioList(type, '_updatedAt', 'orderings[0] desc', 101)},
    {name: 'Studio list, by title', ...studioList(type, 'title', 'lower(orderings[0]) asc', 101)},
    {name: 'Studio list, scrolled (2,000)', ...studioList(type, '_updatedAt', 'orderings[0] desc', 2001)},
    {name: 'Studio list, two types', ...studioList([type, other], '_updatedAt', 'orderings[0] desc', 101)},
    {
      // Past the main thread's 2,000-character limit: planned and evaluated in a query worker, with the worker's own index.
      name: 'same, in a query worker',
      ...studioList(type, '_updatedAt', 'orderings[0] desc', 101),
      query: `// ${'padding '.repeat(260)}\n${studioList(type, '_updatedAt', 'orderings[0] desc', 101).query}`,
    },
    {
      name: 'order()[0...50], published',
      query: `*[_type == $type] | order(_updatedAt desc)[0...50]{_id, _type, _updatedAt, title}`,
      params: {type},
      perspective: 'published',
    },
  ]
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}

async function samples(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    out.push(performance.now() - started)
  }
  return out.sort((a, b) => a - b)
}

/** Heap in use after a full collection (the flag is set here so no CLI option is needed). */
function heapMb(): number {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

function queryUrl(base: string, dataset: string, c: ListCase): string {
  const perspective = Array.isArray(c.perspective) ? c.perspective.join(',') : c.perspective
  const params = Object.entries(c.params)
    .map(([k, v]) => `&$${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('')
  return `${base}/v2025-02-19/data/query/${dataset}?perspective=${perspective}&query=${encodeURIComponent(c.query)}${params}`
}

/**
 * Runs the list cases against the lake at `url`, which holds `inserted` (in that insertion
 * order, stamped by the lake). The documents are read back through the export, so plain
 * groq-js sees exactly what the lake stores, in the lake's dataset order.
 */
export async function benchLists(
  url: string,
  dataset: string,
  loaded: SanityDocument[],
  fetchRetry: (url: string, init?: RequestInit) => Promise<Response>,
): Promise<void> {
  // Drafts of one published document in twenty, so the drafts perspective has pairs to resolve.
  const drafts = loaded
    .filter((doc, i) => i % 20 === 1 && !doc._id.startsWith('drafts.'))
    .map(({_rev, _updatedAt, ...doc}) => ({...doc, _id: `drafts.${doc._id}`, title: `${String(doc.title)} (edited)`}))
  const res = await fetchRetry(`${url}/v2025-02-19/data/mutate/${dataset}`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({mutations: drafts.map((doc) => ({createOrReplace: doc}))}),
  })
  if (!res.ok) throw new Error(`creating the drafts failed: HTTP ${res.status} ${await res.text()}`)
  const inserted = [...loaded, ...drafts]
  const exported = (await (await fetchRetry(`${url}/v2025-02-19/data/export/${dataset}`)).text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SanityDocument)
  const stored = new Map(exported.map((doc) => [doc._id, doc]))
  const state = new DatasetState(dataset)
  state.apply({
    seq: 1,
    transactionId: 'bench',
    timestamp: '',
    author: 'bench',
    changes: inserted.map((doc) => ({id: doc._id, before: null, after: stored.get(doc._id)!})),
  })
  const types = [...state.byType.keys()]
  const [type, other] = [types[0]!, types[1]!]
  console.log(
    `\nStudio list queries: ${stored.size} documents, type "${type}" has ${state.byType.get(type)!.size} (targets: p50 < ${P50_TARGET_MS} ms over HTTP, >= ${RATIO_TARGET}x plain groq-js)`,
  )
  // This process's own views for the baseline exist before the heap is measured.
  for (const perspective of ['drafts', 'published'] as const) fullView(state, perspective)
  const heapBefore = heapMb()
  console.log(
    'case                            first (builds index)   HTTP p50   HTTP p95   plain groq-js p50   ratio   groq-js evaluateSync p50   ratio',
  )
  for (const c of cases(type, other)) {
    const fetchResult = async () => ((await (await fetchRetry(queryUrl(url, dataset, c))).json()) as {result: unknown}).result
    const first = await samples(1, fetchResult)
    const plain = async () => {
      const value = await evaluate(parse(c.query, {params: c.params}), {
        dataset: fullView(state, c.perspective),
        params: c.params,
      })
      return value.get()
    }
    // groq-js's synchronous evaluator (which the lake uses too), for comparison.
    const plainSync = async () =>
      evaluateSync(parse(c.query, {params: c.params}), {dataset: fullView(state, c.perspective), params: c.params}).data
    // The ratio is meaningless unless the lake answers exactly what groq-js answers.
    if (JSON.stringify(await fetchResult()) !== JSON.stringify(await plain()))
      throw new Error(`${c.name}: the lake and plain groq-js disagree`)
    const http = await samples(40, fetchResult)
    const groq = await samples(5, plain)
    const groqSync = await samples(5, plainSync)
    const [p50, p95, g50, s50] = [percentile(http, 0.5), percentile(http, 0.95), percentile(groq, 0.5), percentile(groqSync, 0.5)]
    const ratio = g50 / p50
    const missed = [p50 < P50_TARGET_MS ? '' : 'p50', ratio >= RATIO_TARGET ? '' : 'ratio'].filter(Boolean)
    const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(10)
    console.log(
      `${c.name.padEnd(30)}  ${ms(first[0]!)}           ${ms(p50)} ${ms(p95)}   ${ms(g50)}         ${ratio.toFixed(1).padStart(6)}x   ${ms(s50)}  ${(s50 / p50).toFixed(1).padStart(6)}x${missed.length ? `  MISSED ${missed.join(', ')}` : ''}`,
    )
  }
  console.log(
    `main-thread heap: ${heapBefore.toFixed(1)} MB before the list queries, ${heapMb().toFixed(1)} MB with their indexes (includes this benchmark's own copy of the dataset)`,
  )
}

/** The index-narrowing planner must only narrow when safe, and never change results. */
import {describe, expect, it} from 'vitest'
import {DatasetState} from '../../lake/store/dataset'
import {fastPlan, parseQuery, plan, runQuery, type Perspective} from '../../lake/store/query'
import type {SanityDocument} from '../../lake/store/types'

function dataset(): DatasetState {
  const state = new DatasetState('t')
  const docs: SanityDocument[] = []
  for (let i = 0; i < 200; i++)
    docs.push({_id: `d${i}`, _type: i % 2 ? 'odd' : 'even', n: i, ref: {_type: 'reference', _ref: `d${(i + 1) % 200}`}})
  docs.push({_id: 'drafts.d1', _type: 'odd', n: 1001})
  docs.push({_id: 'drafts.new', _type: 'even', n: 2000})
  docs.push({_id: 'versions.r.d2', _type: 'even', n: 3000})
  state.apply({
    seq: 1,
    transactionId: 'tx',
    timestamp: '2026-01-01T00:00:00Z',
    author: 'a',
    changes: docs.map((d) => ({id: d._id, before: null, after: d})),
  })
  return state
}

describe('query planner', () => {
  const state = dataset()
  const perspectives: Perspective[] = ['raw', 'published', 'drafts', ['r', 'drafts']]

  it.each([
    ['*[_id == $id]', {id: 'd1'}, true],
    ['*[_id in $ids]{n}', {ids: ['d3', 'd1', 'new']}, true],
    ['*[_type == $t && n > 150] | order(n desc)', {t: 'odd'}, true],
    ['*[_type in ["even"] || _id == "d1"][0..3]', {}, true],
    ['*[n == 5]', {}, false],
    ['*[_type == "odd" || n == 4]', {}, false],
    // Every read pinned: each is handed the union of their candidates.
    ['*[_id == "d1"]{"next": ref->n, "all": count(*[_type == "odd"])}', {}, true],
    ['*[_id == "d1"]{"next": ref->n, "all": count(*[n > 190])}', {}, false],
    ['{"one": *[_id == "d1"][0].n, "all": count(*)}', {}, false],
    // The Studio's per-row version lookups: one group each (published, draft, release versions).
    ['*[sanity::versionOf($id)]._id', {id: 'd2'}, true],
    ['*[sanity::versionOf("drafts.d1")]._id', {}, true],
    ['[*[sanity::versionOf("d1")]._id, *[sanity::versionOf("d2")]._id, *[sanity::versionOf("new")]._id]', {}, true],
    ['[*[_id in ["d1", "drafts.d3"]][0...2]{_id, n}, *[sanity::versionOf("d2")]{n}][0...1]', {}, true],
  ])('%s narrows=%s and matches a full scan under every perspective', async (query, params, narrows) => {
    expect(plan(parseQuery(query, params), state, {perspective: 'raw'}).narrowed).toBe(narrows)
    for (const perspective of perspectives) {
      const planned = await runQuery(state, query, {perspective, params})
      // A full scan: the same query with a dataset-wide no-op condition added, which defeats narrowing.
      const scanned = await runQuery(state, query.replace('*[', '*[(true || n == -1) && '), {perspective, params})
      expect(planned, `${query} @ ${JSON.stringify(perspective)}`).toEqual(scanned)
    }
  })

  it('narrows id lookups to the document group only', () => {
    const {docs} = plan(parseQuery('*[_id == "d1"]', {}), state, {perspective: 'raw'})
    expect(docs.map((d) => d._id).sort()).toEqual(['d1', 'drafts.d1'])
  })

  it('dereferences outside the narrowed set', async () => {
    expect(await runQuery(state, '*[_id == "d5"][0].ref->n', {perspective: 'published', params: {}})).toBe(6)
  })

  it('evaluates the Studio search text::query()', async () => {
    const search = '*[_type == "odd" && ([@, _id] match text::query($q))]._id'
    // `@` searches the document's text, not its system fields: d189's reference to d190 is no match.
    expect(await runQuery(state, search, {perspective: 'raw', params: {q: 'd19*'}})).toEqual([
      'd19',
      'd191',
      'd193',
      'd195',
      'd197',
      'd199',
    ])
    expect(
      await runQuery(state, '*[_id match text::query($q)]._id', {perspective: 'published', params: {q: 'd19* -d199'}}),
    ).toHaveLength(10)
    expect(await runQuery(state, search, {perspective: 'raw', params: {q: ''}})).toHaveLength(101)
  })
})

describe('the Studio list query with an empty search box', () => {
  // Studio 6.9.2's list query: its search conjunct with `*` holds for every document.
  const LIST =
    '// findability-mvi:5\n// findability-source: list\n*[_type in $__types && ([@, _id] match text::query($__query) || references($__rawQuery)) && (_type == $type)] {_type, _id, _originalId, "orderings": [n]} | order(orderings[0] desc) [0...$__limit]'
  const params = (query: string) => ({__types: ['item'], __limit: 101, __query: query, __rawQuery: query, type: 'item'})
  const state = new DatasetState('t')
  state.apply({
    seq: 1,
    transactionId: 'tx',
    timestamp: '2026-01-01T00:00:00Z',
    author: 'a',
    changes: Array.from({length: 3_000}, (_, i) => {
      const doc = {_id: `i${i}`, _type: 'item', n: i % 1_000, title: i % 7 ? 'plain' : 'special'}
      return {id: doc._id, before: null, after: doc}
    }),
  })

  it('is served from the sorted index, with the answer of a full evaluation', async () => {
    for (const perspective of ['raw', 'drafts'] as Perspective[]) {
      const prepared = fastPlan(state, LIST, {perspective, params: params('*')})
      expect(prepared, 'planned on the main thread').toBeDefined()
      expect(prepared!.docs.length).toBeLessThan(200)
      const listed = await runQuery(state, LIST, {perspective, params: params('*')}, prepared)
      const scanned = await runQuery(state, LIST.replace('*[', '*[(true || n == -1) && '), {perspective, params: params('*')})
      expect(listed).toEqual(scanned)
      expect(listed).toHaveLength(101)
    }
  })

  it('still searches when there is something to search for', async () => {
    // A real search is decided per document: the whole type is handed over, not the index's top rows.
    expect(fastPlan(state, LIST, {perspective: 'raw', params: params('special')})?.docs).toHaveLength(3_000)
    const found = (await runQuery(state, LIST, {perspective: 'raw', params: params('special')})) as {_id: string}[]
    expect(found).toHaveLength(101)
    expect(found.every((row) => Number(row._id.slice(1)) % 7 === 0)).toBe(true)
  })
})

describe('main-thread fast path', () => {
  const state = dataset()
  const fast = (query: string, params: Record<string, unknown> = {}) =>
    fastPlan(state, query, {perspective: 'raw', params}) !== undefined

  it('takes short, index-served queries of a linear shape', () => {
    expect(fast('*[_id == $id][0]{_id, n}', {id: 'd1'})).toBe(true)
    expect(fast('*[_type == $t]{_id, n}', {t: 'odd'})).toBe(true)
    expect(fast('*[_type == "odd"] | order(n desc)[0..3]{n, "next": ref->n, "c": count(tags)}')).toBe(true)
  })

  it('leaves to a worker whatever could multiply work or is not index-served', () => {
    expect(fast('*[n > 5]')).toBe(false)
    expect(fast('*[_type == "odd"]{"c": count(*[n > ^.n])}')).toBe(false)
    expect(fast('*[_type == "odd"]{"x": tags[]->{tags[]->{n}}}')).toBe(false)
    expect(fast('*[_type == "odd"]{"x": array::unique(tags)}')).toBe(false)
    expect(fast(`*[_id == "d1" ${' '.repeat(2_000)}]`)).toBe(false)
    expect(fast('*[_id in $ids]', {ids: Array.from({length: 5_000}, (_, i) => `d${i}`)})).toBe(false)
  })
})

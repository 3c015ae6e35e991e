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
    ['*[_id == "d1"]{"next": ref->n, "all": count(*[_type == "odd"])}', {}, false],
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

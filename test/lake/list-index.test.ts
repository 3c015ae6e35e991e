/**
 * Issue #13 item 6: the list planner (lake/store/list-plan.ts) hands groq-js only the top
 * of a type's sorted index. Differential check: every answer must equal plain groq-js over
 * the whole perspective, across list shapes, perspectives, drafts and versions, ties in the
 * order keys, missing and mixed-type keys, and after commits that move, add and remove rows.
 */
import {evaluate, parse} from 'groq-js'
import {beforeAll, describe, expect, it} from 'vitest'
import {DatasetState} from '../../lake/store/dataset'
import {listPlan} from '../../lake/store/list-plan'
import {parseQuery, runQuery, type Perspective} from '../../lake/store/query'
import type {SanityDocument} from '../../lake/store/types'
import {dereferencer, fullView} from '../../lake/store/views'

const TYPES = ['article', 'article', 'article', 'author', 'author', 'note'] as const
/** Few distinct timestamps: imports stamp thousands of documents alike, so ties are the normal case. */
const STAMPS = ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00.5Z', '2026-01-03T00:00:00Z']
const TITLES: unknown[] = ['Alpha', 'alpha', 'Beta', 'beta', 'Émile', 'zeta', '', undefined, null, 7, 12.5, true, {x: 1}, ['a']]

let seq = 0
function commit(state: DatasetState, changes: {id: string; after: SanityDocument | null}[]): void {
  seq++
  state.apply({
    seq,
    transactionId: `tx${seq}`,
    timestamp: STAMPS[0]!,
    author: 'test',
    changes: changes.map(({id, after}) => ({id, before: state.get(id), after})),
  })
}

function doc(id: string, i: number, extra: Partial<SanityDocument> = {}): SanityDocument {
  const title = TITLES[i % TITLES.length]
  return {
    _id: id,
    _type: TYPES[i % TYPES.length]!,
    _rev: `r${i}`,
    _createdAt: STAMPS[(i * 7) % STAMPS.length]!,
    _updatedAt: STAMPS[(i * 3) % STAMPS.length]!,
    ...(title === undefined ? {} : {title}),
    n: (i * 37) % 101,
    ...(i % 5 ? {meta: {rank: (i * 13) % 17}} : {}),
    ref: {_type: 'reference', _ref: `doc-${(i * 11) % 400}`},
    ...extra,
  }
}

/** 4,000 published documents (ids shuffled against insertion order), drafts, release versions, a hidden version. */
function dataset(): DatasetState {
  const state = new DatasetState('t')
  const docs: SanityDocument[] = []
  for (let i = 0; i < 4000; i++) docs.push(doc(`doc-${(i * 1543) % 4000}`, i))
  for (let i = 0; i < 4000; i += 9) docs.push(doc(`drafts.doc-${i}`, i + 1, {title: `Draft ${i % 50}`}))
  // A draft of a type other than its published copy's: perspectives decide which type a row has.
  docs.push(doc('drafts.doc-5', 3, {_type: 'note'}))
  for (let i = 0; i < 4000; i += 13) docs.push(doc(`versions.r.doc-${i}`, i + 2, {_updatedAt: STAMPS[3]!}))
  docs.push(doc('versions.r.doc-26', 3, {_system: {delete: true}}))
  // Drafts with no published copy.
  for (let i = 0; i < 60; i++) docs.push(doc(`drafts.new-${i}`, i))
  commit(
    state,
    docs.map((d) => ({id: d._id, after: d})),
  )
  return state
}

const PERSPECTIVES: Perspective[] = ['raw', 'published', 'drafts', ['r', 'drafts']]

const STUDIO =
  '// findability-mvi:4\n// findability-source: list\n*[_type in $__types && (_type == $type)] {_type, _id, _originalId, "orderings": [_updatedAt]} | order(orderings[0] desc) [0...$__limit]'
const STUDIO_TITLE =
  '*[_type in $__types && (_type == $type)] {_type, _id, _originalId, "orderings": [title]} | order(lower(orderings[0]) asc) [0...$__limit]'

/** Shapes the planner must serve from the index (and the answer must still be groq-js's). */
const SERVED: [string, Record<string, unknown>][] = [
  [STUDIO, {__types: ['article'], type: 'article', __limit: 101}],
  [STUDIO_TITLE, {__types: ['author'], type: 'author', __limit: 101}],
  ['*[_type == "article"] | order(_updatedAt desc)[0...50]', {}],
  ['*[_type == "article"] | order(_updatedAt desc)[0...50]{_id, title, "r": ref->n}', {}],
  ['*[_type == "article"] | order(_updatedAt desc)[7]', {}],
  ['*[_type in ["article", "author"]] | order(title asc, _updatedAt desc)[10..40]', {}],
  ['*[_type == "article" || _type == "author"] | order(_createdAt desc, n asc)[0...100]', {}],
  ['*[_type == $t && n > 50] | order(meta.rank desc)[0...30]', {t: 'article'}],
  ['*[_type == "article" && defined(title)] | order(lower(title))[0...20]', {}],
  ['*[_type == "article"]{..., "x": title} | order(x asc)[0...25]', {}],
  ['*[_type == "author" && n % 7 == 0 && n > 90] | order(_updatedAt)[0...200]', {}],
  ['*[_type == "article" && ref->n > 50] | order(_updatedAt desc)[0...20]{_id}', {}],
  ['*[_type in $__types && title match "alpha"] | order(_updatedAt desc)[0...10]', {__types: ['article', 'author']}],
  ['count(*[_type == "article"] | order(n desc)[0...40])', {}],
]

/** Shapes it must leave to the full evaluation. */
const NOT_SERVED: [string, Record<string, unknown>][] = [
  ['*[_type == "article"] | order(_id desc)[0...10]', {}],
  ['*[n > 5] | order(_updatedAt desc)[0...10]', {}],
  ['*[_type == "article"] | order(_updatedAt desc)[-10..-1]', {}],
  ['*[_type == "article"] | order(_updatedAt desc)', {}],
  ['*[_type == "article"] | order(dateTime(_updatedAt) desc)[0...10]', {}],
  ['*[_type == "article"]{"x": title, ...} | order(x)[0...10]', {}],
  ['*[_type == "article"]{_id, ...select(n > 5 => {"x": n})} | order(x)[0...10]', {}],
  ['*[_type == "note"] | order(_updatedAt desc)[0...10]', {}],
]

/** Checked against groq-js too: served or not, whichever the sizes make it. */
const OTHERS: [string, Record<string, unknown>][] = [
  [STUDIO, {__types: ['article'], type: 'article', __limit: 2001}],
  [STUDIO, {__types: ['article', 'note'], type: 'article', __limit: 101}],
  ['*[_type == "article"] | order(_updatedAt desc)[0...0]', {}],
  ['*[_type == "article"] | order(_updatedAt desc)[40...20]', {}],
  // Every row ties: the whole type is read, in dataset order.
  ['*[_type == "article"] | order(missing desc)[0...10]', {}],
  // The projection's `_id` is the title here, not the document id.
  ['*[_type == "article"]{"_id": title} | order(_id)[0...10]', {}],
  // Narrowed by type but not a list: the dataset order must hold too.
  ['*[_type == "article"]{_id}', {}],
  ['*[_id in ["doc-7", "doc-3", "new-1", "doc-5"]]{_id, _type}', {}],
]

async function plainGroq(state: DatasetState, query: string, params: Record<string, unknown>, perspective: Perspective) {
  const value = await evaluate(parse(query, {params}), {
    dataset: fullView(state, perspective),
    params,
    dereference: dereferencer(state, perspective),
  })
  return value.get()
}

async function expectSameAsGroq(state: DatasetState, label: string) {
  for (const [query, params] of [...SERVED, ...NOT_SERVED, ...OTHERS]) {
    for (const perspective of PERSPECTIVES) {
      const expected = await plainGroq(state, query, params, perspective)
      const actual = await runQuery(state, query, {perspective, params})
      expect(actual, `${label}: ${query} ${JSON.stringify(params)} @ ${JSON.stringify(perspective)}`).toEqual(expected)
    }
  }
}

describe('list planner', () => {
  let state: DatasetState
  beforeAll(() => {
    state = dataset()
  })

  it.each(SERVED)('serves %s from the sorted index', (query, params) => {
    for (const perspective of PERSPECTIVES) {
      const rows = listPlan(parseQuery(query, params), state, {perspective, params})
      expect(rows, JSON.stringify(perspective)).toBeDefined()
      expect(rows!.length).toBeLessThan(state.docs.size / 2)
    }
  })

  it.each(NOT_SERVED)('leaves %s to the full evaluation', (query, params) => {
    expect(listPlan(parseQuery(query, params), state, {perspective: 'drafts', params})).toBeUndefined()
  })

  it('answers exactly as groq-js over the whole perspective', async () => {
    await expectSameAsGroq(state, 'initial')
  }, 180_000)

  it('stays exact after commits that move, add and remove rows, one at a time and in bulk', async () => {
    // Small commits: spliced into the indexes built by the queries above.
    commit(state, [{id: 'doc-1', after: {...state.get('doc-1')!, _updatedAt: '2027-01-01T00:00:00Z', title: 'AAA'}}])
    commit(state, [{id: 'drafts.doc-2', after: doc('drafts.doc-2', 2, {_updatedAt: '2027-02-01T00:00:00Z'})}])
    commit(state, [{id: 'doc-3', after: null}])
    commit(state, [{id: 'drafts.doc-9', after: null}])
    commit(state, [{id: 'doc-4', after: {...state.get('doc-4')!, _type: 'author'}}])
    commit(state, [{id: 'versions.r.doc-39', after: {...state.get('versions.r.doc-39')!, _system: {delete: true}}}])
    await expectSameAsGroq(state, 'after small commits')
    // A bulk commit: merged into the indexes.
    const bulk: {id: string; after: SanityDocument | null}[] = []
    for (let i = 100; i < 700; i++) {
      if (i % 3 === 0) bulk.push({id: `doc-${i}`, after: null})
      else if (i % 3 === 1) bulk.push({id: `doc-${i}`, after: {...state.get(`doc-${i}`)!, _updatedAt: STAMPS[i % 4]!, n: -i}})
      else bulk.push({id: `fresh-${i}`, after: doc(`fresh-${i}`, i)})
    }
    commit(state, bulk)
    await expectSameAsGroq(state, 'after a bulk commit')
  }, 300_000)

  it('gives up when the rows needed exceed the limit, and is exact without one', async () => {
    // Almost nothing passes, so the prefix grows until the whole type is read.
    const query = '*[_type == "article" && n == 100] | order(_updatedAt desc)[0...5]'
    expect(listPlan(parseQuery(query, {}), state, {perspective: 'drafts'}, 500)).toBeUndefined()
    expect(await runQuery(state, query, {perspective: 'drafts', params: {}})).toEqual(await plainGroq(state, query, {}, 'drafts'))
  })
})

/**
 * Two types whose documents share one `_updatedAt` by the thousand (one import stamps them
 * all alike): the merged indexes must give exactly groq-js's stable order, ties settled by
 * dataset order, without reading the tie group.
 */
describe('list planner over several types with large ties', () => {
  const STAMP = '2026-03-01T00:00:00Z'
  const TWO_TYPES =
    '*[_type in $__types && (_type in $types)] {_type, _id, _originalId, "orderings": [_updatedAt]} | order(orderings[0] desc) [0...$__limit]'
  const typesParams = (limit: number) => ({__types: ['article', 'author'], types: ['article', 'author'], __limit: limit})
  const SLICES = ['[0...101]', '[100...101]', '[101]', '[0..0]', '[1499...1501]', '[2990...3100]']
  const QUERIES: [string, Record<string, unknown>][] = [
    [TWO_TYPES, typesParams(101)],
    [TWO_TYPES, typesParams(2001)],
    ...SLICES.map((slice): [string, Record<string, unknown>] => [
      `*[_type == "article" || _type == "author"] | order(_updatedAt desc) ${slice}{_id, _type, n}`,
      {},
    ]),
    ['*[_type in ["article", "author"] && n > 40] | order(_updatedAt desc, n asc)[0...150]{_id}', {}],
    ['*[_type in ["author", "article"]] | order(_updatedAt asc)[0...300]{_id, _originalId}', {}],
  ]

  let state: DatasetState
  beforeAll(() => {
    state = new DatasetState('ties')
    const docs: SanityDocument[] = []
    // 3,000 documents, types interleaved, all but a few hundred stamped alike; ids not in insertion order.
    for (let i = 0; i < 3000; i++) {
      const stamp = i % 10 === 0 ? STAMPS[i % STAMPS.length]! : STAMP
      docs.push({_id: `t-${(i * 877) % 3000}`, _type: i % 3 ? 'article' : 'author', _updatedAt: stamp, n: i % 101})
    }
    // Drafts tied with their published copies: the raw perspective shows both, in the group's order.
    for (let i = 0; i < 3000; i += 7)
      docs.push({_id: `drafts.t-${i}`, _type: i % 2 ? 'article' : 'author', _updatedAt: STAMP, n: 7})
    commit(
      state,
      docs.map((d) => ({id: d._id, after: d})),
    )
  })

  async function expectExact(label: string) {
    for (const [query, params] of QUERIES)
      for (const perspective of PERSPECTIVES)
        expect(
          await runQuery(state, query, {perspective, params}),
          `${label}: ${query} @ ${JSON.stringify(perspective)}`,
        ).toEqual(await plainGroq(state, query, params, perspective))
  }

  it('reads no further into a tie than the slice needs', () => {
    for (const perspective of PERSPECTIVES) {
      // The top tie holds thousands of rows; reading it whole would exceed these limits.
      expect(listPlan(parseQuery(TWO_TYPES, typesParams(101)), state, {perspective, params: typesParams(101)}, 101)).toHaveLength(
        101,
      )
      const query = '*[_type == "article" || _type == "author"] | order(_updatedAt desc) [1499...1501]'
      expect(listPlan(parseQuery(query, {}), state, {perspective}, 1501)).toHaveLength(1501)
    }
  })

  it('answers exactly as groq-js, ties and slice boundaries included', async () => {
    await expectExact('initial')
  }, 120_000)

  it('stays exact when commits move documents within a tie', async () => {
    // Re-saved with the same stamp: the copy rejoins its group (and a lone copy's group moves to the end of the dataset).
    commit(state, [{id: 't-3', after: {...state.get('t-3')!, n: 1000}}])
    commit(state, [{id: 't-7', after: {...state.get('t-7')!, n: 1001}}])
    commit(state, [{id: 'drafts.t-14', after: null}])
    commit(state, [{id: 'drafts.t-14', after: {_id: 'drafts.t-14', _type: 'article', _updatedAt: STAMP, n: 3}}])
    // A group emptied and refilled in one commit gets a new place.
    commit(state, [
      {id: 't-21', after: null},
      {id: 'drafts.t-21', after: null},
      {id: 'drafts.t-21', after: {_id: 'drafts.t-21', _type: 'author', _updatedAt: STAMP, n: 5}},
    ])
    // A bulk commit, merged into the indexes: half of it into the tie.
    const bulk: {id: string; after: SanityDocument | null}[] = []
    for (let i = 0; i < 400; i++)
      bulk.push({
        id: `t-${(i * 13) % 3000}`,
        after: {...state.get(`t-${(i * 13) % 3000}`)!, n: -i, _updatedAt: i % 2 ? STAMP : STAMPS[1]!},
      })
    commit(state, bulk)
    await expectExact('after commits')
  }, 120_000)
})

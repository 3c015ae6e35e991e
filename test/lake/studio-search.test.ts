/**
 * Search as Studio 6.9.2 does it, against the real lake through @sanity/client: the exact
 * queries from the Studio's request log (fixtures/studio-search-queries.ts), asserting
 * which documents come back and in what order; reference-input search for categories,
 * distributors and disclaimers by a title prefix in German and English; the search-string
 * language (prefixes, phrases, exclusions); and 400s that name what the lake cannot do.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SanityClient} from '@sanity/client'
import {startLakeProcess, type LakeProcess} from '../support/lake'
import {globalSearch, listQuery, listSearch, referenceInput, referenceResolve} from './fixtures/studio-search-queries'

let lake: LakeProcess
let client: SanityClient

const ref = (id: string) => ({_type: 'reference', _ref: id})
const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: []}],
})

beforeAll(async () => {
  lake = await startLakeProcess()
  client = lake.client()
  await client
    .transaction()
    .create({_id: 'distributor.seaprwire', _type: 'distributor', name: 'SeaPRwire'})
    .create({_id: 'distributor.globenewswire', _type: 'distributor', name: 'GlobeNewswire'})
    .create({_id: 'category.top-story-de', _type: 'category', title: 'Top-Story', language: 'de'})
    .create({_id: 'category.top-story-en', _type: 'category', title: 'Top Story', language: 'en'})
    .create({_id: 'category.technologie', _type: 'category', title: 'Technologie', language: 'de'})
    .create({_id: 'category.technology', _type: 'category', title: 'Technology', language: 'en'})
    .create({_id: 'category.tech', _type: 'category', title: 'Tech', language: 'en'})
    .create({_id: 'category.biotech', _type: 'category', title: 'Biotech', language: 'en'})
    .create({_id: 'category.boerse', _type: 'category', title: 'Börse & Finanzen', language: 'de'})
    .create({
      _id: 'disclaimer.seaprwire.de',
      _type: 'disclaimer',
      distributor: ref('distributor.seaprwire'),
      language: 'de',
      text: 'Haftungsausschluss: Der Inhalt dieser Pressemitteilung stammt von SeaPRwire.',
    })
    .create({
      _id: 'disclaimer.seaprwire.en',
      _type: 'disclaimer',
      distributor: ref('distributor.seaprwire'),
      language: 'en',
      text: 'Disclaimer: This press release is provided by SeaPRwire.',
    })
    // Title match, and a reference to the matching distributor.
    .create({
      _id: 'drafts.pressRelease.sea-hub',
      _type: 'pressRelease',
      title: 'SeaPRwire opens a technology hub',
      distributor: ref('distributor.seaprwire'),
      body: [block('a', 'The hub opens in Singapore.')],
    })
    // Only the body mentions it.
    .create({
      _id: 'pressRelease.harbour',
      _type: 'pressRelease',
      title: 'Harbour expansion approved',
      body: [block('a', 'Container traffic at the seaport doubled.')],
    })
    // Only the distributor reference matches. (Third-party copy stays a draft: the lake's review gate.)
    .create({
      _id: 'drafts.pressRelease.quarterly',
      _type: 'pressRelease',
      title: 'Quarterly results',
      distributor: ref('distributor.seaprwire'),
      body: [block('a', 'Revenue rose by nine percent.')],
    })
    .create({
      _id: 'drafts.pressRelease.unrelated',
      _type: 'pressRelease',
      title: 'Unrelated news',
      distributor: ref('distributor.globenewswire'),
      body: [block('a', 'Nothing to see. Normal text.')],
    })
    .commit()
}, 60_000)

afterAll(async () => {
  expect(await lake.stop()).toBe(0)
})

type Hit = {_id: string; _type: string; _originalId?: string; orderings: unknown[]}

describe('the Studio’s queries', () => {
  it('lists a type with an empty search box (`*` matches every document)', async () => {
    const hits = await client.fetch<Hit[]>(listQuery.query, listQuery.params, {perspective: listQuery.perspective})
    expect(hits.map((h) => h._id).sort()).toEqual([
      'pressRelease.harbour',
      'pressRelease.quarterly',
      'pressRelease.sea-hub',
      'pressRelease.unrelated',
    ])
    expect(hits.find((h) => h._id === 'pressRelease.sea-hub')?._originalId).toBe('drafts.pressRelease.sea-hub')
  })

  it('resolves the referenced documents whose fields match, by prefix', async () => {
    const ids = await client.fetch<string[]>(referenceResolve.query, referenceResolve.params('sea*'), {
      perspective: referenceResolve.perspective,
    })
    expect(ids).toEqual(['distributor.seaprwire'])
  })

  it('global search ranks a title match first, then references, then body text', async () => {
    const refIds = await client.fetch<string[]>(referenceResolve.query, referenceResolve.params('sea*'))
    const hits = await client.fetch<Hit[]>(globalSearch.query, globalSearch.params('sea', 'sea*', refIds), {
      perspective: globalSearch.perspective,
    })
    const ids = hits.map((h) => h._originalId ?? h._id)
    // The distributor by its name and the release by its title (boost 10) come first; the
    // disclaimers and the release that only reference SeaPRwire (boost 5) next; the body mention last.
    expect(ids.slice(0, 2).sort()).toEqual(['distributor.seaprwire', 'drafts.pressRelease.sea-hub'])
    expect(ids.slice(2, 5).sort()).toEqual([
      'disclaimer.seaprwire.de',
      'disclaimer.seaprwire.en',
      'drafts.pressRelease.quarterly',
    ])
    expect(ids.slice(5)).toEqual(['pressRelease.harbour'])
    expect(ids).not.toContain('drafts.pressRelease.unrelated')
    const scores = hits.map((h) => h.orderings[0] as number)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(scores.every((s) => s > 0)).toBe(true)
  })

  it('list search finds by title, by reference and by body, in that order', async () => {
    const hits = await client.fetch<Hit[]>(listSearch.query, listSearch.params('sea', 'sea*', ['distributor.seaprwire']), {
      perspective: listSearch.perspective,
    })
    expect(hits.map((h) => h._id)).toEqual(['pressRelease.sea-hub', 'pressRelease.quarterly', 'pressRelease.harbour'])
  })

  it('finds nothing, without failing, when nothing matches', async () => {
    const hits = await client.fetch<Hit[]>(listSearch.query, listSearch.params('zebra', 'zebra*', ['none']), {
      perspective: listSearch.perspective,
    })
    expect(hits).toEqual([])
  })
})

describe('reference inputs find documents by a title prefix, in German and English', () => {
  const search = async (type: string, term: string) => {
    const hits = await client.fetch<Hit[]>(referenceInput.query(type), referenceInput.params(type, term), {
      perspective: referenceInput.perspective,
    })
    return hits.map((h) => h._id)
  }

  it('categories', async () => {
    // The whole word first, then longer words that start with it; "Biotech" does not start with it.
    expect(await search('category', 'tech')).toEqual(['category.tech', 'category.technologie', 'category.technology'])
    expect(await search('category', 'Technol')).toEqual(['category.technologie', 'category.technology'])
    expect((await search('category', 'top')).sort()).toEqual(['category.top-story-de', 'category.top-story-en'])
    expect((await search('category', 'Top-St')).sort()).toEqual(['category.top-story-de', 'category.top-story-en'])
    expect(await search('category', 'bör')).toEqual(['category.boerse'])
    expect(await search('category', 'BÖRSE & Fin')).toEqual(['category.boerse'])
  })

  it('distributors', async () => {
    expect(await search('distributor', 'sea')).toEqual(['distributor.seaprwire'])
    expect(await search('distributor', 'Globe')).toEqual(['distributor.globenewswire'])
  })

  it('disclaimers, by their text in either language', async () => {
    expect(await search('disclaimer', 'Haftung')).toEqual(['disclaimer.seaprwire.de'])
    expect(await search('disclaimer', 'Disclaimer: this')).toEqual(['disclaimer.seaprwire.en'])
  })
})

describe('the search-string language', () => {
  const ids = (query: string, q: string) => client.fetch<string[]>(query, {q})
  const titles = '*[_type == "category" && title match text::query($q)] | order(_id)._id'

  it('reads plain words exactly, `word*` as a prefix, quotes as a phrase and `-` as an exclusion', async () => {
    expect(await ids(titles, 'tech')).toEqual(['category.tech'])
    expect(await ids(titles, 'tech*')).toEqual(['category.tech', 'category.technologie', 'category.technology'])
    expect(await ids(titles, 'tech* -technologie')).toEqual(['category.tech', 'category.technology'])
    expect(await ids(titles, '"top story"')).toEqual(['category.top-story-de', 'category.top-story-en'])
    expect(await ids(titles, '"story top"')).toEqual([])
    expect(await ids(titles, 'story top')).toEqual(['category.top-story-de', 'category.top-story-en'])
  })

  it('searches a document’s text with `@`, not its Portable Text structure or system fields', async () => {
    const anywhere = '*[_type == "pressRelease" && [@, _id] match text::query($q)] | order(_id)._id'
    expect(await ids(anywhere, 'seaport')).toEqual(['pressRelease.harbour'])
    expect(await ids(anywhere, 'normal')).toEqual(['drafts.pressRelease.unrelated'])
    expect(await ids(anywhere, 'block')).toEqual([])
  })

  it('scores `match` in score() with boosts, as groq-js does, and filters on _score', async () => {
    const query =
      '*[_type == "category"] | score(boost(title match text::query($q), 3), language == "de") [_score > 0] | order(_score desc, _id) {_id, _score}'
    const hits = await client.fetch<{_id: string; _score: number}[]>(query, {q: 'tech*'})
    // A German title adds 1 (a boolean counts once); an exact word scores above a prefix.
    expect(hits.map((h) => h._id)).toEqual([
      'category.technologie',
      'category.tech',
      'category.technology',
      'category.boerse',
      'category.top-story-de',
    ])
    expect(hits[1]!._score).toBeGreaterThan(hits[2]!._score)
    expect(hits[0]!._score - hits[2]!._score).toBeCloseTo(1)
    expect(hits.at(-1)!._score).toBe(1)
  })
})

describe('what the lake cannot answer is a 400 naming it', () => {
  const refusal = async (query: string, params: Record<string, unknown> = {}) => {
    try {
      await client.fetch(query, params)
    } catch (err) {
      const e = err as {statusCode: number; details: {type: string; description: string}}
      return {status: e.statusCode, type: e.details.type, description: e.details.description}
    }
    throw new Error(`expected ${query} to be refused`)
  }

  it('text::query() outside the document filter or its score()', async () => {
    const r = await refusal('*[_type == "pressRelease"]{"hit": title match text::query("sea")}')
    expect(r).toMatchObject({status: 400, type: 'queryError'})
    expect(r.description).toContain('text::query()')
  })

  it('a text::query() argument that is not a string', async () => {
    const r = await refusal('*[title match text::query(title)]')
    expect(r.description).toContain('text::query() takes one string')
  })

  it('functions groq-js only stubs', async () => {
    expect((await refusal('*[_type == "x"]{"s": text::semanticSimilarity("sea")}')).description).toContain(
      'text::semanticSimilarity()',
    )
    expect((await refusal('*[_type == "x"]{"d": geo::distance(a, b)}')).description).toContain('geo::distance()')
    // groq-js's parser refuses boost() outside score() itself.
    expect(await refusal('*[boost(title match "x", 2)]')).toMatchObject({
      status: 400,
      description: expect.stringContaining('boost'),
    })
  })
})

/**
 * Every query against a real lake after the real seed import, compared with exact
 * expected JSON: nothing public before approval; after approval and publish, the seed
 * release with its label and disclaimer.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  categoriesWithCountsQuery,
  publicReleaseBySlugQuery,
  publicReleasesQuery,
  publishedReviewedForAuditQuery,
  reviewQueueQuery,
} from '../../queries'
import {
  applyDecision,
  importSeeds,
  publish,
  SEED_DRAFT_ID,
  SEED_PUBLISHED_ID,
  startLakeProcess,
  TOKENS,
  type TestLake,
} from '../support/frontend-lake'

const SEED_TITLE = 'US und israelische Beamte halten virtuelle Gespräche über ihren Streit um eine Militäroperation in Rafah ab'
const SEED_SLUG = 'us-und-israelische-beamte-halten-virtuelle-gespraeche-ueber-ihren-streit-um-eine'
const SEED_PUBLISHED_AT = '2026-01-06T09:30:00.000Z'
const DISCLAIMER_DE = {
  text: 'Der Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire (https://www.seaprwire.com/) gibt diesbezüglich keine Zusicherungen oder Darstellungen ab.',
  language: 'de',
}
const SEAPRWIRE = {name: 'SeaPRwire', website: 'https://www.seaprwire.com/'}
const SEED_CATEGORIES = [
  {title: 'Top-Story', slug: 'top-story'},
  {title: 'Tagesnachrichten', slug: 'tagesnachrichten'},
]

interface Filters {
  language: string | null
  category: string | null
  distributor: string | null
}
const ALL: Filters = {language: null, category: null, distributor: null}
const FIRST_PAGE = {start: 0, end: 20, ...ALL}

/** The seed release as a list entry, once public. */
const SEED_ENTRY = {
  _id: SEED_PUBLISHED_ID,
  title: SEED_TITLE,
  slug: SEED_SLUG,
  language: 'de',
  publishedAt: SEED_PUBLISHED_AT,
  dateline: {location: 'WASHINGTON', agency: 'AP'},
  categories: SEED_CATEGORIES,
  thirdParty: true,
  distributor: SEAPRWIRE,
  disclaimer: DISCLAIMER_DE,
}

let lake: TestLake
/** Reads as a public front-end does: no token, published perspective. */
let reader: SanityClient
/** Reads as a review tool does: all documents, raw. */
let tool: SanityClient

beforeAll(async () => {
  lake = await startLakeProcess()
  const summary = await importSeeds(lake)
  expect(summary).toMatchObject({imported: 1, failed: 0})
  reader = lake.client(TOKENS.editor).withConfig({perspective: 'published'})
  tool = lake.client(TOKENS.editor).withConfig({perspective: 'raw'})
})

afterAll(async () => {
  await lake?.stop()
})

async function queueRow(id: string, status: string, lastDecision: unknown) {
  const document = await tool.getDocument(id)
  return {
    _id: id,
    publishedId: id.replace(/^drafts\./, ''),
    isDraft: id.startsWith('drafts.'),
    title: SEED_TITLE,
    language: 'de',
    _updatedAt: document?._updatedAt,
    status,
    thirdParty: true,
    distributor: 'SeaPRwire',
    approvedHash: (document?.review as {contentHash?: string} | undefined)?.contentHash ?? null,
    lastDecision,
  }
}

const EMPTY_QUEUE = {needsReview: [], changesRequested: [], approvedUnpublished: [], rejected: []}

describe('after the seed import, before approval', () => {
  it('the public list is empty', async () => {
    expect(await reader.fetch(publicReleasesQuery, FIRST_PAGE)).toEqual({total: 0, items: []})
  })

  it('the release is not found by its slug, under any perspective', async () => {
    for (const perspective of ['published', 'raw', 'drafts'] as const) {
      expect(await reader.fetch(publicReleaseBySlugQuery, {slug: SEED_SLUG}, {perspective})).toBeNull()
    }
  })

  it('the draft is not public even when a tool forgets the published perspective', async () => {
    for (const perspective of ['raw', 'drafts'] as const) {
      expect(await reader.fetch(publicReleasesQuery, FIRST_PAGE, {perspective})).toEqual({total: 0, items: []})
    }
  })

  it('categories count no public releases', async () => {
    expect(await reader.fetch(categoriesWithCountsQuery, {language: null})).toEqual([
      {title: 'Tagesnachrichten', slug: 'tagesnachrichten', language: 'de', count: 0},
      {title: 'Top-Story', slug: 'top-story', language: 'de', count: 0},
    ])
  })

  it('the audit reads no published releases', async () => {
    expect(await tool.fetch(publishedReviewedForAuditQuery, {types: ['pressRelease'], after: '', pageSize: 10})).toEqual([])
  })

  it('the review queue shows the draft as needing review', async () => {
    expect(await tool.fetch(reviewQueueQuery, {limit: 50})).toEqual({
      ...EMPTY_QUEUE,
      needsReview: [await queueRow(SEED_DRAFT_ID, 'pending', null)],
    })
  })
})

describe('the review queue follows each decision', () => {
  // The lake records each decision at its commit time, whatever time the client wrote.
  it('changes requested, rejected, reopened, approved but unpublished', async () => {
    const requested = await applyDecision(lake, {
      id: SEED_DRAFT_ID,
      action: 'requestChanges',
      note: 'Remove the wire tag.',
      at: '2026-01-06T09:00:00.000Z',
    })
    expect(await tool.fetch(reviewQueueQuery, {limit: 50})).toEqual({
      ...EMPTY_QUEUE,
      changesRequested: [
        await queueRow(SEED_DRAFT_ID, 'changesRequested', {
          action: 'requestChanges',
          status: 'changesRequested',
          userName: 'Local Editor',
          at: requested._updatedAt,
          note: 'Remove the wire tag.',
        }),
      ],
    })

    const rejected = await applyDecision(lake, {
      id: SEED_DRAFT_ID,
      action: 'reject',
      note: 'No licence for AP copy.',
      at: '2026-01-06T09:05:00.000Z',
    })
    expect(await tool.fetch(reviewQueueQuery, {limit: 50})).toEqual({
      ...EMPTY_QUEUE,
      rejected: [
        await queueRow(SEED_DRAFT_ID, 'rejected', {
          action: 'reject',
          status: 'rejected',
          userName: 'Local Editor',
          at: rejected._updatedAt,
          note: 'No licence for AP copy.',
        }),
      ],
    })

    await applyDecision(lake, {id: SEED_DRAFT_ID, action: 'reopen', at: '2026-01-06T09:10:00.000Z'})
    expect((await tool.fetch(reviewQueueQuery, {limit: 50})).needsReview.map((row) => row._id)).toEqual([SEED_DRAFT_ID])

    // publishedAt is not judged content: setting it keeps a later approval current.
    await lake.client(TOKENS.editor).patch(SEED_DRAFT_ID).set({publishedAt: SEED_PUBLISHED_AT}).commit()
    const approved = await applyDecision(lake, {
      id: SEED_DRAFT_ID,
      action: 'approve',
      note: 'Licence confirmed.',
      at: '2026-01-06T09:20:00.000Z',
    })
    expect(await tool.fetch(reviewQueueQuery, {limit: 50})).toEqual({
      ...EMPTY_QUEUE,
      approvedUnpublished: [
        await queueRow(SEED_DRAFT_ID, 'approved', {
          action: 'approve',
          status: 'approved',
          userName: 'Local Editor',
          at: approved._updatedAt,
          note: 'Licence confirmed.',
        }),
      ],
    })
  })

  it('an approved draft is still not public: only published documents are', async () => {
    expect(await reader.fetch(publicReleasesQuery, FIRST_PAGE)).toEqual({total: 0, items: []})
    expect(await reader.fetch(publicReleasesQuery, FIRST_PAGE, {perspective: 'drafts'})).toEqual({total: 0, items: []})
  })
})

describe('after approval and publish', () => {
  beforeAll(async () => {
    await publish(lake, SEED_DRAFT_ID)
  })

  it('the public list holds the seed release with its label and disclaimer', async () => {
    expect(await reader.fetch(publicReleasesQuery, FIRST_PAGE)).toEqual({total: 1, items: [SEED_ENTRY]})
  })

  it('one release by slug has the label, the disclaimer, the body and the sources', async () => {
    const published = await tool.getDocument(SEED_PUBLISHED_ID)
    expect(await reader.fetch(publicReleaseBySlugQuery, {slug: SEED_SLUG})).toEqual({
      ...SEED_ENTRY,
      body: published?.body,
      receivedAt: '2026-01-05T08:00:00.000Z',
      usageTerms: null,
      infoSources: [
        {name: 'SeaPRwire', role: 'distributor', uri: 'https://www.seaprwire.com/'},
        {name: 'Associated Press', role: 'originator', uri: null},
      ],
    })
    expect((published?.body as unknown[]).length).toBe(6)
  })

  it('categories count the public release', async () => {
    expect(await reader.fetch(categoriesWithCountsQuery, {language: null})).toEqual([
      {title: 'Tagesnachrichten', slug: 'tagesnachrichten', language: 'de', count: 1},
      {title: 'Top-Story', slug: 'top-story', language: 'de', count: 1},
    ])
    expect(await reader.fetch(categoriesWithCountsQuery, {language: 'en'})).toEqual([])
  })

  it('the review queue is empty', async () => {
    expect(await tool.fetch(reviewQueueQuery, {limit: 50})).toEqual(EMPTY_QUEUE)
  })

  it('the audit reads the published release with everything the content hash judges, page by page', async () => {
    const published = (await tool.getDocument(SEED_PUBLISHED_ID))!
    const fields = [
      '_id',
      '_type',
      '_rev',
      '_updatedAt',
      'title',
      'slug',
      'language',
      'dateline',
      'body',
      'distributor',
      'disclaimer',
      'categories',
      'credits',
      'review',
    ]
    expect(await tool.fetch(publishedReviewedForAuditQuery, {types: ['pressRelease'], after: '', pageSize: 10})).toEqual([
      Object.fromEntries(fields.map((field) => [field, published[field] ?? null])),
    ])
    expect(
      await tool.fetch(publishedReviewedForAuditQuery, {types: ['pressRelease'], after: SEED_PUBLISHED_ID, pageSize: 10}),
    ).toEqual([])
    expect(published.review).toMatchObject({status: 'approved', thirdParty: true})
  })
})

describe('filters, pagination and the disclaimer fallback', () => {
  const OWN_ID = 'pressRelease.own-copy'
  const FALLBACK_ID = 'pressRelease.fallback-disclaimer'

  beforeAll(async () => {
    const editor = lake.client(TOKENS.editor)
    // The newsroom's own copy: no distributor, no label.
    await editor.create({
      _id: `drafts.${OWN_ID}`,
      _type: 'pressRelease',
      title: 'Newsroom opens a second office',
      slug: {_type: 'slug', current: 'newsroom-opens-a-second-office'},
      language: 'en',
      dateline: {_type: 'dateline', location: 'BERLIN'},
      body: [
        {
          _type: 'block',
          _key: 'b0',
          style: 'normal',
          markDefs: [],
          children: [{_type: 'span', _key: 's0', text: 'We are growing.', marks: []}],
        },
      ],
      categories: [{_type: 'reference', _ref: 'category.de.top-story', _key: 'top'}],
      publishedAt: '2026-01-07T10:00:00.000Z',
    })
    await publish(lake, `drafts.${OWN_ID}`)

    // Third-party copy that references no disclaimer: the distributor's German one fills in.
    const seed = await tool.getDocument(SEED_PUBLISHED_ID)
    const {_id, _rev, _createdAt, _updatedAt, review, disclaimer, ...content} = seed as Record<string, unknown>
    // Written by the administrator, so the editor may approve it under the four-eyes rule.
    await lake.client(TOKENS.admin).create({
      ...content,
      _id: `drafts.${FALLBACK_ID}`,
      _type: 'pressRelease',
      title: 'Second SeaPRwire release',
      slug: {_type: 'slug', current: 'second-seaprwire-release'},
      categories: [{_type: 'reference', _ref: 'category.de.tagesnachrichten', _key: 'daily'}],
      publishedAt: '2026-01-05T12:00:00.000Z',
      review: {_type: 'editorialReview', status: 'pending', thirdParty: true},
    })
    await applyDecision(lake, {id: `drafts.${FALLBACK_ID}`, action: 'approve', at: '2026-01-06T10:00:00.000Z'})
    await publish(lake, `drafts.${FALLBACK_ID}`)
  })

  const OWN_ENTRY = {
    _id: OWN_ID,
    title: 'Newsroom opens a second office',
    slug: 'newsroom-opens-a-second-office',
    language: 'en',
    publishedAt: '2026-01-07T10:00:00.000Z',
    dateline: {location: 'BERLIN', agency: null},
    categories: [{title: 'Top-Story', slug: 'top-story'}],
    thirdParty: false,
    distributor: null,
    disclaimer: null,
  }
  const FALLBACK_ENTRY = {
    _id: FALLBACK_ID,
    title: 'Second SeaPRwire release',
    slug: 'second-seaprwire-release',
    language: 'de',
    publishedAt: '2026-01-05T12:00:00.000Z',
    dateline: {location: 'WASHINGTON', agency: 'AP'},
    categories: [{title: 'Tagesnachrichten', slug: 'tagesnachrichten'}],
    thirdParty: true,
    distributor: SEAPRWIRE,
    disclaimer: DISCLAIMER_DE,
  }

  it('lists newest first', async () => {
    expect(await reader.fetch(publicReleasesQuery, FIRST_PAGE)).toEqual({
      total: 3,
      items: [OWN_ENTRY, SEED_ENTRY, FALLBACK_ENTRY],
    })
  })

  it('paginates with $start and $end', async () => {
    expect(await reader.fetch(publicReleasesQuery, {...ALL, start: 1, end: 2})).toEqual({total: 3, items: [SEED_ENTRY]})
    expect(await reader.fetch(publicReleasesQuery, {...ALL, start: 3, end: 6})).toEqual({total: 3, items: []})
  })

  it('filters by language, category slug and distributor slug', async () => {
    const page = (filters: Partial<Filters>) => reader.fetch(publicReleasesQuery, {...FIRST_PAGE, ...filters})
    expect(await page({language: 'en'})).toEqual({total: 1, items: [OWN_ENTRY]})
    expect(await page({language: 'de'})).toEqual({total: 2, items: [SEED_ENTRY, FALLBACK_ENTRY]})
    expect(await page({category: 'tagesnachrichten'})).toEqual({total: 2, items: [SEED_ENTRY, FALLBACK_ENTRY]})
    expect(await page({category: 'top-story', language: 'en'})).toEqual({total: 1, items: [OWN_ENTRY]})
    expect(await page({distributor: 'seaprwire'})).toEqual({total: 2, items: [SEED_ENTRY, FALLBACK_ENTRY]})
    expect(await page({distributor: 'prnewswire'})).toEqual({total: 0, items: []})
    expect(await page({category: 'no-such-category'})).toEqual({total: 0, items: []})
  })

  it('counts per category', async () => {
    expect(await reader.fetch(categoriesWithCountsQuery, {language: null})).toEqual([
      {title: 'Tagesnachrichten', slug: 'tagesnachrichten', language: 'de', count: 2},
      {title: 'Top-Story', slug: 'top-story', language: 'de', count: 2},
    ])
  })

  it('an edit to a published release after approval needs a new publish; the draft is never public', async () => {
    await lake.client(TOKENS.editor).createOrReplace({
      ...(await tool.getDocument(SEED_PUBLISHED_ID))!,
      _id: SEED_DRAFT_ID,
      title: 'Edited after approval',
    })
    const list = await reader.fetch(publicReleasesQuery, {...FIRST_PAGE, distributor: 'seaprwire'})
    expect(list.items.map((item) => item.title)).toEqual([SEED_TITLE, 'Second SeaPRwire release'])
  })
})

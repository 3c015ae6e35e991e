/**
 * The lake's index of release fingerprints (lake/guards/reuseIndex.ts) gives exactly the
 * candidates a pass over every release gives (the gate's algorithm before the index),
 * through a real store's commits: creates, edits and deletes of published, draft and
 * version ids, a release deleted in one transaction with another created, a distributor
 * whose boilerplate changes every fingerprint, and a reopened store (journal replay).
 */
import {afterAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../../config/reviewPolicy'
import {publishedDistributors} from '../../../lake/guards/distributors'
import {GATE_CANDIDATES, withStoreReuse} from '../../../lake/guards/reuse'
import {ReleaseReuseIndex, SOURCE_TYPE} from '../../../lake/guards/reuseIndex'
import {LakeStore} from '../../../lake/store/lake-store'
import type {GuardContext, LakeUser, SanityDocument} from '../../../lake/store/types'
import {
  articleHashes,
  bodyReuseText,
  detectContextFor,
  fingerprintOf,
  rankCandidates,
  sharedCount,
  type PressReleaseDocument,
} from '../../../plugins/editorial-review/core'
import {paragraph, seeded, textBlock, vocabulary} from '../../support/synthetic-releases'
import {tempDir} from '../../support/lake'

const DATASET = 'production'
const ADMIN: LakeUser = {id: 'local-admin', name: 'Local Admin', email: 'admin@localhost', role: 'administrator'}
type Reader = Pick<GuardContext, 'getDocument' | 'documentsOfType'>

const random = seeded(7)
const words = vocabulary(800, random)
/** Shared paragraphs: each release takes two, so an article made of some overlaps several releases by different amounts. */
const PARAGRAPHS = Array.from({length: 40}, () => paragraph(words, 35 + Math.floor(random() * 15), random))
const ID_SHAPES = [
  (n: number) => `pressRelease.r${n}`,
  (n: number) => `drafts.pressRelease.r${n}`,
  (n: number) => `versions.rel1.pressRelease.r${n}`,
]

const release = (n: number, paragraphs: number[]): SanityDocument => ({
  _id: ID_SHAPES[n % 3]!(n),
  _type: SOURCE_TYPE,
  title: `Release ${n}`,
  body: paragraphs.map((p, index) => textBlock(`b${index}`, PARAGRAPHS[p % PARAGRAPHS.length]!)),
})
const articles = Array.from({length: 12}, (_, n) => ({
  _id: `drafts.article.a${n}`,
  _type: 'article',
  body: [n, n * 3 + 1, n * 7 + 2].map((p, index) => textBlock(`a${index}`, PARAGRAPHS[p % PARAGRAPHS.length]!)),
}))

const distributorsOf = (reader: Reader) => detectContextFor(REVIEW_POLICY, publishedDistributors(reader)).distributors

/** The gate's algorithm before the index: every release fingerprinted and intersected with the article. */
function scanned(reader: Reader, article: SanityDocument) {
  const distributors = distributorsOf(reader)
  const hashes = new Set(articleHashes(article as PressReleaseDocument, distributors))
  const counts = new Map<string, number>()
  for (const stored of reader.documentsOfType(SOURCE_TYPE)) {
    const shared = sharedCount(hashes, fingerprintOf(bodyReuseText(stored as PressReleaseDocument, distributors)))
    if (shared > 0) counts.set(stored._id, shared)
  }
  return rankCandidates(counts, {limit: GATE_CANDIDATES}).map(({id, shared}) => ({id, rev: reader.getDocument(id)!._rev, shared}))
}

function indexed(index: ReleaseReuseIndex, reader: Reader, article: SanityDocument) {
  const distributors = distributorsOf(reader)
  const hashes = [...new Set(articleHashes(article as PressReleaseDocument, distributors))]
  return index
    .candidates(DATASET, reader, hashes, GATE_CANDIDATES)
    .map(({release: found, shared}) => ({id: found._id, rev: found._rev, shared}))
}

const dataDir = tempDir('reuse-index-')
const stores: LakeStore[] = []
afterAll(() => stores.forEach((store) => store.close()))

function openStore(index: ReleaseReuseIndex): LakeStore {
  const store = LakeStore.open({
    dataDir,
    guard: {
      beforeCommit: () => ({ok: true}),
      attach: (opened) => index.attach(opened),
      afterCommit: (dataset, changes) => index.changed(dataset, changes),
    },
  })
  stores.push(store)
  return store
}

const write = (store: LakeStore, documents: Record<string, SanityDocument | null>) =>
  store.commit(DATASET, ADMIN, {kind: 'mutate'}, (ws) => {
    for (const [id, document] of Object.entries(documents)) ws.put(id, document)
  })

/** Every article's candidates, by the index and by the scan; the scan's must not all be empty, or nothing was compared. */
function agree(index: ReleaseReuseIndex, store: LakeStore) {
  const reader = store.reader(DATASET)
  const expected = articles.map((article) => scanned(reader, article))
  expect(expected.flat().length).toBeGreaterThan(0)
  expect(Math.max(...expected.map((found) => found.length))).toBe(GATE_CANDIDATES)
  expect(articles.map((article) => indexed(index, reader, article))).toEqual(expected)
  return expected
}

async function warmed(index: ReleaseReuseIndex): Promise<void> {
  while (!index.warm) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('the index of release fingerprints', () => {
  const index = new ReleaseReuseIndex(distributorsOf)
  let store: LakeStore

  it('agrees with a scan of every release once warmed in the background, for published, draft and version ids', async () => {
    store = openStore(index)
    const created: Record<string, SanityDocument> = {}
    for (let n = 0; n < 60; n++) {
      const doc = release(n, [n, n + 5])
      created[doc._id] = doc
    }
    // More releases sharing with the first articles than the gate takes, many of them tied.
    for (let n = 100; n < 220; n++) {
      const doc = release(n, [n % 3, (n * 5) % 40])
      created[doc._id] = doc
    }
    await write(store, created)
    // The commit only noted them (an import pays nothing); the background fingerprints them.
    expect(index.pending).toBe(Object.keys(created).length)
    await write(store, {'article.other': {_id: 'article.other', _type: 'article', body: []}})
    expect(index.pending).toBe(Object.keys(created).length)
    await warmed(index)
    expect(index.pending).toBe(0)
    agree(index, store)
  })

  it('follows edits and deletes, one at a time and several in one transaction', async () => {
    await write(store, {'pressRelease.r3': release(3, [20, 21])})
    agree(index, store)
    await write(store, {'drafts.pressRelease.r4': null})
    agree(index, store)
    await write(store, {
      'versions.rel1.pressRelease.r5': null,
      'pressRelease.r6': release(6, [1, 2, 3]),
      'drafts.pressRelease.r7': release(7, [9]),
      'drafts.pressRelease.r60': {...release(60, [4, 8]), _id: 'drafts.pressRelease.r60'},
    })
    agree(index, store)
  })

  it('fingerprints every release again when a distributor’s boilerplate changes what counts', async () => {
    await warmed(index)
    const before = agree(index, store)
    const boilerplate = PARAGRAPHS[1]!
    await write(store, {
      'distributor.wire': {
        _id: 'distributor.wire',
        _type: 'distributor',
        name: 'Wire',
        markers: {phrases: [{_key: 'b', _type: 'markerPhrase', kind: 'boilerplate', language: 'en', text: boilerplate}]},
      },
    })
    const after = agree(index, store)
    expect(after).not.toEqual(before)
  })

  it('is rebuilt from the journal when the store opens again, and again when the distributor goes', async () => {
    store.close()
    store = openStore(index)
    await warmed(index)
    const withBoilerplate = agree(index, store)
    await write(store, {'pressRelease.r9': null})
    agree(index, store)
    // Built with the boilerplate left out, the index must count it again once the distributor is gone.
    await write(store, {'distributor.wire': null})
    expect(agree(index, store)).not.toEqual(withBoilerplate)
  })

  it('keeps its fingerprints when a transaction brings distributors of its own, so no writer can make it start again', async () => {
    await warmed(index)
    const taken = index.fingerprintsTaken
    // What the guard sees for a dry run that creates a distributor beside an article.
    const stored = publishedDistributors(store.reader(DATASET))
    const extra = {_id: 'distributor.probe', _type: 'distributor', name: 'Probe', markers: {phrases: []}}
    const detection = detectContextFor(
      REVIEW_POLICY,
      publishedDistributors(store.reader(DATASET), [{id: extra._id, before: null, after: extra as SanityDocument}]),
    )
    expect(detection.distributors.length).toBe(stored.length + 1)
    const context = {dataset: DATASET, ...store.reader(DATASET)}
    const judged = withStoreReuse(detection, articles[0] as SanityDocument, context, REVIEW_POLICY, index)
    expect(judged.reuse?.sources.length).toBeGreaterThan(0)
    expect(index.fingerprintsTaken).toBe(taken)
  })

  it('refuses to serve a second open store, whose commits it would mix with the first one’s', () => {
    expect(() => openStore(index)).toThrow('create one guard per store')
  })
})

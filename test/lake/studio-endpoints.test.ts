/**
 * Endpoints the Studio calls on an editor's path that the lake used to answer with 404:
 * references to a document (delete and unpublish dialogs), the data ping (latency report),
 * a viewer's access requests, the release quota check before "New release", the features
 * that switch the Releases tool on, the plan a published or archived release's page reads its
 * history retention from, and a document's history at the revision where a release version
 * of it was created.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SanityClient} from '@sanity/client'
import {LAKE_TOKENS, startLakeProcess, type LakeProcess} from '../support/lake'

let lake: LakeProcess
let client: SanityClient

beforeAll(async () => {
  lake = await startLakeProcess()
  client = lake.client({token: LAKE_TOKENS.administrator})
  await client
    .transaction()
    .create({_id: 'distributor.acme', _type: 'distributor', name: 'Acme Wire'})
    .create({_id: 'disclaimer.acme.en', _type: 'disclaimer', distributor: {_type: 'reference', _ref: 'distributor.acme'}})
    .create({_id: 'drafts.disclaimer.acme.de', _type: 'disclaimer', distributor: {_type: 'reference', _ref: 'distributor.acme'}})
    .create({_id: 'category.sport', _type: 'category', title: 'Sport'})
    .commit()
}, 60_000)
afterAll(async () => {
  expect(await lake.stop()).toBe(0)
})

describe('references to a document', () => {
  it('answers the Studio’s cross-dataset question (none in a local lake)', async () => {
    const answer = await client.request({
      url: '/data/references/production/documents/distributor.acme/to?excludeInternalReferences=true&excludePaths=true',
    })
    expect(answer).toEqual({totalCount: 0, references: []})
  })

  it('lists the documents of the dataset that refer to it, once per document group', async () => {
    const answer = await client.request<{totalCount: number; references: {documentId: string}[]}>({
      url: '/data/references/production/documents/distributor.acme/to',
    })
    expect(answer.totalCount).toBe(2)
    expect(answer.references.map((r) => r.documentId)).toEqual(['disclaimer.acme.de', 'disclaimer.acme.en'])
    expect(await client.request({url: '/data/references/production/documents/category.sport/to'})).toEqual({
      totalCount: 0,
      references: [],
    })
  })
})

describe('small endpoints', () => {
  it('answers the data ping the Studio’s latency report sends', async () => {
    expect(await client.request({url: '/data/ping/production'})).toEqual({ok: true})
  })

  it('has no access requests for a viewer', async () => {
    expect(await lake.client({token: LAKE_TOKENS.viewer}).request({url: '/access/requests/me'})).toEqual([])
  })

  it('switches content releases on, with no release quota in the way', async () => {
    expect(await client.request({url: '/features'})).toContain('contentReleases')
    const limits = await client
      .withConfig({apiVersion: 'X'})
      .request<{data: {datasetReleaseLimit: number; orgActiveReleaseLimit: number | null}}>({
        url: '/projects/pressroom/new-content-release-allowed',
      })
    expect(limits.data.orgActiveReleaseLimit).toBeNull()
    expect(limits.data.datasetReleaseLimit).toBeGreaterThan(1000)
  })

  it('answers the plan a published release’s page reads, with no retention period to announce', async () => {
    const plan = await client.request<{featureTypes: {retention: {features: {attributes: {maxRetentionDays: unknown}}[]}}}>({
      url: '/subscriptions/project/pressroom',
    })
    // The Studio dereferences this path without checks; a missing step would break the page.
    expect(plan.featureTypes.retention.features[0]?.attributes.maxRetentionDays).toBeNull()
  })
})

describe('history at a revision', () => {
  it('returns the draft as of the transaction that created a release version of it', async () => {
    await client.create({_id: 'drafts.category.music', _type: 'category', title: 'Musik'})
    await client.releases.create({releaseId: 'autumn', metadata: {title: 'Autumn'}})
    const {transactionId} = await client.createVersion({
      baseId: 'drafts.category.music',
      publishedId: 'category.music',
      releaseId: 'autumn',
    })
    await client.patch('drafts.category.music').set({title: 'Musik und Kultur'}).commit()
    // The draft did not change in that transaction; Sanity answers with its state at that point.
    const atRevision = await client.request<{documents: {_id: string; title: string}[]}>({
      url: `/data/history/production/documents/drafts.category.music?revision=${transactionId}`,
    })
    expect(atRevision.documents).toEqual([expect.objectContaining({_id: 'drafts.category.music', title: 'Musik'})])
    const version = await client.request<{documents: {_id: string}[]}>({
      url: `/data/history/production/documents/versions.autumn.category.music?revision=${transactionId}`,
    })
    expect(version.documents.map((d) => d._id)).toEqual(['versions.autumn.category.music'])
  })

  it('is a 404 for a revision the dataset never had', async () => {
    await expect(
      client.request({url: '/data/history/production/documents/drafts.category.music?revision=nope'}),
    ).rejects.toMatchObject({statusCode: 404})
  })
})

/**
 * Issue #13 item 6 over HTTP: the Studio's list-pane queries, answered from the sorted
 * indexes, stay exactly what a full evaluation answers while documents are created,
 * re-ordered by patches, deleted, drafted and published through `@sanity/client`.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseArgs, serveOptions} from '../../lake/cli'
import {startLake, type RunningLake} from '../../lake/server'
import {lakeClient, tempDir} from '../support/lake'

const STUDIO_BY_UPDATED =
  '// findability-mvi:4\n// findability-source: list\n*[_type in $__types && (_type == $type)] {_type, _id, _originalId, "orderings": [_updatedAt]} | order(orderings[0] desc) [0...$__limit]'
const STUDIO_BY_TITLE =
  '// findability-mvi:4\n// findability-source: list\n*[_type in $__types && (_type == $type)] {_type, _id, _originalId, "orderings": [title]} | order(lower(orderings[0]) asc) [0...$__limit]'
const LATEST = '*[_type == $type && rank > 10] | order(_updatedAt desc)[0...20]{_id, title, rank}'
const PARAMS = {__types: ['article'], type: 'article', __limit: 101}

/** The same query with a filter the planner cannot use (`|| rank == -1` matches nothing), so groq-js sees everything. */
function unplanned(query: string): string {
  return query.replace(/\*\[(.*?)\](?= \{| \|)/s, '*[($1) || rank == -1]')
}

let lake: RunningLake
let client: SanityClient

beforeAll(async () => {
  lake = await startLake(serveOptions(parseArgs(['--port', '0', '--data', tempDir()])))
  client = lakeClient(lake)
  // More articles than the planner sorts whole; titles in mixed case, some missing.
  for (let batch = 0; batch < 4; batch++) {
    const tx = client.transaction()
    for (let i = batch * 400; i < (batch + 1) * 400; i++) {
      tx.createOrReplace({
        _id: `article-${i}`,
        _type: i % 9 === 0 ? 'author' : 'article',
        ...(i % 11 ? {title: `${i % 2 ? 'Title' : 'title'} ${(i * 37) % 1000}`} : {}),
        rank: i % 23,
      })
    }
    await tx.commit()
  }
}, 120_000)

afterAll(async () => {
  await lake.close()
})

async function listed(query: string, perspective: 'drafts' | 'published', params: Record<string, unknown> = PARAMS) {
  const [served, scanned] = await Promise.all([
    client.fetch(query, params, {perspective}),
    client.fetch(unplanned(query), params, {perspective}),
  ])
  expect(unplanned(query)).not.toBe(query)
  expect(served, `${query} @ ${perspective}`).toEqual(scanned)
  return served as {_id: string; _originalId?: string; title?: string; orderings?: unknown[]}[]
}

async function expectAllExact() {
  for (const perspective of ['drafts', 'published'] as const) {
    await listed(STUDIO_BY_UPDATED, perspective)
    await listed(STUDIO_BY_TITLE, perspective)
    await listed(LATEST, perspective, {type: 'article'})
  }
}

describe('Studio list queries over HTTP', () => {
  it('answer like a full evaluation after creates, re-ordering patches, deletes, drafts and publishing', async () => {
    await expectAllExact()

    // A patch moves a document to the top of "last edited" and to the front by title.
    await client.patch('article-5').set({title: 'aaa first'}).commit()
    let rows = await listed(STUDIO_BY_UPDATED, 'drafts')
    expect(rows[0]!._id).toBe('article-5')
    rows = await listed(STUDIO_BY_TITLE, 'drafts')
    expect(rows[0]!._id).toBe('article-5')

    // New documents, one of them with no title (last by title, as groq-js orders null).
    await client.create({_id: 'article-new', _type: 'article', title: 'AAA new', rank: 20})
    await client.create({_id: 'article-untitled', _type: 'article', rank: 21})
    rows = await listed(STUDIO_BY_TITLE, 'drafts')
    expect(rows.slice(0, 2).map((row) => row._id)).toEqual(['article-5', 'article-new'])
    expect((await listed(STUDIO_BY_UPDATED, 'drafts'))[0]!._id).toBe('article-untitled')

    // A draft shows in the drafts perspective under the published id, not in published.
    await client.createOrReplace({_id: 'drafts.article-7', _type: 'article', title: 'AAA draft', rank: 22})
    rows = await listed(STUDIO_BY_UPDATED, 'drafts')
    expect(rows[0]).toMatchObject({_id: 'article-7', _originalId: 'drafts.article-7'})
    expect((await listed(STUDIO_BY_UPDATED, 'published')).map((row) => row._id)).not.toContain('drafts.article-7')

    // Deleted documents leave the lists.
    await client.delete('article-5')
    await client.delete({query: '*[_type == "article" && title match "AAA new"]'})
    rows = await listed(STUDIO_BY_TITLE, 'drafts')
    expect(rows.map((row) => row._id)).not.toContain('article-5')
    expect(rows.map((row) => row._id)).not.toContain('article-new')

    // Publishing: the draft replaces the published copy.
    await client
      .transaction()
      .createOrReplace({_id: 'article-7', _type: 'article', title: 'AAA draft', rank: 22})
      .delete('drafts.article-7')
      .commit()
    rows = await listed(STUDIO_BY_TITLE, 'published')
    expect(rows[0]).toMatchObject({_id: 'article-7', orderings: ['AAA draft']})

    // A bulk patch re-orders many documents in one commit.
    await client.patch({query: '*[_type == "article" && rank == 3]'}).set({title: 'Bulk'}).commit()
    await expectAllExact()
  })
})

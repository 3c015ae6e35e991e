/**
 * The candidate query (queries/reuse.ts) on the local lake with the real client: after the
 * seed import, an article pasting two paragraphs of the seed release finds that release
 * by the fingerprints the import stored, and the alignment on it flags the article.
 */
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {articleHashes, detectContextFor, reuseReport, type ReuseSource} from '../../plugins/editorial-review/core'
import {REVIEW_POLICY} from '../../config/reviewPolicy'
import {distributorsForImportQuery, reuseCandidatesQuery} from '../../queries'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, type LakeProcess} from '../support/lake'
import {runScript} from '../support/run-script'
import {block, seedParagraphs} from '../plugins/editorial-review/fixtures'

let lake: LakeProcess

beforeAll(async () => {
  lake = await startLakeProcess()
  const imported = await runScript('scripts/import.ts', [path.join(PROJECT_ROOT, 'seeds')], {SANITY_API_HOST: lake.url})
  expect(imported.code, imported.stderr).toBe(0)
})
afterAll(async () => {
  await lake?.stop()
})

describe('reuseCandidatesQuery', () => {
  it('finds the seed release for an article pasting two of its paragraphs', async () => {
    const client = lake.client({token: LAKE_TOKENS.editor})
    const [, second, third] = seedParagraphs()
    const article = {_id: 'drafts.article.pasted', _type: 'article', body: [block('a', second!), block('b', third!)]}
    const distributors = detectContextFor(REVIEW_POLICY, await client.fetch(distributorsForImportQuery)).distributors
    const rows = await client.fetch(reuseCandidatesQuery, {hashes: articleHashes(article, distributors), limit: 20})
    expect(rows.map((row) => row._id)).toEqual(['drafts.pressRelease.000_e42a070e862f161b'])
    expect(rows[0]!.shared).toBeGreaterThan(1)
    const sources = rows.map((row): ReuseSource => ({_id: row._id, title: row.title ?? undefined, body: row.body ?? []}))
    expect(reuseReport(article, sources, {distributors}).coverage).toBeGreaterThan(0.9)
  })

  it('finds nothing for copy that shares no passage', async () => {
    const client = lake.client({token: LAKE_TOKENS.editor})
    const article = {
      body: [block('a', 'Der Stadtrat hat am Dienstagabend beschlossen, die Öffnungszeiten der Stadtbibliothek zu verlängern.')],
    }
    expect(await client.fetch(reuseCandidatesQuery, {hashes: articleHashes(article), limit: 20})).toEqual([])
  })
})

/**
 * The import detects with the review policy it is given, on its own thread and in
 * worker threads alike: a rule a newsroom adds changes what the import records.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {REVIEW_POLICY as DEFAULT_POLICY} from '../../config/reviewPolicy'
import type {StoredFinding} from '../../plugins/editorial-review/core'
import type {ImportedRelease} from '../../scripts/import/documents'
import {runImport, type ImportOptions} from '../../scripts/import/run'
import {PROJECT_ROOT, tempDir} from '../support/lake'
import {MARKER_WORD, REVIEW_POLICY as MARKER_POLICY} from './fixtures/markerPolicy'

const MARKER_POLICY_MODULE = new URL('./fixtures/markerPolicy.ts', import.meta.url).href
const SEED = readFileSync(path.join(PROJECT_ROOT, 'seeds', '000_e42a070e862f161b.txt'), 'utf8')
const MARKED_PARAGRAPH = `Die Meldung ist als ${MARKER_WORD} gekennzeichnet.`
const quiet = {file: () => {}, note: () => {}, done: () => {}}

/** Imports the seed with the marker word in its body into an NDJSON file; returns the release written. */
async function importMarkedSeed(options: Pick<ImportOptions, 'policy' | 'policyModule' | 'threads'>) {
  const folder = tempDir('policy-seeds-')
  const seed = SEED.replace(/\n\nDer Artikel wird/, `\n\n${MARKED_PARAGRAPH}\n\nDer Artikel wird`)
  expect(seed).toContain(MARKED_PARAGRAPH)
  writeFileSync(path.join(folder, 'marked.txt'), seed)
  const ndjson = path.join(tempDir('policy-out-'), 'out.ndjson')
  const summary = await runImport({
    paths: [folder],
    target: {kind: 'ndjson', file: ndjson},
    dryRun: false,
    batchSize: 10,
    progress: quiet,
    ...options,
  })
  const documents = readFileSync(ndjson, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as {_type: string})
  return {summary, release: documents.find((document): document is ImportedRelease => document._type === 'pressRelease')!}
}

const findingOf = (release: ImportedRelease): StoredFinding | undefined =>
  release.review?.findings?.find((finding) => finding.code === 'syndicationMarker')

describe('the import reads the review policy', () => {
  it('without the rule, the marker word is nobody’s finding', async () => {
    const {release} = await importMarkedSeed({policy: DEFAULT_POLICY})
    expect(findingOf(release)).toBeUndefined()
  })

  it.each([0, 2])('a rule added to the policy changes the verdict (threads: %i)', async (threads) => {
    const {summary, release} = await importMarkedSeed({policy: MARKER_POLICY, policyModule: MARKER_POLICY_MODULE, threads})
    expect(summary).toMatchObject({imported: 1, flagged: 1, failed: 0})
    expect(release.review?.thirdParty).toBe(true)
    const paragraph = release.body?.find((block) => block.children?.[0]?.text === MARKED_PARAGRAPH)
    expect(findingOf(release)).toMatchObject({
      severity: 'blocker',
      evidence: [
        {
          path: `body[_key=="${paragraph?._key}"].children[_key=="${paragraph?.children?.[0]?._key}"].text`,
          start: MARKED_PARAGRAPH.indexOf(MARKER_WORD),
          end: MARKED_PARAGRAPH.indexOf(MARKER_WORD) + MARKER_WORD.length,
          quote: MARKER_WORD,
        },
      ],
    })
  })

  it('refuses worker threads whose policy module exports another policy than the run was given', async () => {
    await expect(importMarkedSeed({policy: MARKER_POLICY, threads: 2})).rejects.toThrow(/config\/reviewPolicy\.ts.*other rules/)
  })
})

import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {WIRE_AGENCIES} from '../../data/agencies'
import {BUILTIN_DISTRIBUTORS} from '../../data/distributors'
import {DEFAULT_RULES, type DistributorDoc} from '../../plugins/editorial-review/core'
import {PROJECT_ROOT, tempDir} from '../support/lake'
import type {BuildJob} from '../../scripts/import/build'
import {createSeedBuilder, type SeedBuilder} from '../../scripts/import/builder'

const SEED = readFileSync(path.join(PROJECT_ROOT, 'seeds', '000_e42a070e862f161b.txt'), 'utf8')
const JOB: BuildJob = {
  context: {distributors: BUILTIN_DISTRIBUTORS as DistributorDoc[], agencies: WIRE_AGENCIES},
  maxBytes: 1024 * 1024,
}
const IMPORTED_AT = '2026-11-24T06:00:00.000Z'

function folderOf(files: Record<string, string>): string[] {
  const folder = tempDir('builder-')
  return Object.entries(files).map(([name, content]) => {
    writeFileSync(path.join(folder, name), content)
    return path.join(folder, name)
  })
}

const builders: SeedBuilder[] = []
const builder = (threads: number) => {
  const created = createSeedBuilder(JOB, threads)
  builders.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(builders.splice(0).map((created) => created.close()))
})

describe('createSeedBuilder', () => {
  const files = folderOf({
    'a.txt': SEED,
    'b-empty.txt': '',
    'c.txt': SEED.replace('WASHINGTON', 'BERLIN'),
    'd-title-only.txt': 'Nur ein Titel\n',
    'e.txt': SEED.replace('Top-Story', 'Wirtschaft'),
  })

  it('builds in worker threads exactly what it builds on this thread, in the order given', async () => {
    const onThisThread = await builder(0).build(files, IMPORTED_AT)
    const inWorkers = await builder(2).build(files, IMPORTED_AT)
    expect(inWorkers.map((outcome) => outcome.file)).toEqual(files)
    expect(inWorkers).toEqual(onThisThread)
  })

  it('carries a failing file across as its one line, next to the files that built', async () => {
    const outcomes = await builder(2).build(files, IMPORTED_AT)
    expect(
      outcomes.map((outcome) => ('failure' in outcome ? outcome.failure : outcome.documents.release.dateline?.location)),
    ).toEqual([
      'WASHINGTON',
      'the file is empty. Remove it or replace it with the release text.',
      'BERLIN',
      'the file holds only a title, no body. Check that the export is complete; a release needs its text.',
      'WASHINGTON',
    ])
  })

  it('refuses to send a rules table to worker threads, which need the policy as a module', () => {
    const job = {context: {distributors: [], agencies: WIRE_AGENCIES, rules: DEFAULT_RULES}, maxBytes: 1024}
    expect(() => createSeedBuilder(job, 2)).toThrow(/policy module/)
  })
})

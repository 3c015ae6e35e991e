/**
 * The seed import at scale: 10,000 generated releases in the seed's format, written
 * into a local lake, compared in the same run with
 * - writing the same documents as NDJSON (the floor), with the same threads;
 * - loading that NDJSON with `sanity dataset import`'s own engine, `@sanity/import`,
 *   through `@sanity/client` into the same lake (the CLI itself only reaches sanity.io);
 * - loading it with the lake's own NDJSON import, a leaner baseline for reference.
 * Prints ratios; asserts nothing.
 */
import {spawn} from 'node:child_process'
import {createReadStream, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {sanityImport} from '@sanity/import'
import {REVIEW_POLICY} from '../config/reviewPolicy'
import {runImport, type ImportTarget} from '../scripts/import/run'
import {createProgress} from '../scripts/import/progress'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, tempDir, type LakeProcess} from '../test/support/lake'

const SEED = readFileSync(path.join(PROJECT_ROOT, 'seeds', '000_e42a070e862f161b.txt'), 'utf8')
const [TITLE, FIRST, ...REST] = SEED.split('\n\n')
const OPENING_SENTENCE = FIRST!.replace(/^\(SeaPRwire\)[^W]+WASHINGTON \(AP\) — /, '')
const BODY_END = REST.findIndex((paragraph) => paragraph.startsWith('Der Artikel'))
const TRAILER = REST.slice(BODY_END).join('\n\n')
const SENTENCES = [OPENING_SENTENCE, ...REST.slice(0, BODY_END)].flatMap((paragraph) => paragraph.split(/(?<=\.)\s+/))
const PLACES = ['WASHINGTON', 'BERLIN', 'NEW YORK', 'PARIS', 'TOKIO', 'WIEN', 'ZÜRICH', 'BRÜSSEL']
const AGENCIES = ['AP', 'dpa', 'AFP', 'Reuters']
const CATEGORIES = ['Top-Story', 'Tagesnachrichten', 'Wirtschaft', 'Politik', 'Technologie', 'Gesundheit']

/** A small deterministic generator, so every run imports the same corpus. */
function random(seed: number) {
  let state = seed
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state % below
  }
}

export function generateSeeds(folder: string, count: number): void {
  const pick = random(42)
  for (let index = 0; index < count; index++) {
    // Every paragraph, the opening one included, is drawn afresh, so no two files share the text language detection samples.
    const [opening, ...paragraphs] = Array.from({length: 5 + pick(4)}, () =>
      Array.from({length: 2 + pick(3)}, () => SENTENCES[pick(SENTENCES.length)]).join(' '),
    )
    const categories = [CATEGORIES[pick(3)], CATEGORIES[3 + pick(3)]].join(', ')
    const text = [
      `${TITLE} (${index + 1})`,
      `(SeaPRwire) –   ${PLACES[pick(PLACES.length)]} (${AGENCIES[pick(AGENCIES.length)]}) — ${opening}`,
      ...paragraphs,
      TRAILER.replace(/Branchen: .*/, `Branchen: ${categories}`),
    ].join('\n\n')
    writeFileSync(path.join(folder, `bench-${String(index).padStart(5, '0')}.txt`), text)
  }
}

const silent = {write: () => true}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

function importInto(folder: string, target: ImportTarget, threads: number) {
  return runImport({
    paths: [folder],
    target,
    dryRun: false,
    batchSize: 200,
    threads,
    policy: REVIEW_POLICY,
    progress: createProgress(0, silent),
  })
}

/** What `sanity dataset import releases.ndjson <dataset>` runs, pointed at the lake. */
function datasetImport(file: string, lake: LakeProcess) {
  return sanityImport(createReadStream(file), {
    client: lake.client({token: LAKE_TOKENS.administrator}),
    operation: 'create',
    tag: 'sanity.import',
  })
}

function lakeNdjsonImport(file: string, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['import', file, '--url', url, '--token', LAKE_TOKENS.administrator]
    const child = spawn(process.execPath, ['--import', 'tsx', 'lake/main.ts', ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lake import exited with ${code}: ${stderr}`))))
  })
}

/**
 * Each write gets a fresh lake of its own, so no measurement pays for the data an
 * earlier one left behind (a bigger heap, a journal compaction).
 */
async function timedIntoFreshLake(write: (lake: LakeProcess) => Promise<unknown>): Promise<{ms: number; releases: number}> {
  const lake = await startLakeProcess()
  try {
    const ms = await timed(() => write(lake))
    const releases = await lake.client({perspective: 'raw'}).fetch<number>('count(*[_type == "pressRelease"])')
    return {ms, releases}
  } finally {
    await lake.stop()
  }
}

export async function benchImport(count = 10_000): Promise<void> {
  const folder = tempDir('bench-seeds-')
  mkdirSync(folder, {recursive: true})
  console.log(`import: generating ${count} releases…`)
  generateSeeds(folder, count)
  // What `npm run import` picks for a corpus this size.
  const threads = availableParallelism()
  const ndjson = path.join(tempDir('bench-ndjson-'), 'releases.ndjson')
  // Each line is printed as soon as it is measured: the whole run takes about a minute.
  const line = (label: string, {ms, releases}: {ms: number; releases?: number}, comparison = '') =>
    console.log(
      `import: ${label.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${releases === undefined ? '' : `${releases} releases written  `}${comparison}`,
    )
  const floor = await timed(() => importInto(folder, {kind: 'ndjson', file: ndjson}, threads))
  line(`${count} seeds → NDJSON, ${threads} threads (floor)`, {ms: floor})
  const imported = await timedIntoFreshLake((lake) => importInto(folder, {kind: 'client', client: lake.client()}, threads))
  line(`${count} seeds → lake, ${threads} threads`, imported, `×${(imported.ms / floor).toFixed(2)} the floor (target ≤ 3)`)
  const mainThreadOnly = await timedIntoFreshLake((lake) => importInto(folder, {kind: 'client', client: lake.client()}, 0))
  line(`${count} seeds → lake, main thread only`, mainThreadOnly, `×${(mainThreadOnly.ms / floor).toFixed(2)} the floor`)
  const viaDatasetImport = await timedIntoFreshLake((lake) => datasetImport(ndjson, lake))
  line(
    'NDJSON → lake, @sanity/import (dataset import)',
    viaDatasetImport,
    `our import is ×${(viaDatasetImport.ms / imported.ms).toFixed(2)} as fast (target ≥ 2)`,
  )
  const viaLakeImport = await timedIntoFreshLake((lake) => lakeNdjsonImport(ndjson, lake.url))
  line(
    'NDJSON → lake, the lake’s own NDJSON import',
    viaLakeImport,
    `our import is ×${(viaLakeImport.ms / imported.ms).toFixed(2)} as fast`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchImport(Number(process.argv[2] ?? 10_000))
}

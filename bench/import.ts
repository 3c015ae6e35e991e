/**
 * The seed import at scale: 10,000 generated releases in the seed's format, written
 * into a local lake, compared in the same run with writing the same documents as NDJSON
 * (the floor) and with loading that NDJSON through the lake's own NDJSON import (the
 * stand-in for `sanity dataset import`). Prints ratios; asserts nothing.
 */
import {spawn} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {runImport, type ImportTarget} from '../scripts/import/run'
import {createProgress} from '../scripts/import/progress'
import {PROJECT_ROOT, startLakeProcess, tempDir} from '../test/support/lake'

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
    const [opening, ...paragraphs] = Array.from({length: 5 + pick(4)}, () => Array.from({length: 2 + pick(3)}, () => SENTENCES[pick(SENTENCES.length)]).join(' '))
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

function importInto(folder: string, target: ImportTarget) {
  return runImport({paths: [folder], target, dryRun: false, batchSize: 200, progress: createProgress(0, silent)})
}

function lakeNdjsonImport(file: string, url: string, dataset: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lake/main.ts', 'import', file, '--url', url, '--dataset', dataset], {cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lake import exited with ${code}: ${stderr}`))))
  })
}

export async function benchImport(count = 10_000): Promise<void> {
  const folder = tempDir('bench-seeds-')
  mkdirSync(folder, {recursive: true})
  console.log(`import: generating ${count} releases…`)
  generateSeeds(folder, count)
  const lake = await startLakeProcess()
  try {
    const ndjson = path.join(tempDir('bench-ndjson-'), 'releases.ndjson')
    const floor = await timed(() => importInto(folder, {kind: 'ndjson', file: ndjson}))
    const imported = await timed(() => importInto(folder, {kind: 'client', client: lake.client()}))
    const written = await lake.client().fetch<number>('count(*[_type == "pressRelease"])')
    const datasetImport = await timed(() => lakeNdjsonImport(ndjson, lake.url, 'ndjson'))
    const perSecond = (ms: number) => Math.round((count / ms) * 1000)
    console.log(`import: ${count} releases → NDJSON (floor)        ${(floor / 1000).toFixed(2)} s (${perSecond(floor)}/s)`)
    console.log(`import: ${count} releases → lake (${written} written) ${(imported / 1000).toFixed(2)} s (${perSecond(imported)}/s)  ×${(imported / floor).toFixed(2)} the floor (target ≤ 3)`)
    console.log(`import: NDJSON → lake NDJSON import              ${(datasetImport / 1000).toFixed(2)} s  (our import is ×${(datasetImport / imported).toFixed(2)} as fast; target ≥ 2)`)
  } finally {
    await lake.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchImport(Number(process.argv[2] ?? 10_000))
}

/**
 * Lake ingest rate (issue #13): the lake's own NDJSON import (`lake-client/ndjson.ts`,
 * batches sent as `/data/mutate?lakeImport=true`) of the import benchmark's 10,000
 * releases, against its physical floor measured in the same run: writing the same NDJSON
 * bytes to a file in the same batches, one fsync per batch. Prints MB/s and the ratio
 * (target ≤ 3×); asserts nothing.
 */
import fs from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {REVIEW_POLICY} from '../config/reviewPolicy'
import {importDocuments, parseNdjson} from '../lake-client/ndjson'
import {createProgress} from '../scripts/import/progress'
import {runImport} from '../scripts/import/run'
import {LAKE_TOKENS, startLakeProcess, tempDir} from '../test/support/lake'
import {generateSeeds} from './import'

const BATCH_SIZE = 500
const silent = {write: () => true}

/** The import benchmark's releases as NDJSON, made by the project's own seed import. */
async function releasesNdjson(count: number): Promise<string> {
  const folder = tempDir('bench-ingest-seeds-')
  generateSeeds(folder, count)
  const file = path.join(tempDir('bench-ingest-ndjson-'), 'releases.ndjson')
  await runImport({
    paths: [folder],
    target: {kind: 'ndjson', file},
    dryRun: false,
    batchSize: 200,
    threads: availableParallelism(),
    policy: REVIEW_POLICY,
    progress: createProgress(0, silent),
  })
  fs.rmSync(folder, {recursive: true, force: true})
  return file
}

/** The floor: the same bytes, the same batches, one write and one fsync per batch. */
function floorMs(lines: string[], dir: string): number {
  const started = performance.now()
  const fd = fs.openSync(path.join(dir, 'floor.ndjson'), 'w')
  try {
    for (let i = 0; i < lines.length; i += BATCH_SIZE) {
      fs.writeSync(fd, lines.slice(i, i + BATCH_SIZE).join('\n') + '\n')
      fs.fdatasyncSync(fd)
    }
  } finally {
    fs.closeSync(fd)
  }
  return performance.now() - started
}

/** Reading, validating and importing the file into a fresh lake process, as `npm run lake -- import` does. */
async function ingestMs(file: string): Promise<{ms: number; documents: number}> {
  const lake = await startLakeProcess()
  try {
    const started = performance.now()
    const docs = parseNdjson(fs.readFileSync(file), file)
    const {documents} = await importDocuments(docs, {
      url: lake.url,
      dataset: 'production',
      token: LAKE_TOKENS.administrator,
      mode: 'create',
      batchSize: BATCH_SIZE,
    })
    const ms = performance.now() - started
    const stored = await lake.client().fetch<number>('count(*)')
    if (stored !== docs.length) throw new Error(`ingest stored ${stored} of ${docs.length} documents`)
    return {ms, documents}
  } finally {
    await lake.stop()
    fs.rmSync(lake.dataDir, {recursive: true, force: true})
  }
}

export async function benchLakeIngest(count = 10_000): Promise<void> {
  console.log(`lake ingest: generating ${count} releases as NDJSON…`)
  const file = await releasesNdjson(count)
  try {
    await measureIngest(file)
  } finally {
    fs.rmSync(path.dirname(file), {recursive: true, force: true})
  }
}

/** Floor and ingest of one NDJSON file, printed with their ratio. */
export async function measureIngest(file: string): Promise<void> {
  const bytes = fs.statSync(file).size
  const mb = bytes / 1e6
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
  const floorDir = tempDir('bench-ingest-floor-')
  try {
    const floor = floorMs(lines, floorDir)
    const {ms, documents} = await ingestMs(file)
    const rate = (millis: number) => `${(mb / (millis / 1000)).toFixed(1)} MB/s`
    console.log(
      `lake ingest: ${documents} documents, ${mb.toFixed(1)} MB of NDJSON in batches of ${BATCH_SIZE}\n` +
        `  floor (write + fsync per batch)   ${(floor / 1000).toFixed(2).padStart(6)} s  ${rate(floor).padStart(11)}\n` +
        `  lake NDJSON import                ${(ms / 1000).toFixed(2).padStart(6)} s  ${rate(ms).padStart(11)}\n` +
        `  ratio ×${(ms / floor).toFixed(2)} the floor (target ≤ 3)`,
    )
  } finally {
    fs.rmSync(floorDir, {recursive: true, force: true})
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchLakeIngest(Number(process.argv[2] ?? 10_000))
}

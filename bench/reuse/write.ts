/**
 * An editor's article write in a lake holding 10,000 imported releases (the reuse gate's
 * index at work): the first write after the lake started and the median of later ones,
 * each against a baseline write of a non-reviewed document (a category) in the same run,
 * and the worst `/ping` latency while they ran. Prints the targets; asserts nothing.
 */
import {availableParallelism} from 'node:os'
import {REVIEW_POLICY} from '../../config/reviewPolicy'
import {createProgress} from '../../scripts/import/progress'
import {runImport} from '../../scripts/import/run'
import {LAKE_TOKENS, startLakeProcess, tempDir, type LakeProcess} from '../../test/support/lake'
import {generateSeeds} from '../import'

const RELEASES = 10_000
const WRITES = 9
/** bench/lake.ts's PING_P95_TARGET_MS: no client may stall the others longer. */
const PING_TARGET_MS = 100
/** An article write may cost a few baseline writes: detection and alignment are its own work. */
const WRITE_RATIO_TARGET = 5
/** The lake's line once its background fingerprinting is done; the first write comes after it. */
const WARM_LINE = /reuse index warm: ([\d,]+) releases fingerprinted in ([\d.]+) s/

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Runs `write` while pinging the lake every few ms; its duration and the slowest ping meanwhile. */
async function timed(lake: LakeProcess, write: () => Promise<unknown>): Promise<{ms: number; worstPingMs: number}> {
  let worstPingMs = 0
  let pinging = true
  const pings = (async () => {
    while (pinging) {
      const sent = performance.now()
      await fetch(`${lake.url}/ping`)
      worstPingMs = Math.max(worstPingMs, performance.now() - sent)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  const started = performance.now()
  await write()
  const ms = performance.now() - started
  pinging = false
  await pings
  return {ms, worstPingMs}
}

async function importedLake(): Promise<LakeProcess> {
  const lake = await startLakeProcess({timeoutMs: 60_000})
  const folder = tempDir('bench-reuse-write-')
  generateSeeds(folder, RELEASES)
  await runImport({
    paths: [folder],
    target: {kind: 'client', client: lake.client({token: LAKE_TOKENS.administrator})},
    dryRun: false,
    batchSize: 200,
    threads: availableParallelism(),
    policy: REVIEW_POLICY,
    progress: createProgress(0, {write: () => true}),
  })
  return lake
}

export async function printArticleWrites(): Promise<void> {
  const first = await importedLake()
  // Restarted, so the first write meets a lake fresh from its journal, as after a reboot.
  await first.stop()
  const lake = await startLakeProcess({dataDir: first.dataDir, timeoutMs: 120_000})
  try {
    const admin = lake.client({token: LAKE_TOKENS.administrator})
    const editor = lake.client({token: LAKE_TOKENS.editor})
    const {body} = await admin.fetch<{body: unknown[]}>('*[_type == "pressRelease"][0]{body}')
    for (const started = Date.now(); !WARM_LINE.test(lake.stderr());) {
      if (Date.now() - started > 120_000)
        throw new Error(`the lake never said its reuse index was warm; stderr:\n${lake.stderr()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const [, warmed, warmSeconds] = WARM_LINE.exec(lake.stderr())!
    const article = (n: number) => ({_id: `drafts.article.bench-${n}`, _type: 'article', title: `Bench ${n}`, body})
    const category = (n: number) => ({_id: `category.bench-${n}`, _type: 'category', title: `Bench ${n}`})
    const firstWrite = await timed(lake, () => editor.createOrReplace(article(0)))
    const baselines: {ms: number; worstPingMs: number}[] = []
    const articles: {ms: number; worstPingMs: number}[] = [firstWrite]
    for (let n = 1; n <= WRITES; n++) {
      baselines.push(await timed(lake, () => admin.createOrReplace(category(n))))
      articles.push(await timed(lake, () => editor.createOrReplace(article(n))))
    }
    const base = median(baselines.map(({ms}) => ms))
    const later = median(articles.slice(1).map(({ms}) => ms))
    const worstPing = (writes: {worstPingMs: number}[]) => Math.max(...writes.map(({worstPingMs}) => worstPingMs))
    const ratio = (ms: number) => `${ms.toFixed(1)} ms, ×${(ms / base).toFixed(1)}`
    const verdict = (ok: boolean) => (ok ? '' : '  MISSED')
    console.log(`Article write at ${RELEASES.toLocaleString('en')} releases vs a category write (median ${base.toFixed(1)} ms):`)
    console.log(
      `  first after a restart, once the lake fingerprinted ${warmed} releases in the background (${warmSeconds} s): ${ratio(firstWrite.ms)} (target ≤ ×${WRITE_RATIO_TARGET})${verdict(firstWrite.ms <= WRITE_RATIO_TARGET * base)}`,
    )
    console.log(
      `  later, median of ${WRITES}: ${ratio(later)} (target ≤ ×${WRITE_RATIO_TARGET})${verdict(later <= WRITE_RATIO_TARGET * base)}`,
    )
    console.log(
      `  worst /ping during article writes: ${worstPing(articles).toFixed(1)} ms (target < ${PING_TARGET_MS} ms)${verdict(worstPing(articles) < PING_TARGET_MS)}; during category writes: ${worstPing(baselines).toFixed(1)} ms`,
    )
  } finally {
    await lake.stop()
  }
}

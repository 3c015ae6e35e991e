/**
 * Quality of the reuse check on the corpus (corpus.ts): precision and recall of "at least
 * 30% reused" against the truth each article carries, and whether any article that merely
 * quotes one sentence is flagged. The check runs as in production: candidates from the
 * releases' stored fingerprints (an inverted index here, the GROQ query on a lake), then
 * alignment on the candidates.
 */
import {
  articleHashes,
  DEFAULT_REUSE_THRESHOLD,
  releaseFingerprint,
  reuseReport,
  ReuseIndex,
  type ReuseSource,
} from '../../plugins/editorial-review/core'
import {distributorDocs} from '../../test/plugins/editorial-review/fixtures'
import {buildCorpus, type ArticleKind} from './corpus'

const TARGETS = {precision: 0.95, recall: 0.9}

export interface QualityResult {
  pairs: number
  precision: number
  recall: number
  quotesFlagged: number
  byKind: Map<ArticleKind, {count: number; flagged: number; measured: number; truth: number}>
}

export function measureQuality(threshold = DEFAULT_REUSE_THRESHOLD): QualityResult {
  const corpus = buildCorpus()
  const distributors = distributorDocs()
  const index = new ReuseIndex()
  const byId = new Map<string, ReuseSource>()
  for (const release of corpus.releases) {
    index.set(release._id, releaseFingerprint(release, distributors).hashes)
    byId.set(release._id, release)
  }
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  let quotesFlagged = 0
  const byKind: QualityResult['byKind'] = new Map()
  for (const article of corpus.articles) {
    const candidates = index.candidates(articleHashes(article, distributors)).map(({id}) => byId.get(id)!)
    const report = reuseReport(article, candidates, {distributors})
    const flagged = report.coverage >= threshold
    const truth = article.reusedShare >= threshold
    if (flagged && truth) truePositives++
    if (flagged && !truth) falsePositives++
    if (!flagged && truth) falseNegatives++
    if (article.kind === 'quote' && flagged) quotesFlagged++
    const row = byKind.get(article.kind) ?? {count: 0, flagged: 0, measured: 0, truth: 0}
    row.count++
    row.flagged += flagged ? 1 : 0
    row.measured += report.coverage
    row.truth += article.reusedShare
    byKind.set(article.kind, row)
  }
  return {
    pairs: corpus.articles.length,
    precision: truePositives / Math.max(1, truePositives + falsePositives),
    recall: truePositives / Math.max(1, truePositives + falseNegatives),
    quotesFlagged,
    byKind,
  }
}

const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target')

export function printQuality(): void {
  const result = measureQuality()
  console.log(
    `reuse quality: ${result.pairs} article–release pairs (de, en, es, fr), threshold ${DEFAULT_REUSE_THRESHOLD * 100}%`,
  )
  console.log('  kind          pairs  flagged  mean reused share (truth → measured)')
  for (const [kind, row] of result.byKind) {
    console.log(
      `  ${kind.padEnd(12)} ${String(row.count).padStart(6)} ${String(row.flagged).padStart(8)}  ${(row.truth / row.count).toFixed(2)} → ${(row.measured / row.count).toFixed(2)}`,
    )
  }
  console.log(
    `  precision ${result.precision.toFixed(3)} (target ≥ ${TARGETS.precision}: ${verdict(result.precision >= TARGETS.precision)})`,
  )
  console.log(`  recall    ${result.recall.toFixed(3)} (target ≥ ${TARGETS.recall}: ${verdict(result.recall >= TARGETS.recall)})`)
  console.log(
    `  articles quoting one sentence flagged: ${result.quotesFlagged} (target 0: ${verdict(result.quotesFlagged === 0)})`,
  )
}

/**
 * Speed of the reuse check as an editor waits for it: candidate lookup plus alignment for
 * a 1,500-word article against 100,000 releases, p50 against the 50 ms target.
 * Baselines from the same run: one content hash of the article (the cheapest thing the
 * Studio does per keystroke), and aligning against every release with no candidate
 * lookup (measured on a slice and scaled).
 */
import {
  articleHashes,
  contentHash,
  releaseFingerprint,
  reuseReport,
  ReuseIndex,
  type BodyItem,
  type PressReleaseDocument,
  type ReuseSource,
} from '../../plugins/editorial-review/core'
import {distributorDocs} from '../../test/plugins/editorial-review/fixtures'
import {fillerReleases, paragraph, seeded, textBlock, vocabulary} from '../../test/support/synthetic-releases'
import {buildCorpus} from './corpus'

const RELEASES = 100_000
const ARTICLE_WORDS = 1_500
const TARGET_MS = 50
const SAMPLES = 25

function p50(run: () => unknown, samples = SAMPLES): number {
  run()
  const times: number[] = []
  for (let sample = 0; sample < samples; sample++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

const text = (item: BodyItem) => (item.children ?? []).map((child) => child.text ?? '').join('')

/** 1,500 words: paragraphs of three releases pasted between the reporter's own. */
function longArticle(sources: ReuseSource[]): PressReleaseDocument {
  const random = seeded(99)
  const words = vocabulary(3000, random)
  const copied = sources.flatMap((source) => (source.body ?? []).slice(0, 2).map(text))
  const body: BodyItem[] = []
  let count = 0
  let index = 0
  while (count < ARTICLE_WORDS) {
    const paragraphText = index % 3 === 1 && copied.length > 0 ? copied.shift()! : paragraph(words, 60, random)
    body.push(textBlock(`a${index++}`, paragraphText))
    count += paragraphText.split(/\s+/).length
  }
  return {_id: 'drafts.article.long', _type: 'article', title: 'A long article', body}
}

export async function printSpeed(): Promise<void> {
  const distributors = distributorDocs()
  const corpus = buildCorpus()
  const releases: ReuseSource[] = [...corpus.releases, ...fillerReleases(RELEASES - corpus.releases.length, 7)]
  const byId = new Map(releases.map((release) => [release._id, release]))
  const indexStart = performance.now()
  const index = new ReuseIndex()
  for (const release of releases) index.set(release._id, releaseFingerprint(release, distributors).hashes)
  const indexSeconds = (performance.now() - indexStart) / 1000
  const article = longArticle([releases[3]!, releases[5_000]!, releases[70_000]!])

  // Each run gets fresh source objects, as a query answer would: no tokenised source is reused.
  let coverage = 0
  const check = () => {
    const candidates = index.candidates(articleHashes(article, distributors)).map(({id}) => ({...byId.get(id)!}))
    coverage = reuseReport(article, candidates, {distributors}).coverage
  }
  const checkMs = p50(check)
  const hashMs = p50(() => contentHash({...article}))
  const slice = releases.slice(0, 2_000).map((release) => ({...release}))
  const naiveSliceMs = p50(
    () =>
      reuseReport(
        article,
        slice.map((release) => ({...release})),
        {distributors},
      ),
    3,
  )
  const naiveMs = naiveSliceMs * (RELEASES / slice.length)

  console.log(
    `reuse speed: a ${ARTICLE_WORDS}-word article against ${RELEASES.toLocaleString('en')} releases (index built in ${indexSeconds.toFixed(1)} s)`,
  )
  console.log(
    `  candidate lookup + alignment: p50 ${checkMs.toFixed(1)} ms (target < ${TARGET_MS} ms: ${checkMs < TARGET_MS ? 'meets target' : 'MISSES target'}); found ${(coverage * 100).toFixed(0)}% reused`,
  )
  console.log(
    `  baseline, one content hash of the article: p50 ${hashMs.toFixed(2)} ms → check = ${(checkMs / hashMs).toFixed(1)}× a hash`,
  )
  console.log(
    `  baseline, alignment against every release (no lookup; ${slice.length.toLocaleString('en')} measured, scaled): ~${(naiveMs / 1000).toFixed(1)} s → lookup is ${(naiveMs / checkMs).toFixed(0)}× faster`,
  )
}

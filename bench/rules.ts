/**
 * Detection cost, on the seed and on a generated 10,000-word release, as a ratio
 * against one regex scan of the same text measured in the same run, so the figures
 * mean something on any machine. Prints; never asserts (timings vary by machine).
 */
import {pathToFileURL} from 'node:url'
import {
  clearLanguageCache,
  contentHash,
  detect,
  literalPattern,
  type BodyItem,
  type PressReleaseDocument,
} from '../plugins/editorial-review/core'
import {block, detectContext, seedDocument} from '../test/plugins/editorial-review/fixtures'

interface Timing {
  /** Median milliseconds per call. */
  median: number
}

/** Median of many samples; each sample repeats the call enough times to be measurable. */
function measure(run: () => unknown, samples = 41, sampleMs = 2): Timing {
  const warmUntil = performance.now() + 150
  let calls = 0
  while (performance.now() < warmUntil) {
    run()
    calls++
  }
  const perCall = 150 / Math.max(calls, 1)
  const repeat = Math.max(1, Math.ceil(sampleMs / perCall))
  const times: number[] = []
  for (let sample = 0; sample < samples; sample++) {
    const start = performance.now()
    for (let i = 0; i < repeat; i++) run()
    times.push((performance.now() - start) / repeat)
  }
  times.sort((a, b) => a - b)
  return {median: times[Math.floor(times.length / 2)]!}
}

/** Every string detection scans, as one text: what the single-regex baseline reads. */
function scannedText(document: PressReleaseDocument): string {
  const spans = (document.body ?? []).flatMap((item) => (item.children ?? []).map((child) => child.text ?? ''))
  return [document.title ?? '', ...spans, document.source?.originalText ?? ''].join('\n')
}

/** The baseline: one regex, the kind a rule runs, over the whole text. */
function singleRegexScan(text: string): () => number {
  const pattern = new RegExp(literalPattern('(SeaPRwire)'), 'gi')
  return () => {
    let found = 0
    pattern.lastIndex = 0
    while (pattern.exec(text)) found++
    return found
  }
}

const WORDS = (
  'the company said on monday that its new product line would reach customers in europe and asia ' +
  'by the end of the year while analysts expect revenue to grow as demand for cloud services and ' +
  'energy storage continues to rise across markets where the firm has invested in local teams'
).split(' ')

/** A deterministic 10,000-word release carrying the markers a distributed release has. */
export function generatedRelease(words = 10_000): PressReleaseDocument {
  let seed = 42
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31)
  const paragraphs: string[] = []
  let written = 0
  while (written < words) {
    const length = Math.min(40 + (next() % 40), words - written)
    const sentence = Array.from({length}, () => WORDS[next() % WORDS.length]!).join(' ')
    paragraphs.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`)
    written += length
  }
  paragraphs[0] = `(SeaPRwire) – NEW YORK (AP) — ${paragraphs[0]}`
  const body: BodyItem[] = paragraphs.map((paragraph, index) => block(`g${index}`, paragraph))
  const disclaimer =
    'The article is provided by a third-party content provider. SeaPRwire (https://www.seaprwire.com/) makes no warranties or representations in connection with it.'
  const boilerplate =
    'SeaPRwire delivers real-time press release distribution for companies and institutions, reaching more than 6,500 media stores.'
  return {
    _id: 'pressRelease.generated',
    _type: 'pressRelease',
    title: 'Company expands product line across Europe and Asia',
    language: 'en',
    body,
    distributor: {_type: 'reference', _ref: 'distributor.seaprwire'},
    disclaimer: {_type: 'reference', _ref: 'disclaimer.seaprwire-en'},
    source: {
      originalText: [
        'Company expands product line across Europe and Asia',
        ...paragraphs,
        disclaimer,
        'Sectors: Business',
        boilerplate,
      ].join('\n\n'),
    },
  }
}

function ms(value: number): string {
  return value < 1 ? value.toFixed(3) : value.toFixed(2)
}

function report(label: string, timing: Timing, baseline: Timing, target: number): void {
  const ratio = timing.median / baseline.median
  const verdict = timing.median < target ? 'within' : 'over'
  console.log(
    `rules: ${label} ${ms(timing.median)} ms (x${ratio.toFixed(1)} vs single regex scan ${ms(baseline.median)} ms; ${verdict} the ${target} ms target)`,
  )
}

export async function benchRules(): Promise<void> {
  const context = detectContext()
  const cases = [
    {name: 'seed', document: seedDocument(), target: 0.1},
    {name: '10,000-word', document: generatedRelease(), target: 16},
  ]
  for (const {name, document, target} of cases) {
    const baseline = measure(singleRegexScan(scannedText(document)))
    report(
      `${name} detect`,
      measure(() => detect(document, context)),
      baseline,
      target,
    )
    // The Studio re-detects on every edit; an edit near the top misses the language cache.
    report(
      `${name} detect, language uncached`,
      measure(() => {
        clearLanguageCache()
        return detect(document, context)
      }),
      baseline,
      target,
    )
    report(
      `${name} contentHash`,
      measure(() => contentHash(document)),
      baseline,
      target,
    )
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchRules()
}

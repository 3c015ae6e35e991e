/**
 * The reuse report of an article: for each candidate source, the share of the article's
 * words that come from it and the matched passages, with exact offsets in the article's
 * blocks and the source's; and the share from all sources, and from the uncredited ones.
 */
import {evidenceIn, documentText, type TextUnit} from '../text'
import type {DistributorDoc, Evidence, PressReleaseDocument} from '../types'
import {align, prepare, type AlignOptions, type PreparedText} from './align'
import {distributorsSignature, fingerprintOf, reuseText} from './fingerprint'

/** A release an article may draw on: any document with an id and a body. */
export interface ReuseSource extends PressReleaseDocument {
  _id: string
}

/** A credit an article gives a source: the release and a label the public sees. */
export interface SourceCredit {
  _key?: string
  _type?: string
  release?: {_ref?: string}
  label?: string
}

/** Where one side of a passage is: a body block and the character range in its joined text. */
export interface PassageSide {
  /** Index of the block among the text blocks. */
  block: number
  /** Sanity path of the block, e.g. `body[_key=="a1"]`. */
  path: string
  start: number
  end: number
  quote: string
}

export interface ReusePassage {
  article: PassageSide
  source: PassageSide
  /** The article side as evidence: exact ranges in the spans. */
  evidence: Evidence[]
}

export interface SourceReuse {
  sourceId: string
  title: string
  /** Share of the article's words from this source, 0…1. */
  coverage: number
  /** The article credits this source (a reference to it with a label). */
  credited: boolean
  passages: ReusePassage[]
}

export interface ReuseReport {
  /** Words of the article's body that count (boilerplate left out). */
  articleWords: number
  /** Share of the article's words from any source. */
  coverage: number
  /** Share from sources the article does not credit; what the policy's threshold applies to. */
  uncreditedCoverage: number
  /** Sources with at least one passage, highest coverage first. */
  sources: SourceReuse[]
}

export interface ReuseOptions extends AlignOptions {
  /** Distributors whose disclaimers and boilerplate are left out on both sides. */
  distributors?: readonly DistributorDoc[]
}

const publishedId = (id: string) => id.replace(/^(drafts\.|versions\.[^.]+\.)/, '')

/** True when the credits name the source (any copy of it) with a label. */
export function credits(list: readonly SourceCredit[] | undefined, sourceId: string): boolean {
  const id = publishedId(sourceId)
  return (list ?? []).some((credit) => credit.label?.trim() && credit.release?._ref && publishedId(credit.release._ref) === id)
}

/** Sources are immutable documents; each is tokenised and indexed once. */
const preparedSources = new WeakMap<object, {signature: string; text: PreparedText}>()

function preparedSource(source: ReuseSource, distributors: readonly DistributorDoc[]): PreparedText {
  const signature = distributorsSignature(distributors)
  const cached = preparedSources.get(source)
  if (cached && cached.signature === signature) return cached.text
  const text = prepare(reuseText(documentText(source).body, distributors), true)
  preparedSources.set(source, {signature, text})
  return text
}

function blockPath(unit: TextUnit): string {
  // A block's span paths start with the block's own segment.
  return unit.segments[0]!.path.replace(/\.children\[.*$/, '')
}

function side(text: PreparedText, from: number, to: number): PassageSide {
  const first = text.words[from]!
  const last = text.words[to - 1]!
  const unit = text.units[first.unit]!
  return {
    block: first.unit,
    path: blockPath(unit),
    start: first.start,
    end: last.end,
    quote: unit.text.slice(first.start, last.end),
  }
}

/** Cuts a passage where either side moves to another block, so each piece lies in one block on each side. */
function pieces(article: PreparedText, source: PreparedText, passage: ReturnType<typeof align>[number]): ReusePassage[] {
  const result: ReusePassage[] = []
  let articleFrom = passage.articleStart
  let sourceFrom = passage.sourceStart
  const sourceAt = (articleIndex: number) =>
    Math.min(passage.sourceEnd - 1, passage.sourceStart + (articleIndex - passage.articleStart))
  for (let index = passage.articleStart + 1; index <= passage.articleEnd; index++) {
    const ended =
      index === passage.articleEnd ||
      article.words[index]!.unit !== article.words[index - 1]!.unit ||
      source.words[sourceAt(index)]!.unit !== source.words[sourceAt(index - 1)]!.unit
    if (!ended) continue
    const sourceTo = index === passage.articleEnd ? passage.sourceEnd : sourceAt(index)
    if (sourceTo > sourceFrom) {
      const articleSide = side(article, articleFrom, index)
      result.push({
        article: articleSide,
        source: side(source, sourceFrom, sourceTo),
        evidence: evidenceIn(article.units[articleSide.block]!, articleSide.start, articleSide.end),
      })
    }
    articleFrom = index
    sourceFrom = sourceTo
  }
  return result
}

/** The article's body prepared for alignment, and its fingerprints for the candidate query. */
export function prepareArticle(document: PressReleaseDocument, distributors: readonly DistributorDoc[] = []): PreparedText {
  return prepare(reuseText(documentText(document).body, distributors))
}

/** The fingerprints an article sends to the candidate query (`$hashes`). */
export function articleHashes(document: PressReleaseDocument, distributors: readonly DistributorDoc[] = []): string[] {
  return fingerprintOf(reuseText(documentText(document).body, distributors))
}

export function reuseReport(
  document: PressReleaseDocument,
  sources: readonly ReuseSource[],
  options: ReuseOptions = {},
): ReuseReport {
  const distributors = options.distributors ?? []
  const article = prepareArticle(document, distributors)
  const counted = article.words.filter((word) => !word.excluded).length
  const any = new Uint8Array(article.words.length)
  const uncredited = new Uint8Array(article.words.length)
  const own = document._id ? publishedId(document._id) : undefined
  const found: SourceReuse[] = []
  // A release's draft and published copies are one source; the first given wins.
  const seen = new Set<string | undefined>([own])
  for (const source of sources) {
    if (seen.has(publishedId(source._id))) continue
    seen.add(publishedId(source._id))
    const prepared = preparedSource(source, distributors)
    const passages = align(article, prepared, options)
    if (passages.length === 0) continue
    const credited = credits((document as {credits?: SourceCredit[]}).credits, source._id)
    let covered = 0
    for (const passage of passages) {
      for (let index = passage.articleStart; index < passage.articleEnd; index++) {
        covered++
        any[index] = 1
        if (!credited) uncredited[index] = 1
      }
    }
    found.push({
      sourceId: source._id,
      title: source.title ?? source._id,
      coverage: counted ? covered / counted : 0,
      credited,
      passages: passages.flatMap((passage) => pieces(article, prepared, passage)),
    })
  }
  const share = (marks: Uint8Array) => (counted ? marks.reduce((sum, mark) => sum + mark, 0) / counted : 0)
  found.sort((a, b) => b.coverage - a.coverage || (a.sourceId < b.sourceId ? -1 : 1))
  return {articleWords: counted, coverage: share(any), uncreditedCoverage: share(uncredited), sources: found}
}

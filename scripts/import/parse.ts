import {
  detectLanguage,
  distributorMarkers,
  literalPattern,
  readDateline,
  WIRE_DATELINE_FORMS,
  type DetectContext,
  type DistributorDoc,
  type WireAgency,
} from '../../plugins/editorial-review/core'
import type {MarkerKind, MarkerPhrase} from '../../data/distributors'
import {readBoilerplate, type DistributorFacts} from './boilerplate'
import {SeedFileError} from './errors'
import {splitList} from './lists'

/** A seed file taken apart into the pieces the documents are built from. */
export interface ParsedSeed {
  title: string
  /** Body paragraphs, the dateline paragraph first and verbatim. */
  paragraphs: string[]
  /** BCP 47 primary subtag detected from the body, else the language of the markers found. */
  language: string | undefined
  /** The place, and the codes of the agencies the dateline credits ("dpa/AFP"). */
  dateline: {location?: string; agency?: string}
  /** The agencies the dateline credits, as the policy lists them. */
  agencies: WireAgency[]
  /** The distributor document whose markers recognised the copy. */
  distributor: DistributorDoc | undefined
  /** A wire recognised only by its generic dateline form, when no distributor document knows it. */
  unknownWire: string | undefined
  disclaimer: {text: string; language: string} | undefined
  categories: {titles: string[]; language: string} | undefined
  /** Reach and languages read from the boilerplate; the boilerplate itself is dropped. */
  facts: DistributorFacts | undefined
}

/**
 * Takes a seed apart, recognising the distributor and its trailing paragraphs by the
 * distributor documents' markers, never by strings of our own.
 */
export function parseSeed(
  file: string,
  text: string,
  {distributors, agencies}: Pick<DetectContext, 'distributors' | 'agencies'>,
): ParsedSeed {
  const paragraphs = text
    .split(/\n[ \t\u00a0]*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
  const [title, firstBody] = paragraphs
  if (!title || !firstBody) {
    throw new SeedFileError(
      file,
      'the file holds only a title, no body',
      'Check that the export is complete; a release needs its text.',
    )
  }
  const recognised = recogniseDistributor(firstBody, distributors)
  if (!recognised) {
    throw new SeedFileError(
      file,
      'no known distributor’s dateline tag opens the copy, so its source cannot be told',
      'Add the distributor and its dateline tag in the Studio (Distributor → Markers), then import again.',
    )
  }
  const phrases = recognised.distributor?.markers.phrases ?? []
  const body: string[] = []
  let disclaimer: ParsedSeed['disclaimer']
  let categories: ParsedSeed['categories']
  let facts: DistributorFacts | undefined
  for (const paragraph of paragraphs.slice(1)) {
    const match = matchPhrase(paragraph, phrases)
    const handle = match ? TRAILER_HANDLERS[match.kind] : undefined
    if (!match || !handle) {
      body.push(paragraph)
      continue
    }
    const outcome = handle(paragraph, match)
    disclaimer ??= outcome.disclaimer
    categories ??= outcome.categories
    facts ??= outcome.facts
  }
  const markerLanguage = disclaimer?.language ?? categories?.language
  const dateline = datelineAround(firstBody, recognised, agencies)
  return {
    title,
    paragraphs: body,
    language: detectLanguage(body.join('\n')) ?? markerLanguage,
    dateline: {
      ...(dateline.location ? {location: dateline.location} : {}),
      ...(dateline.agencies.length > 0 ? {agency: dateline.agencies.map(({code}) => code).join('/')} : {}),
    },
    agencies: dateline.agencies,
    distributor: recognised.distributor,
    unknownWire: recognised.wire,
    disclaimer,
    categories,
    facts,
  }
}

interface Recognised {
  distributor?: DistributorDoc
  wire?: string
  start: number
  end: number
}

/** The first distributor whose dateline tag stands in the opening paragraph. */
function recogniseDistributor(paragraph: string, distributors: DistributorDoc[]): Recognised | undefined {
  for (const markers of distributorMarkers(distributors)) {
    const match = markers.datelineTags && firstMatch(markers.datelineTags, paragraph)
    if (match) return {distributor: markers.distributor, start: match.index, end: match.index + match[0].length}
  }
  for (const form of WIRE_DATELINE_FORMS) {
    const match = firstMatch(form.pattern, paragraph)
    if (match) return {wire: form.name, start: match.index, end: match.index + match[0].length}
  }
  return undefined
}

function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  return new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(text)
}

const openingPatterns = new Map<string, RegExp>()

/** A phrase's opening words as an anchored pattern, compiled once per phrase text: every paragraph of every file is tried against them. */
function openingPattern(text: string): RegExp {
  let pattern = openingPatterns.get(text)
  if (!pattern) openingPatterns.set(text, (pattern = new RegExp(`^${literalPattern(text)}`, 'iu')))
  return pattern
}

/** The phrase a paragraph opens with, if any. */
function matchPhrase(paragraph: string, phrases: MarkerPhrase[]): MarkerPhrase | undefined {
  return phrases.find((phrase) => phrase.text?.trim() && openingPattern(phrase.text).test(paragraph))
}

type TrailerOutcome = Partial<Pick<ParsedSeed, 'disclaimer' | 'categories' | 'facts'>>

const TRAILER_HANDLERS: Record<MarkerKind, (paragraph: string, phrase: MarkerPhrase) => TrailerOutcome> = {
  disclaimer: (paragraph, phrase) => ({disclaimer: {text: paragraph, language: phrase.language}}),
  categoryLabel: (paragraph, phrase) => ({
    categories: {
      titles: splitCategoryLine(paragraph.replace(openingPattern(phrase.text), ''), phrase.language),
      language: phrase.language,
    },
  }),
  boilerplate: (paragraph, phrase) => ({facts: readBoilerplate(paragraph, phrase)}),
}

function splitCategoryLine(list: string, language: string): string[] {
  return [...new Set(splitList(list, language).map((title) => title.replace(/[.;]$/, '')))].filter(Boolean)
}

/**
 * Place and agencies around the tag, read as the rules read a dateline: after it
 * ("(SeaPRwire) – WASHINGTON (AP) —", "(SeaPRwire) – HAMBURG —"), else the place before
 * it ("NEW YORK, Jan. 5 /PRNewswire/ --").
 */
function datelineAround(paragraph: string, tag: Recognised, agencies: WireAgency[]): {location?: string; agencies: WireAgency[]} {
  const after = readDateline(paragraph, tag.end, agencies)
  if (after) return {location: after.location, agencies: after.agencies}
  const location = paragraph.slice(0, tag.start).split(',')[0]?.trim()
  return location ? {location, agencies: []} : {agencies: []}
}

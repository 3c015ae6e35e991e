/**
 * Test documents. `seedDocument` builds the press release the import makes from the
 * seed file, with plain paragraph splitting: the title line, the six story paragraphs
 * as body (the first keeps its dateline text as received), the disclaimer paragraph as
 * a `disclaimer` reference, the "Branchen:" line as categories; the boilerplate stays
 * only in `source.originalText`.
 */
import {readFileSync} from 'node:fs'
import {BUILTIN_DISTRIBUTORS} from '../../../data/distributors'
import {WIRE_AGENCIES} from '../../../data/agencies'
import type {BodyItem, DetectContext, DistributorDoc, PressReleaseDocument} from '../../../plugins/editorial-review/core'
import {buildSeedDocuments, seedChecksum, type ImportedRelease} from '../../../scripts/import/documents'
import {parseSeed, type ParsedSeed} from '../../../scripts/import/parse'

export const SEED_FILE = '000_e42a070e862f161b.txt'

export function readSeed(): string {
  return readFileSync(new URL(`../../../seeds/${SEED_FILE}`, import.meta.url), 'utf8')
}

/** The built-in distributors as the dataset stores them. */
export function distributorDocs(): DistributorDoc[] {
  return BUILTIN_DISTRIBUTORS.map((seed) => ({
    ...seed,
    _type: 'distributor',
    languages:
      seed._id === 'distributor.seaprwire'
        ? ['en', 'ko', 'ja', 'ar', 'zh-Hans', 'zh-Hant', 'vi', 'th', 'id', 'ms', 'de', 'ru', 'fr', 'es', 'pt']
        : [],
    reach:
      seed._id === 'distributor.seaprwire'
        ? {mediaOutlets: 6500, journalists: 86000, desktops: 3500000, countries: 90}
        : {mediaOutlets: 0, journalists: 0, desktops: 0, countries: 0},
    markers: {...seed.markers, phrases: seed.markers.phrases.map((phrase) => ({...phrase, _type: 'markerPhrase' as const}))},
  }))
}

export function detectContext(overrides: Partial<DetectContext> = {}): DetectContext {
  return {distributors: distributorDocs(), agencies: WIRE_AGENCIES, ...overrides}
}

/** A one-span paragraph block; keys `${key}` and `${key}s0`. */
export function block(key: string, text: string): BodyItem {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [],
    children: [{_type: 'span', _key: `${key}s0`, text, marks: []}],
  }
}

/** An AP story as a PR wire passes it on or an editor pastes it: the agency rules flag it as third-party copy. */
export const AP_WIRE_COPY = [
  'WASHINGTON (AP) — American and Israeli officials held virtual talks on Monday about a possible operation in Rafah.',
  'Copyright 2024 The Associated Press. All rights reserved.',
]

/** Paragraphs as a Portable Text body, one block each. */
export const bodyOf = (paragraphs: readonly string[]): BodyItem[] => paragraphs.map((text, index) => block(`b${index}`, text))

/** The seed paragraphs, split on blank lines as the file gives them. */
export function seedParagraphs(text = readSeed()): string[] {
  return text.split(/\n[ \t]*\n/).map((paragraph) => paragraph.replace(/\n+$/, ''))
}

/** What the seed import makes of `text`, with the real parser and document builder. */
export function importSeed(text = readSeed(), context = detectContext()): {parsed: ParsedSeed; release: ImportedRelease} {
  const parsed = parseSeed(SEED_FILE, text, context)
  const {release} = buildSeedDocuments({
    file: SEED_FILE,
    bytesChecksum: seedChecksum(text),
    text,
    parsed,
    importedAt: '2026-11-24T04:00:00Z',
    context,
  })
  return {parsed, release}
}

/**
 * The press release exactly as the seed import builds it from the seed file, with fixed
 * revision fields so tests can compare it.
 */
export function seedDocument(text = readSeed()): PressReleaseDocument {
  const {review, ...content} = importSeed(text).release
  return {
    ...content,
    _id: 'pressRelease.e42a070e862f161b',
    _rev: 'rev-1',
    _createdAt: '2026-11-24T04:00:00Z',
    _updatedAt: '2026-11-24T04:00:00Z',
    review: {_type: 'editorialReview', status: 'pending', thirdParty: review!.thirdParty},
  }
}

/** A newsroom's own article, in German: no wire, no distributor, nothing third-party. */
export function plainArticle(): PressReleaseDocument {
  return {
    _id: 'pressRelease.stadtrat-haushalt',
    _type: 'pressRelease',
    title: 'Stadtrat beschließt Haushalt für 2027 nach langer Debatte',
    language: 'de',
    dateline: {_type: 'dateline', location: 'Freiburg'},
    body: [
      block(
        'a0',
        'Freiburg – Der Gemeinderat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen. Nach einer mehrstündigen Debatte stimmten 31 von 48 Mitgliedern für den Entwurf der Verwaltung, der vor allem mehr Geld für Schulen und den Nahverkehr vorsieht.',
      ),
      block(
        'a1',
        'Oberbürgermeisterin Petra Lang sprach von einem „tragfähigen Kompromiss“. Die Opposition kritisierte dagegen, dass die Sanierung der Stadtbibliothek erneut verschoben werde. Die Bibliothek ist seit dem Hochwasser im Frühjahr geschlossen.',
      ),
      block(
        'a2',
        'Nach Angaben der Kämmerei steigen die Ausgaben um vier Prozent. Neue Schulden will die Stadt nicht aufnehmen; die Mehrkosten sollen aus Rücklagen und höheren Einnahmen aus der Gewerbesteuer gedeckt werden.',
      ),
    ],
    categories: [{_type: 'reference', _ref: 'category.lokales', _key: 'lokales'}],
  }
}

/** A minimal release around the given body blocks, in English unless told otherwise. */
export function release(body: BodyItem[], fields: Partial<PressReleaseDocument> = {}): PressReleaseDocument {
  return {_id: 'pressRelease.test', _type: 'pressRelease', language: 'en', body, ...fields}
}

/** A link-annotated block: the text before, the linked text, the text after. */
export function linkedBlock(key: string, before: string, linked: string, after: string, href: string): BodyItem {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [{_type: 'link', _key: `${key}l`, href}],
    children: [
      {_type: 'span', _key: `${key}s0`, text: before, marks: []},
      {_type: 'span', _key: `${key}s1`, text: linked, marks: [`${key}l`]},
      {_type: 'span', _key: `${key}s2`, text: after, marks: []},
    ],
  }
}

/** The path of a one-span block's text, as evidence reports it. */
export function spanPath(blockKey: string, spanKey = `${blockKey}s0`): string {
  return `body[_key=="${blockKey}"].children[_key=="${spanKey}"].text`
}

/** An English paragraph long enough for language detection (well over twenty words). */
export const ENGLISH_PARAGRAPH =
  'The company said on Tuesday that it expects revenue to grow this year as demand for its products recovers, and that it will hire more engineers at its plant in Ohio to keep up with new orders from customers across the country.'

/**
 * Distributor documents read from the store into the rows the review policy's
 * `detectContextFor` takes: the shape `distributorsForImportQuery` returns (TypeGen),
 * checked field by field, since the store holds whatever JSON a client wrote.
 */
import type {DistributorsForImportQueryResult} from '../../sanity.types'
import {isDraftId, isVersionId} from '../store/ids'
import type {Change, GuardContext, SanityDocument} from '../store/types'

type DistributorRow = DistributorsForImportQueryResult[number]
type Markers = NonNullable<DistributorRow['markers']>
type Phrase = NonNullable<Markers['phrases']>[number]

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const texts = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'string') : undefined
const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.flatMap((item) => {
        const fields = record(item)
        return fields ? [fields] : []
      })
    : []

const PHRASE_KINDS: readonly NonNullable<Phrase['kind']>[] = ['disclaimer', 'boilerplate', 'categoryLabel']
const isPhraseKind = (value: string | null): value is NonNullable<Phrase['kind']> => PHRASE_KINDS.some((kind) => kind === value)

function phraseFrom(raw: Record<string, unknown>): Phrase {
  const kind = text(raw.kind)
  return {
    _key: text(raw._key) ?? '',
    _type: 'markerPhrase',
    ...(isPhraseKind(kind) ? {kind} : {}),
    ...(text(raw.language) ? {language: text(raw.language)!} : {}),
    ...(text(raw.text) ? {text: text(raw.text)!} : {}),
    ...(text(raw.template) ? {template: text(raw.template)!} : {}),
    languageNames: records(raw.languageNames).map((name) => ({
      _key: text(name._key) ?? '',
      _type: 'languageName' as const,
      ...(text(name.name) ? {name: text(name.name)!} : {}),
      ...(text(name.code) ? {code: text(name.code)!} : {}),
    })),
  }
}

function rowFrom(document: SanityDocument): DistributorRow {
  const markers = record(document.markers)
  const slug = record(document.slug)
  return {
    _id: document._id,
    _type: 'distributor',
    name: text(document.name),
    slug: slug && text(slug.current) ? {_type: 'slug', current: text(slug.current)!} : null,
    website: text(document.website),
    description: text(document.description),
    languages: texts(document.languages) ?? null,
    reach: null,
    markers: markers
      ? {
          _type: 'distributorMarkers',
          datelineTags: texts(markers.datelineTags) ?? [],
          domains: texts(markers.domains) ?? [],
          phrases: records(markers.phrases).map(phraseFrom),
        }
      : null,
  }
}

const isPublishedDistributor = (document: SanityDocument | null): document is SanityDocument =>
  document?._type === 'distributor' && !isDraftId(document._id) && !isVersionId(document._id)

/**
 * The published distributors, as the Studio and the import see them, plus those the
 * transaction creates (an import writes its distributors with the releases they mark).
 * A distributor the transaction changes or deletes counts as it was: new markers may
 * flag more copy in the same transaction, never less.
 */
export function publishedDistributors(
  context: Pick<GuardContext, 'documentsOfType'>,
  changes: readonly Change[] = [],
): DistributorsForImportQueryResult {
  const stored = context.documentsOfType('distributor').filter(isPublishedDistributor)
  const known = new Set(stored.map(({_id}) => _id))
  const created = changes.flatMap(({after}) => (isPublishedDistributor(after) && !known.has(after._id) ? [after] : []))
  return [...stored, ...created].map(rowFrom)
}

import path from 'node:path'
import {
  canPublish,
  contentHash,
  releaseFingerprint,
  sha256Hex,
  storedAssessment,
  withAssessment,
  type DetectContext,
  type EditorialReview,
  type BodyItem,
  type PressReleaseDocument,
  type ReuseFingerprint,
} from '../../plugins/editorial-review/core'
import {slugifyTitle} from '../../schemas/lib/slug'
import type {ParsedSeed} from './parse'
import {paragraphToBlock} from './portableText'

/** A document the import creates only if it is missing: editors own it afterwards. */
export interface ReferenceDocument {
  _id: string
  _type: 'category' | 'disclaimer'
  [field: string]: unknown
}

/** A release as the import writes it; `importedHash` tells a later run whether an editor changed it. */
export type ImportedRelease = PressReleaseDocument & {
  _id: string
  _type: 'pressRelease'
  source?: NonNullable<PressReleaseDocument['source']> & {importedHash?: string}
  /** Fingerprints for the reuse check's candidate query (queries/reuse.ts). */
  reuse?: ReuseFingerprint
}

export interface SeedDocuments {
  /** The press release, as a draft. */
  release: ImportedRelease
  /** Categories and the disclaimer the release references. */
  references: ReferenceDocument[]
  /** Reach and languages for the distributor, applied only where its document has none. */
  distributorFacts: {id: string; reach: object; languages: string[]} | undefined
  /** The rules hold it back: it needs a reviewer before it can be published. */
  flagged: boolean
}

export interface BuildInput {
  file: string
  bytesChecksum: string
  text: string
  parsed: ParsedSeed
  importedAt: string
  context: DetectContext
}

/** Ids come from the file name, so a re-run and an edited seed map onto the same release. */
export function releaseIdFor(file: string): string {
  const stem = path.basename(file).replace(/\.[^.]+$/, '')
  return `pressRelease.${stem.replace(/[^a-zA-Z0-9_-]+/g, '-')}`
}

export const draftId = (id: string) => `drafts.${id}`
export const categoryId = (language: string, title: string) => `category.${language}.${slugifyTitle(title)}`
export const disclaimerId = (distributorSlug: string, language: string) => `disclaimer.${distributorSlug}.${language}`

/** Checksum of a seed's text, in the same notation as the content hash. */
export const seedChecksum = (text: string) => `sha256:${sha256Hex(text)}`

export function buildSeedDocuments({file, bytesChecksum, text, parsed, importedAt, context}: BuildInput): SeedDocuments {
  const distributor = parsed.distributor
  const language = parsed.language
  const references: ReferenceDocument[] = []

  const categories = (parsed.categories?.titles ?? []).map((title) => {
    const id = categoryId(parsed.categories!.language, title)
    references.push({
      _id: id,
      _type: 'category',
      title,
      slug: {_type: 'slug', current: slugifyTitle(title)},
      language: parsed.categories!.language,
    })
    return {_type: 'reference' as const, _ref: id, _key: id.replace(/\./g, '-')}
  })

  let disclaimer: PressReleaseDocument['disclaimer']
  if (parsed.disclaimer && distributor) {
    const id = disclaimerId(distributor.slug.current, parsed.disclaimer.language)
    references.push({
      _id: id,
      _type: 'disclaimer',
      text: parsed.disclaimer.text,
      language: parsed.disclaimer.language,
      distributor: {_type: 'reference', _ref: distributor._id},
    })
    disclaimer = {_type: 'reference', _ref: id}
  }

  const distributorName = distributor?.name ?? parsed.unknownWire
  const release: SeedDocuments['release'] = {
    _id: draftId(releaseIdFor(file)),
    _type: 'pressRelease',
    title: parsed.title,
    slug: {_type: 'slug', current: slugifyTitle(parsed.title)},
    ...(language ? {language} : {}),
    dateline: {_type: 'dateline', ...parsed.dateline},
    // Typed Portable Text blocks are closed types; the rules read any body structurally.
    body: parsed.paragraphs.map(paragraphToBlock) as unknown as BodyItem[],
    ...(distributor ? {distributor: {_type: 'reference', _ref: distributor._id}} : {}),
    ...(disclaimer ? {disclaimer} : {}),
    categories,
    receivedAt: importedAt,
    infoSources: [
      ...(distributorName
        ? [
            {
              _key: 'distributor',
              _type: 'infoSource' as const,
              name: distributorName,
              role: 'distributor' as const,
              ...(distributor?.website ? {uri: distributor.website} : {}),
            },
          ]
        : []),
      ...parsed.agencies.map((agency, index) => ({
        _key: index === 0 ? 'originator' : `originator-${index + 1}`,
        _type: 'infoSource' as const,
        name: agency.name,
        role: 'originator' as const,
      })),
    ],
    source: {_type: 'importSource', fileName: path.basename(file), checksum: bytesChecksum, importedAt, originalText: text},
  }
  const assessment = storedAssessment(release, context)
  const review: EditorialReview = {
    ...withAssessment(undefined, assessment),
    // A wire known only by its dateline form has no distributor document to reference.
    thirdParty: Boolean(parsed.unknownWire) || assessment.thirdParty,
  }
  release.review = review
  release.reuse = releaseFingerprint(release, context.distributors)
  release.source = {...release.source!, importedHash: contentHash(release)}

  return {
    release,
    references,
    distributorFacts:
      distributor && parsed.facts
        ? {id: distributor._id, reach: {_type: 'reach', ...parsed.facts.reach}, languages: parsed.facts.languages}
        : undefined,
    // review.thirdParty already carries what detection found, so the gate need not detect again.
    flagged: !canPublish(release).ok,
  }
}

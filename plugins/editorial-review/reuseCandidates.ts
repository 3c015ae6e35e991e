/**
 * The candidate releases of a document, fetched with the candidate query
 * (queries/reuse.ts): what the Studio's live check and validation compare the copy with.
 */
import type {SanityClient} from 'sanity'
import {reuseCandidatesQuery} from '../../queries/reuse'
import {articleHashes, DEFAULT_CANDIDATE_LIMIT, type DistributorDoc, type PressReleaseDocument, type ReuseSource} from './core'

/** The type whose documents are the sources; its own copy is not compared with them. */
export const REUSE_SOURCE_TYPE = 'pressRelease'

/** Identical fingerprints ask the lake once, whichever action, badge, panel or validator asks. */
const inFlight = new Map<string, Promise<ReuseSource[]>>()

export function fetchReuseSources(
  client: SanityClient,
  document: Pick<PressReleaseDocument, 'body'>,
  distributors: readonly DistributorDoc[],
): Promise<ReuseSource[]> {
  const hashes = articleHashes(document, distributors)
  if (hashes.length === 0) return Promise.resolve([])
  const key = hashes.join(',')
  let request = inFlight.get(key)
  if (!request) {
    request = client
      .fetch(reuseCandidatesQuery, {hashes, limit: DEFAULT_CANDIDATE_LIMIT}, {perspective: 'raw'})
      .then((rows) =>
        rows.map((row): ReuseSource => ({
          _id: row._id,
          _type: REUSE_SOURCE_TYPE,
          ...(row.title ? {title: row.title} : {}),
          ...(row.language ? {language: row.language} : {}),
          body: row.body ?? [],
        })),
      )
      .finally(() => setTimeout(() => inFlight.delete(key), 2_000))
    inFlight.set(key, request)
  }
  return request
}

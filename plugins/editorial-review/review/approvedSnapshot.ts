/**
 * What an approval judged, recorded with it: the judged fields of the document as they
 * were approved, in `review.approvedContent`. The diff since an approval reads it, so it
 * needs no History API (which a hosted project truncates past its retention and the
 * lake may compact) and no matching of decision keys between client and server.
 *
 * Stored as canonical JSON text rather than as fields: a frozen record, never queried,
 * whose references (distributor, categories, credits) must not count as references of
 * the document (GROQ `references()`, referential integrity on delete).
 */
import canonicalize from 'canonicalize'
import type {PressReleaseDocument} from '../rules/types'
import {latestApproval} from './approvedRevision'
import {contentHash} from './contentHash'

/** The fields `contentHash` judges; everything else (slug, source, review) is left out. */
const JUDGED_FIELDS = [
  'title',
  'language',
  'dateline',
  'body',
  'distributor',
  'disclaimer',
  'categories',
  'credits',
] as const satisfies readonly (keyof PressReleaseDocument)[]

/** The judged fields of `document`, as the text stored with an approval. */
export function approvedSnapshot(document: PressReleaseDocument): string {
  const judged: Partial<PressReleaseDocument> = {}
  for (const field of JUDGED_FIELDS) if (document[field] !== undefined) Object.assign(judged, {[field]: document[field]})
  return canonicalize(judged)!
}

/**
 * The content the latest approval judged, from the snapshot stored with it; undefined when
 * there is none (an approval recorded before snapshots), or when the snapshot does not hash
 * to the approval's content hash: it then records something other than what was approved
 * (written by hand, or by a client that left the snapshot of an earlier approval), and a
 * diff against it would mislead the reviewer.
 */
export function approvedContentOf(document: PressReleaseDocument): PressReleaseDocument | undefined {
  const approval = latestApproval(document)
  const stored = document.review?.approvedContent
  if (!approval || typeof stored !== 'string') return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(stored)
  } catch {
    return undefined
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  const approved = parsed as PressReleaseDocument
  return contentHash(approved) === approval.contentHash ? approved : undefined
}

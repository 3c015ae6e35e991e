/**
 * The publication gate, held by the lake itself: no transaction makes third-party copy
 * public unless its current content is approved. It runs on every mutation and action
 * (publish, release publish, a direct write to a published id), so no way of publishing
 * gets around it; it asks the same `canPublish` as the Studio, validation and audit.
 */
import {canPublish, contentHash, type DetectContext, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {isDraftId, isVersionId} from '../store/ids'
import type {Change, SanityDocument} from '../store/types'

/** A change that puts new content on a published id of a reviewed type. */
export function publishes(change: Change, types: readonly string[]): change is Change & {after: SanityDocument} {
  const {after, before} = change
  if (!after || isDraftId(after._id) || isVersionId(after._id) || !types.includes(after._type)) return false
  // A patch that leaves the judged content alone (a review note on live copy) publishes nothing new.
  return !before || contentHash(before as PressReleaseDocument) !== contentHash(after as PressReleaseDocument)
}

/** Why the published copy may not go live, or undefined when it may. */
export function publicationRefusal(
  document: SanityDocument,
  detection: DetectContext,
  reviewerRoles: readonly string[],
): string | undefined {
  const verdict = canPublish(document as PressReleaseDocument, {context: detection, reviewerRoles})
  return verdict.ok ? undefined : `${document._id} cannot be published: ${verdict.reasons.join(' ')}`
}

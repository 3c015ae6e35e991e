/**
 * A restore brings decisions the lake never saw being made, so it cannot re-decide them.
 * It checks what a record can show on its own, on every copy (a restored draft or
 * version would otherwise carry its approval onto the published id at the next
 * publish): a status of approved rests on an approving decision, by a known user with a
 * reviewer role, that judged exactly this content and is not dated after the restore.
 * The History API audit (`npm run audit`) still reports who wrote it.
 */
import {contentHash, type PressReleaseDocument, type ReviewPolicy} from '../../plugins/editorial-review/core'
import type {LakeUser, SanityDocument} from '../store/types'

export function restoredApprovalRefusal(
  document: SanityDocument,
  policy: ReviewPolicy,
  users: readonly LakeUser[],
  timestamp: string,
): string | undefined {
  const review = (document as PressReleaseDocument).review
  if (review?.status !== 'approved') return undefined
  const approval = review.decisions?.at(-1)
  if (!approval || approval.action !== 'approve' || approval.status !== 'approved') {
    return `${document._id}: its review says approved, but its audit trail ends in no approving decision.`
  }
  const approver = users.find((user) => user.id === approval.userId)
  if (!approver || !policy.reviewerRoles.includes(approver.role)) {
    return `${document._id}: its approval names "${String(approval.userId)}", who is not a user with a reviewer role (${policy.reviewerRoles.join(', ')}) on this lake.`
  }
  if (approval.contentHash !== contentHash(document as PressReleaseDocument) || review.contentHash !== approval.contentHash) {
    return `${document._id}: its approval judged other content (hash ${String(approval.contentHash)}), not the copy being restored.`
  }
  if (!(Date.parse(approval.at) <= Date.parse(timestamp))) {
    return `${document._id}: its approval is dated ${String(approval.at)}, after the restore itself.`
  }
  return undefined
}

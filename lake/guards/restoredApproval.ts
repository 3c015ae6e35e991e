/**
 * A restore brings decisions the lake never saw being made, so it cannot re-decide them.
 * It checks what a record can show on its own: the approval names a known user with a
 * reviewer role, judged exactly this content, and is not dated after the restore. The
 * History API audit (`npm run audit`) still reports who wrote it.
 */
import {
  contentHash,
  isThirdParty,
  detect,
  type DetectContext,
  type PressReleaseDocument,
  type ReviewPolicy,
} from '../../plugins/editorial-review/core'
import type {LakeUser, SanityDocument} from '../store/types'

export function restoredApprovalRefusal(
  document: SanityDocument,
  policy: ReviewPolicy,
  detection: DetectContext,
  users: readonly LakeUser[],
  timestamp: string,
): string | undefined {
  const release = document as PressReleaseDocument
  if (!release.review?.thirdParty && !isThirdParty(detect(release, detection), policy.rules)) return undefined
  const approval = release.review?.decisions?.at(-1)
  if (!approval || approval.action !== 'approve' || release.review?.status !== 'approved') return undefined
  const approver = users.find((user) => user.id === approval.userId)
  if (!approver || !policy.reviewerRoles.includes(approver.role)) {
    return `${document._id}: its approval names "${String(approval.userId)}", who is not a user with a reviewer role (${policy.reviewerRoles.join(', ')}) on this lake.`
  }
  if (approval.contentHash !== contentHash(release) || release.review.contentHash !== approval.contentHash) {
    return `${document._id}: its approval judged other content (hash ${String(approval.contentHash)}), not the copy being restored.`
  }
  if (!(Date.parse(approval.at) <= Date.parse(timestamp))) {
    return `${document._id}: its approval is dated ${String(approval.at)}, after the restore itself.`
  }
  return undefined
}

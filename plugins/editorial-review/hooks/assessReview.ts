import {
  canPublish,
  detect,
  reviewBadge,
  type DetectContext,
  type Finding,
  type PressReleaseDocument,
  type PublishVerdict,
  type ReviewBadge,
  type ReviewUser,
} from '../core'

export interface ReviewAssessment {
  /** Live findings of the document. */
  findings: Finding[]
  /** The gate's answer for this user. */
  verdict: PublishVerdict
  badge: ReviewBadge | undefined
}

interface Entry {
  context: DetectContext
  user: ReviewUser | undefined
  reviewerRoles: readonly string[]
  assessment: ReviewAssessment
}

/** Sanity documents are immutable values, so a document object can carry its assessment. */
const assessments = new WeakMap<PressReleaseDocument, Entry>()

/**
 * Findings, gate and badge of one document, detected once: the publish action, every
 * decision action, the badge and the form all ask about the same document object.
 */
export function assessReview(
  document: PressReleaseDocument,
  context: DetectContext,
  user: ReviewUser | undefined,
  reviewerRoles: readonly string[],
): ReviewAssessment {
  const cached = assessments.get(document)
  if (cached && cached.context === context && cached.user === user && cached.reviewerRoles === reviewerRoles)
    return cached.assessment
  const findings = detect(document, context)
  const assessment = {
    findings,
    verdict: canPublish(document, {user, context, reviewerRoles, findings}),
    badge: reviewBadge(document, context, findings),
  }
  assessments.set(document, {context, user, reviewerRoles, assessment})
  return assessment
}

/**
 * The one publication gate. The Studio's publish action, schema validation, the lake,
 * the import and the audit all ask it, so they cannot disagree. Copy that is not
 * third-party passes; third-party copy passes only with an approval of exactly the
 * content as it is now.
 */
import {localized, type LocalizedMessage} from '../i18n/format'
import {blockers, detect, isThirdParty} from '../rules/detect'
import {DEFAULT_RULES} from '../rules/index'
import type {DetectContext, Finding, PressReleaseDocument, Rule} from '../rules/types'
import {DEFAULT_REVIEWER_ROLES, isReviewer} from './roles'
import {effectiveStatus} from './state'
import type {EditorialReview, ReviewBadge, ReviewStatus, ReviewUser} from './types'

export interface CanPublishOptions {
  /** Who wants to publish; the advice differs for someone who can approve it themselves. */
  user?: ReviewUser
  /** Enables live detection; without it, only the stored `review.thirdParty` says whether the copy is third-party. */
  context?: DetectContext
  /** Roles that may approve; used only to phrase the advice. */
  reviewerRoles?: readonly string[]
  /** Findings already detected with `context`, so the gate need not detect again. */
  findings?: Finding[]
}

export interface PublishVerdict {
  ok: boolean
  /** Plain English sentences saying what to do; empty when `ok`. */
  reasons: string[]
  /**
   * The same reasons as i18n keys and values, in the same order (`details[i].message`
   * is `reasons[i]`), for the Studio to show in the editor's language. `canPublish`
   * always sets it; optional so a verdict written by hand (a placeholder) still fits.
   */
  details?: LocalizedMessage[]
  /** Whether the copy counted as third-party. */
  thirdParty: boolean
}

interface Situation {
  review: EditorialReview | undefined
  canApprove: boolean
}

type Obstacle = Exclude<ReviewStatus, 'approved'> | 'approvalOutdated'

// One key per variant, each a whole sentence (a note is a sentence of its own, nested in
// the table), never words glued together in code, so every variant translates naturally.
const OBSTACLE_REASONS: Record<Obstacle, (situation: Situation) => LocalizedMessage> = {
  pending: ({canApprove}) => localized(canApprove ? 'gate.pending.canApprove' : 'gate.pending.askReviewer'),
  approvalOutdated: ({canApprove}) =>
    localized(canApprove ? 'gate.approvalOutdated.canApprove' : 'gate.approvalOutdated.askReviewer'),
  changesRequested: ({review}) => {
    const note = latestNote(review, 'changesRequested')
    return note ? localized('gate.changesRequested.withNote', {note}) : localized('gate.changesRequested')
  },
  rejected: ({review}) => {
    const note = latestNote(review, 'rejected')
    return note ? localized('gate.rejected.withNote', {note}) : localized('gate.rejected')
  },
}

function latestNote(review: EditorialReview | undefined, status: ReviewStatus): string | undefined {
  return review?.decisions?.findLast((decision) => decision.status === status)?.note
}

interface ThirdPartyVerdict {
  thirdParty: boolean
  /** Live findings, when a detection context was given. */
  findings: Finding[] | undefined
}

function thirdPartyVerdict(
  document: PressReleaseDocument,
  context: DetectContext | undefined,
  detected?: Finding[],
): ThirdPartyVerdict {
  const findings = detected ?? (context ? detect(document, context) : undefined)
  const flagged = findings ? isThirdParty(findings, context?.rules ?? DEFAULT_RULES) : false
  return {thirdParty: Boolean(document.review?.thirdParty) || flagged, findings}
}

function markerCodes(rules: Record<string, Rule>): Set<string> {
  return new Set(
    Object.values(rules)
      .filter((rule) => rule.marksThirdParty && !rule.explainsBlock)
      .map((rule) => rule.code),
  )
}

export function canPublish(document: PressReleaseDocument, options: CanPublishOptions = {}): Required<PublishVerdict> {
  const {thirdParty, findings} = thirdPartyVerdict(document, options.context, options.findings)
  if (!thirdParty) return {ok: true, reasons: [], details: [], thirdParty}
  const {status, stale} = effectiveStatus(document)
  if (status === 'approved') return {ok: true, reasons: [], details: [], thirdParty}

  const obstacle: Obstacle = stale ? 'approvalOutdated' : status
  const situation = {
    review: document.review,
    canApprove: isReviewer(options.user, options.reviewerRoles ?? DEFAULT_REVIEWER_ROLES),
  }
  const details = [OBSTACLE_REASONS[obstacle](situation)]
  // Findings that merely prove the copy is third-party repeat the first reason; the
  // others (a rights question, a missing disclaimer) name work to do before approval.
  const markers = markerCodes(options.context?.rules ?? DEFAULT_RULES)
  for (const finding of blockers(findings ?? [])) {
    if (markers.has(finding.code) || details.some((detail) => detail.message === finding.message)) continue
    details.push({key: finding.messageKey, params: finding.params, message: finding.message})
  }
  return {ok: false, reasons: details.map((detail) => detail.message), details, thirdParty}
}

const BADGE_BY_STATUS: Record<ReviewStatus, ReviewBadge> = {
  pending: 'needsReview',
  approved: 'approved',
  changesRequested: 'changesRequested',
  rejected: 'rejected',
}

/**
 * The review badge for a document: shown for third-party copy, and for any copy a
 * reviewer has decided on; undefined otherwise.
 */
export function reviewBadge(
  document: PressReleaseDocument,
  context?: DetectContext,
  findings?: Finding[],
): ReviewBadge | undefined {
  const decided = (document.review?.decisions?.length ?? 0) > 0
  if (!decided && !thirdPartyVerdict(document, context, findings).thirdParty) return undefined
  const {status, stale} = effectiveStatus(document)
  return stale ? 'approvalOutdated' : BADGE_BY_STATUS[status]
}

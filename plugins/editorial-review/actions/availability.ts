import {effectiveStatus, isReviewer, transition, type PressReleaseDocument, type ReviewAction, type ReviewUser} from '../core'

/** Whether a decision action shows, and whether the current user may use it. */
export type DecisionAvailability = {kind: 'hidden'} | {kind: 'disabled'; reason: 'signIn' | 'notReviewer'} | {kind: 'enabled'}

export interface AvailabilityInput {
  /** The document that would be published, if loaded. */
  document: PressReleaseDocument | undefined
  /** Whether the gate counts the copy as third-party. */
  thirdParty: boolean
  action: ReviewAction
  user: ReviewUser | undefined
  /** Roles that may decide. */
  reviewerRoles: readonly string[]
}

/**
 * Own copy nobody has decided on needs no review buttons; an action the state machine
 * does not allow now is hidden; a user outside the reviewer roles sees it disabled
 * with the reason, so they know whom to ask.
 */
export function decisionAvailability({
  document,
  thirdParty,
  action,
  user,
  reviewerRoles,
}: AvailabilityInput): DecisionAvailability {
  if (!document) return {kind: 'hidden'}
  const decided = (document.review?.decisions?.length ?? 0) > 0
  if (!thirdParty && !decided) return {kind: 'hidden'}
  if (!transition(effectiveStatus(document).status, action)) return {kind: 'hidden'}
  if (user?.anonymous) return {kind: 'disabled', reason: 'signIn'}
  return isReviewer(user, reviewerRoles) ? {kind: 'enabled'} : {kind: 'disabled', reason: 'notReviewer'}
}

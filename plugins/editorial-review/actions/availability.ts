import {
  decisionRefusal,
  effectiveStatus,
  transition,
  type LocalizedMessage,
  type PressReleaseDocument,
  type ReviewAction,
  type ReviewUser,
} from '../core'

/** Whether a decision shows, and whether the current user may take it (if not, why). */
export type DecisionAvailability =
  | {kind: 'hidden'}
  | {kind: 'disabled'; reason: LocalizedMessage}
  /** The four-eyes rule is still being checked against the history: not clickable yet. */
  | {kind: 'checking'}
  | {kind: 'enabled'}

export interface AvailabilityInput {
  /** The document that would be published, if loaded. */
  document: PressReleaseDocument | undefined
  /** Whether the gate counts the copy as third-party. */
  thirdParty: boolean
  action: ReviewAction
  user: ReviewUser | undefined
  /** Roles that may decide. */
  reviewerRoles: readonly string[]
  /** Whether the four-eyes rule applies. */
  fourEyes?: boolean
  /** Who last changed the judged content, when the history names someone. */
  lastEditorId?: string
  /** True while the history is still being read for the four-eyes rule. */
  checkingHistory?: boolean
}

/**
 * Own copy nobody has decided on needs no review buttons; an action the state machine
 * does not allow now is hidden; a decision the user cannot take (no reviewer role, not
 * signed in, the four-eyes rule) is disabled with the reason, before anyone types a note.
 */
export function decisionAvailability({
  document,
  thirdParty,
  action,
  user,
  reviewerRoles,
  fourEyes = false,
  lastEditorId,
  checkingHistory = false,
}: AvailabilityInput): DecisionAvailability {
  if (!document || !user) return {kind: 'hidden'}
  const decided = (document.review?.decisions?.length ?? 0) > 0
  if (!thirdParty && !decided) return {kind: 'hidden'}
  if (!transition(effectiveStatus(document).status, action)) return {kind: 'hidden'}
  const needsHistory = fourEyes && action === 'approve'
  const refusal = decisionRefusal(
    document,
    {action, user},
    {reviewerRoles, fourEyes, lastEditorId: needsHistory ? lastEditorId : undefined},
  )
  if (refusal) return {kind: 'disabled', reason: refusal}
  return needsHistory && checkingHistory ? {kind: 'checking'} : {kind: 'enabled'}
}

/**
 * The mark that copy went overdue. A due time passing writes nothing, so no webhook (ours or
 * Sanity's) could see it; the cron (`npm run audit -- --overdue --notify`) writes this one
 * entry of the assignment trail instead, and the `overdue` webhook fires on it. One mark per
 * due time: a new wait (a reopen, a stale approval) or a reviewer's new due time can be
 * marked again once it passes. The lake re-runs `markOverdue` with its own clock, so a mark
 * on copy that is not overdue, or a second one, never reaches reviewers.
 */
import {shortKey} from '../rules/hash'
import type {PressReleaseDocument} from '../rules/types'
import {dueSince, overdue} from './due'
import type {ReviewPolicy} from './policy'
import type {AssignmentEntry, EditorialReview, ReviewUser} from './types'

/** The mark already made for the current due time, if any. */
export function overdueMarkOf(document: PressReleaseDocument): AssignmentEntry | undefined {
  const since = dueSince(document)
  if (!since) return undefined
  return document.review?.assignments?.findLast((entry) => entry.action === 'overdue' && Date.parse(entry.at) >= since.getTime())
}

export interface OverdueMarkInput {
  /** Who writes the mark: the cron's token. */
  user: ReviewUser
  /** When; the lake passes its commit time. */
  now: Date
}

export type OverdueMarkResult = {ok: true; review: EditorialReview; entry: AssignmentEntry} | {ok: false; reason: string}

/** The review with the mark appended, or why the copy cannot be marked now; never mutates the document. */
export function markOverdue(
  document: PressReleaseDocument,
  {user, now}: OverdueMarkInput,
  policy: Pick<ReviewPolicy, 'reviewWithinHours'>,
): OverdueMarkResult {
  // The entry names who wrote it; a tokenless request is nobody in particular.
  if (user.anonymous) return {ok: false, reason: 'an overdue mark names who wrote it: send a token (SANITY_API_TOKEN), not none.'}
  if (Number.isNaN(now.getTime())) return {ok: false, reason: 'the time of the overdue mark is not a valid date.'}
  const late = overdue(document, policy, now)
  if (!late) {
    return {
      ok: false,
      reason: `the copy is not overdue as of ${now.toISOString()} (only flagged copy waiting for review past its due time is; review within ${policy.reviewWithinHours} h).`,
    }
  }
  const marked = overdueMarkOf(document)
  if (marked) {
    return {
      ok: false,
      reason: `the copy was already marked overdue at ${marked.at} for its due time ${late.dueAt.toISOString()}; one mark per due time.`,
    }
  }
  const previous = document.review?.assignments ?? []
  const at = now.toISOString()
  const entry: AssignmentEntry = {
    _key: shortKey(`${previous.length}|${at}|${user.id}|overdue`),
    _type: 'reviewAssignment',
    action: 'overdue',
    userId: user.id,
    userName: user.name,
    at,
    dueAt: late.dueAt.toISOString(),
  }
  const review: EditorialReview = {
    _type: 'editorialReview',
    status: 'pending',
    thirdParty: true,
    ...document.review,
    assignments: [...previous, entry],
  }
  return {ok: true, review, entry}
}

/**
 * The review state machine as a table: a status and an event give the next status,
 * and a missing entry means the event is not allowed in that status.
 */
import {contentHash} from './contentHash'
import type {PressReleaseDocument} from '../rules/types'
import type {EffectiveStatus, ReviewEvent, ReviewStatus} from './types'

export const TRANSITIONS: Readonly<Record<ReviewStatus, Readonly<Partial<Record<ReviewEvent, ReviewStatus>>>>> = {
  pending: {
    approve: 'approved',
    requestChanges: 'changesRequested',
    reject: 'rejected',
    contentChanged: 'pending',
  },
  approved: {
    // An approval judged specific content; once it changes, the copy needs review again.
    contentChanged: 'pending',
    requestChanges: 'changesRequested',
    reject: 'rejected',
    reopen: 'pending',
  },
  changesRequested: {
    approve: 'approved',
    // A further request replaces the note; the trail keeps both.
    requestChanges: 'changesRequested',
    reject: 'rejected',
    reopen: 'pending',
    // Edits are what was asked for; the request stands until a reviewer decides.
    contentChanged: 'changesRequested',
  },
  rejected: {
    // Rejection is final unless a reviewer deliberately reopens the copy.
    reopen: 'pending',
    contentChanged: 'rejected',
  },
}

/** The next status, or undefined when the event is not allowed in this status. */
export function transition(status: ReviewStatus, event: ReviewEvent): ReviewStatus | undefined {
  return TRANSITIONS[status]?.[event]
}

/** Events allowed in a status, in table order. */
export function allowedEvents(status: ReviewStatus): ReviewEvent[] {
  return Object.keys(TRANSITIONS[status] ?? {}) as ReviewEvent[]
}

/**
 * The status that counts: a stored approval whose content hash no longer matches the
 * document (or was never recorded) has become pending again; `stale` says an approval
 * of other content exists, whether or not the status has been stepped back yet.
 */
export function effectiveStatus(document: PressReleaseDocument, hash?: string): EffectiveStatus {
  const review = document.review
  const status = review?.status ?? 'pending'
  // The `contentChanged` step (the local lake takes it on the edit) keeps the approved hash
  // and the trail: pending because the approved copy changed is still an outdated approval.
  const last = review?.decisions?.at(-1)
  if (status === 'pending' && last?.status === 'approved' && review?.contentHash === last.contentHash)
    return {status, stale: review.contentHash !== (hash ?? contentHash(document))}
  // Only an approval is tied to content, so only an approval pays for hashing it.
  if (status !== 'approved' || review?.contentHash === (hash ?? contentHash(document))) return {status, stale: false}
  return {status: transition(status, 'contentChanged') ?? 'pending', stale: true}
}

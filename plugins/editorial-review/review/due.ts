/**
 * When flagged copy waiting for review is due. It waits from its import, or from the last
 * decision (a reopen sends it back to review; an approval that went stale counts from the
 * approval, the last moment the lake knows a reviewer looked), and is due `reviewWithinHours`
 * later, unless a reviewer moved the due time (with a note, in the assignment trail). Pure, so the audit, the queue and notifications agree on what "overdue" means.
 */
import type {PressReleaseDocument} from '../rules/types'
import type {ReviewPolicy} from './policy'
import type {AssignmentEntry} from './types'
import {effectiveStatus} from './state'

const HOUR_MS = 3_600_000

/** The latest valid time among `times`, or undefined. */
function latest(times: (string | undefined)[]): Date | undefined {
  const valid = times.map((time) => (time ? Date.parse(time) : NaN)).filter((ms) => Number.isFinite(ms))
  return valid.length ? new Date(Math.max(...valid)) : undefined
}

/** Since when the copy waits for a reviewer; undefined when it carries no time at all. */
export function waitingSince(document: PressReleaseDocument): Date | undefined {
  return latest([document.source?.importedAt ?? document._createdAt, document.review?.decisions?.at(-1)?.at])
}

export interface Overdue {
  waitingSince: Date
  dueAt: Date
}

/** The latest `setDue` of the assignment trail, if made since the copy started waiting: a reopen or a stale approval starts a new wait. */
function currentDueChange(document: PressReleaseDocument): AssignmentEntry | undefined {
  const set = document.review?.assignments?.findLast((entry) => entry.action === 'setDue')
  const since = waitingSince(document)
  return set && since && Date.parse(set.at) >= since.getTime() ? set : undefined
}

/** The due time a reviewer set for the current wait. */
export function dueOverride(document: PressReleaseDocument): Date | undefined {
  const set = currentDueChange(document)
  if (!set?.dueAt) return undefined
  const due = new Date(set.dueAt)
  return Number.isNaN(due.getTime()) ? undefined : due
}

/**
 * Since when the current due time holds: the start of the wait, or a reviewer's later due
 * change. An overdue mark made before it belongs to an earlier due time (./overdueMark.ts).
 */
export function dueSince(document: PressReleaseDocument): Date | undefined {
  const since = waitingSince(document)
  const changed = currentDueChange(document)
  return changed ? new Date(Math.max(since!.getTime(), Date.parse(changed.at))) : since
}

/**
 * When flagged copy waiting for review is due: a reviewer's override, else `reviewWithinHours`
 * after it started waiting. Undefined for copy that is not waiting (own copy, decided copy).
 */
export function dueTime(document: PressReleaseDocument, policy: Pick<ReviewPolicy, 'reviewWithinHours'>): Date | undefined {
  if (document.review?.thirdParty !== true || effectiveStatus(document).status !== 'pending') return undefined
  const since = waitingSince(document)
  if (!since) return undefined
  return dueOverride(document) ?? new Date(since.getTime() + policy.reviewWithinHours * HOUR_MS)
}

/**
 * Why the copy is overdue (since when it waits, when it was due), or undefined when it is
 * not: own copy, decided copy (changes requested, rejected, a current approval) and copy
 * still within its time are not overdue.
 */
export function overdue(
  document: PressReleaseDocument,
  policy: Pick<ReviewPolicy, 'reviewWithinHours'>,
  now: Date,
): Overdue | undefined {
  const dueAt = dueTime(document, policy)
  const since = waitingSince(document)
  return dueAt && since && dueAt.getTime() < now.getTime() ? {waitingSince: since, dueAt} : undefined
}

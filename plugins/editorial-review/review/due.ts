/**
 * When flagged copy waiting for review is due. It waits from its import, or from the last
 * decision (a reopen sends it back to review; an approval that went stale counts from the
 * approval, the last moment the lake knows a reviewer looked), and is due `reviewWithinHours`
 * later. Pure, so the audit, the queue and notifications agree on what "overdue" means.
 */
import type {PressReleaseDocument} from '../rules/types'
import type {ReviewPolicy} from './policy'
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
  if (document.review?.thirdParty !== true || effectiveStatus(document).status !== 'pending') return undefined
  const since = waitingSince(document)
  if (!since) return undefined
  const dueAt = new Date(since.getTime() + policy.reviewWithinHours * HOUR_MS)
  return dueAt.getTime() < now.getTime() ? {waitingSince: since, dueAt} : undefined
}

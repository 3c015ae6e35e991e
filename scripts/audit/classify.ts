/**
 * Whether one published document is public without a current approval, and what kind
 * of problem that is. Pure: it asks the same `canPublish` gate the Studio and the lake
 * use, so the audit cannot disagree with them about what may be public.
 */
import {
  canPublish,
  contentHash,
  effectiveStatus,
  type DetectContext,
  type PressReleaseDocument,
} from '../../plugins/editorial-review/core'

/** Why a published document should not be public. */
export type ProblemKind = 'neverApproved' | 'approvalWithdrawn' | 'approvalOutdated' | 'changesRequested' | 'rejected'

export interface AuditProblem {
  /** Published document id. */
  id: string
  title: string | null
  slug: string | null
  problem: ProblemKind
  /** One line naming the problem. */
  summary: string
  /** What an operator should do about it. */
  advice: string
  /** The stored review status (`pending` when there is no review at all). */
  status: string
  /** Why the copy counts as third-party: flagged on the document, or found by the detection rules now. */
  thirdPartyBy: 'review' | 'detection'
  /** Hash the latest decision judged, if any. */
  approvedHash: string | null
  /** Hash of the published content now. */
  currentHash: string
  /** The latest decision of the audit trail, if any. */
  lastDecision: {action: string; status: string; userName: string; at: string; note: string | null} | null
  /** The gate's own reasons, as the Studio would show them. */
  reasons: string[]
}

const UNPUBLISH = 'Unpublish it now (Studio: the document menu, Unpublish)'

/** Each kind's one-line summary and advice; the table is the audit's vocabulary. */
export const PROBLEMS: Record<ProblemKind, {summary: string; advice: string}> = {
  neverApproved: {
    summary: 'Third-party copy published without any approval.',
    advice: `${UNPUBLISH}, or have a reviewer approve it in the Studio and publish it again.`,
  },
  approvalWithdrawn: {
    summary: 'Third-party copy published after its approval was withdrawn (reopened for review).',
    advice: `${UNPUBLISH}, or have a reviewer approve it again and publish it again.`,
  },
  approvalOutdated: {
    summary: 'Approval outdated: the published content changed after it was approved.',
    advice: `${UNPUBLISH}, or have a reviewer approve the current version and publish it again. Find out who wrote to the published document directly (API token, script, migration): the Studio cannot publish unapproved changes.`,
  },
  changesRequested: {
    summary: 'Published although a reviewer requested changes.',
    advice: `${UNPUBLISH}; make the requested changes in the draft and ask for a new review.`,
  },
  rejected: {
    summary: 'Published although a reviewer rejected it.',
    advice: `${UNPUBLISH}. Rejected copy stays unpublished unless a reviewer reopens it.`,
  },
}

function problemKind(document: PressReleaseDocument, currentHash: string): ProblemKind {
  const {status, stale} = effectiveStatus(document, currentHash)
  if (stale) return 'approvalOutdated'
  if (status === 'pending') {
    const everApproved = document.review?.decisions?.some((decision) => decision.status === 'approved') ?? false
    return everApproved ? 'approvalWithdrawn' : 'neverApproved'
  }
  // effectiveStatus never reports a current approval here: canPublish said no.
  return status === 'approved' ? 'approvalOutdated' : status
}

/**
 * The problem with a published document, or undefined when it may be public. A
 * detection context makes the audit also catch third-party copy that was written
 * without its review flag; without one, only `review.thirdParty` counts.
 */
export function classify(document: PressReleaseDocument & {_id: string}, context?: DetectContext): AuditProblem | undefined {
  const verdict = canPublish(document, context ? {context} : {})
  if (verdict.ok) return undefined
  const currentHash = contentHash(document)
  const problem = problemKind(document, currentHash)
  const last = document.review?.decisions?.at(-1)
  return {
    id: document._id,
    title: document.title ?? null,
    slug: document.slug?.current ?? null,
    problem,
    ...PROBLEMS[problem],
    status: document.review?.status ?? 'pending',
    thirdPartyBy: document.review?.thirdParty ? 'review' : 'detection',
    approvedHash: document.review?.contentHash ?? null,
    currentHash,
    lastDecision: last
      ? {action: last.action, status: last.status, userName: last.userName, at: last.at, note: last.note ?? null}
      : null,
    reasons: verdict.reasons,
  }
}

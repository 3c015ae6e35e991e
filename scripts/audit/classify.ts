/**
 * Whether one published document is public without a current approval, whether the
 * approval it carries holds up against the history, and what kind of problem each
 * failure is. Pure: the History API and the project's members are read elsewhere
 * (history.ts, members.ts, approvals.ts) and handed in as evidence; the gate is the same
 * `canPublish` the Studio and the lake use, so the audit cannot disagree with them about
 * what may be public.
 */
import {
  canPublish,
  contentHash,
  effectiveStatus,
  isReviewer,
  type Decision,
  type DetectContext,
  type FieldChange,
  type PressReleaseDocument,
} from '../../plugins/editorial-review/core'

/** Why a published document should not be public. */
export type ProblemKind =
  | 'neverApproved'
  | 'approvalWithdrawn'
  | 'approvalOutdated'
  | 'changesRequested'
  | 'rejected'
  | 'approvalNotRecorded'
  | 'forgedApproval'
  | 'approverNotReviewer'
  | 'fourEyesViolated'
  | 'approvalHashMismatch'
  | 'approvalPostdated'

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
  /** Why the copy counts as third-party: flagged on the document, found by the detection rules now, or not at all. */
  thirdPartyBy: 'review' | 'detection' | null
  /** Hash the latest decision judged, if any. */
  approvedHash: string | null
  /** Hash of the published content now. */
  currentHash: string
  /** The latest decision of the audit trail, if any. */
  lastDecision: {action: string; status: string; userId: string; userName: string; at: string; note: string | null} | null
  /** The gate's own reasons, or what the history showed about the approval. */
  reasons: string[]
  /**
   * For `approvalOutdated`: what changed from the approved content (read from the History
   * API at the revision that wrote the approval) to the published content.
   */
  changesSinceApproval?: FieldChange[]
}

/** A published approval whose author the History API can no longer tell. */
export interface UnverifiedApproval {
  id: string
  title: string | null
  reason: string
}

const UNPUBLISH = 'Unpublish it now (Studio: the document menu, Unpublish)'
const INVESTIGATE =
  'Find out who holds the token that wrote it (the History API names the transaction and its author) and revoke it if needed.'

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
  approvalNotRecorded: {
    summary: 'Marked approved, but no approval of this content is on record (audit trail or History API).',
    advice: `${UNPUBLISH}, or have a reviewer approve it in the Studio and publish it again. ${INVESTIGATE}`,
  },
  forgedApproval: {
    summary: 'The approval names a reviewer who did not write it: another account wrote the decision.',
    advice: `${UNPUBLISH} and have the named reviewer (or another) approve it themselves. ${INVESTIGATE}`,
  },
  approverNotReviewer: {
    summary: 'Approved by someone without a reviewer role in the project.',
    advice: `${UNPUBLISH} and have a reviewer approve it. If the approver should review, give them a reviewer role first.`,
  },
  fourEyesViolated: {
    summary: 'Approved by the person who last changed the copy (four-eyes rule).',
    advice: `${UNPUBLISH} and have a different reviewer approve it.`,
  },
  approvalHashMismatch: {
    summary:
      'The approval’s content hash does not match the content it was written on: a hash copied or recomputed onto content nobody approved.',
    advice: `${UNPUBLISH}, compare the published content with what the reviewer saw (History API), and have a reviewer approve the current content. ${INVESTIGATE}`,
  },
  approvalPostdated: {
    summary: 'The approval is dated after the transaction that wrote it (or carries no valid date).',
    advice: `${UNPUBLISH} and have a reviewer approve it again; a decision's time is set when it is made. ${INVESTIGATE}`,
  },
}

/** How far a decision's own time may run ahead of its transaction's: the Studio stamps it on the editor's machine. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000

type Document = PressReleaseDocument & {_id: string}

function thirdPartyBy(document: PressReleaseDocument, thirdParty: boolean): AuditProblem['thirdPartyBy'] {
  if (!thirdParty) return null
  return document.review?.thirdParty ? 'review' : 'detection'
}

function problemFor(
  document: Document,
  problem: ProblemKind,
  {thirdParty, reasons, currentHash}: {thirdParty: boolean; reasons: string[]; currentHash: string},
): AuditProblem {
  const last = document.review?.decisions?.at(-1)
  return {
    id: document._id,
    title: document.title ?? null,
    slug: document.slug?.current ?? null,
    problem,
    ...PROBLEMS[problem],
    status: document.review?.status ?? 'pending',
    thirdPartyBy: thirdPartyBy(document, thirdParty),
    approvedHash: document.review?.contentHash ?? null,
    currentHash,
    lastDecision: last
      ? {
          action: last.action,
          status: last.status,
          userId: last.userId,
          userName: last.userName,
          at: last.at,
          note: last.note ?? null,
        }
      : null,
    reasons,
  }
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
 * The problem with a published document, or undefined when the gate lets it be public.
 * A detection context makes the audit also catch third-party copy that was written
 * without its review flag; without one, only `review.thirdParty` counts.
 */
export function classify(document: Document, context?: DetectContext): AuditProblem | undefined {
  const verdict = canPublish(document, context ? {context} : {})
  if (verdict.ok) return undefined
  const currentHash = contentHash(document)
  return problemFor(document, problemKind(document, currentHash), {thirdParty: true, reasons: verdict.reasons, currentHash})
}

/**
 * The approval a published document's review status rests on: undefined when the review
 * does not count as approved (classify covers that), `missing` when it counts as
 * approved but the trail's latest decision is not an approval of exactly this content
 * (status and hash written without a decision), else the decision to verify.
 */
export function approvalOnRecord(document: PressReleaseDocument): {decision: Decision} | 'missing' | undefined {
  const currentHash = contentHash(document)
  if (effectiveStatus(document, currentHash).status !== 'approved') return undefined
  const latest = document.review?.decisions?.at(-1)
  const approves = latest?.action === 'approve' && latest.status === 'approved' && latest.contentHash === currentHash
  return approves ? {decision: latest} : 'missing'
}

/** What the History API and the project's members say about one approving decision. */
export interface ApprovalEvidence {
  /** The earliest retained revision whose document carries the decision; undefined when none does. */
  written?: {
    transactionId: string
    /** The transaction's author, as the Content Lake recorded it. */
    author: string
    timestamp: string
    /** Which of the group's documents (draft, published, version) the transaction wrote. */
    documentId: string
    /** History squashed past the retention window: its author is not the decision's writer. */
    squashed: boolean
    /** The document as that transaction left it. */
    document: PressReleaseDocument
    /** The decision as that transaction wrote it. */
    decision: Decision
  }
  /** Who last changed the judged content of `written.documentId`, up to that transaction. */
  lastContentEditor?: string
  /** The approver's roles in the project; empty when they are not a member. */
  approverRoles: string[]
}

export interface ApprovalVerdict {
  problems: AuditProblem[]
  /** Set when the approval predates the retained history, so its writer cannot be checked. */
  unverified?: UnverifiedApproval
}

/**
 * Checks one published approval against the history: who wrote it, whether they may
 * review, the four-eyes rule, the content it was written on, and its date. Each failed
 * check is a problem of its own, so an operator sees everything wrong at once.
 */
export function verifyApproval(
  document: Document,
  approval: {decision: Decision} | 'missing',
  evidence: ApprovalEvidence | undefined,
  policy: {reviewerRoles: readonly string[]; fourEyes: boolean},
  context?: DetectContext,
): ApprovalVerdict {
  const currentHash = contentHash(document)
  const thirdParty = canPublish(document, context ? {context} : {}).thirdParty
  const problem = (kind: ProblemKind, reason: string) => problemFor(document, kind, {thirdParty, reasons: [reason], currentHash})

  if (approval === 'missing')
    return {
      problems: [
        problem(
          'approvalNotRecorded',
          `The review says approved with hash ${currentHash}, but the latest decision of its trail is not an approval of that content.`,
        ),
      ],
    }
  const {decision} = approval
  const problems: AuditProblem[] = []
  if (!isReviewer({roles: evidence?.approverRoles ?? []}, policy.reviewerRoles)) {
    const roles = evidence?.approverRoles.length ? evidence.approverRoles.join(', ') : 'no role: not a project member'
    problems.push(
      problem(
        'approverNotReviewer',
        `The approver ${decision.userId} has ${roles}; reviewers hold one of ${policy.reviewerRoles.join(', ')}.`,
      ),
    )
  }
  const written = evidence?.written
  if (!written) {
    problems.push(
      problem(
        'approvalNotRecorded',
        `No revision of this document in the History API carries the decision ${decision._key} by ${decision.userId}.`,
      ),
    )
    return {problems}
  }
  if (written.squashed) {
    const reason = `The approval by ${decision.userId} predates the History API's retention window, so who wrote it cannot be checked.`
    return {problems, unverified: {id: document._id, title: document.title ?? null, reason}}
  }

  const where = `transaction ${written.transactionId} on ${written.documentId}`
  if (written.author !== decision.userId)
    problems.push(
      problem('forgedApproval', `The decision names ${decision.userId}; ${where} that wrote it is by ${written.author}.`),
    )
  if (policy.fourEyes && evidence.lastContentEditor === decision.userId)
    problems.push(problem('fourEyesViolated', `${decision.userId} last changed the judged content and approved it (${where}).`))
  const hashThen = contentHash(written.document)
  if (hashThen !== decision.contentHash || written.decision.contentHash !== decision.contentHash)
    problems.push(
      problem(
        'approvalHashMismatch',
        `The decision now claims ${decision.contentHash}; ${where} wrote it as ${written.decision.contentHash} on content ${hashThen}.`,
      ),
    )
  const ahead = Date.parse(decision.at) - Date.parse(written.timestamp)
  if (!(ahead <= CLOCK_SKEW_MS))
    problems.push(
      problem(
        'approvalPostdated',
        `The decision is dated ${decision.at || '(no date)'}; ${where} wrote it at ${written.timestamp}.`,
      ),
    )
  return {problems}
}

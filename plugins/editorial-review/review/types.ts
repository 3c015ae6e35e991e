/**
 * The review model: the `editorialReview` object stored on a press release, and the
 * decisions appended to its audit trail.
 */
import type {FINDING_TYPE, FindingCode, Severity, StoredFinding} from '../rules/types'

export type ReviewStatus = 'pending' | 'approved' | 'changesRequested' | 'rejected'

/** What a reviewer can decide. */
export type ReviewAction = 'approve' | 'requestChanges' | 'reject' | 'reopen'

/** What moves the state: a reviewer's action, or an edit to the judged content. */
export type ReviewEvent = ReviewAction | 'contentChanged'

/** What the Studio shows next to a document; undefined for copy that needs no review. */
export type ReviewBadge = 'needsReview' | 'approved' | 'approvalOutdated' | 'changesRequested' | 'rejected'

/** A finding as a decision records it: what the reviewer was shown, without the passages. */
export interface JudgedFinding {
  _key: string
  _type: typeof FINDING_TYPE
  code: FindingCode
  severity: Severity
  message: string
}

export interface Decision {
  _key: string
  _type: 'reviewDecision'
  action: ReviewAction
  /** The status the decision led to. */
  status: ReviewStatus
  userId: string
  userName: string
  /** ISO 8601 timestamp. */
  at: string
  note?: string
  /** Hash of the content the decision judged. */
  contentHash: string
  findings: JudgedFinding[]
}

export interface EditorialReview {
  _type: 'editorialReview'
  status: ReviewStatus
  /** Set at import, or by a decision on copy detected as third-party. */
  thirdParty: boolean
  /** Hash of the content the latest decision judged. */
  contentHash?: string
  /** Findings stored at import or with the latest decision; the Studio recomputes them live. */
  findings?: StoredFinding[]
  /** Append-only audit trail. */
  decisions?: Decision[]
  /** The judged fields as the latest approval saw them (canonical JSON; see approvedSnapshot.ts): what the diff since approval compares against. */
  approvedContent?: string
  /** The reviewer who has the copy now; set only through an assignment entry (./assign.ts). */
  assignee?: Assignee
  /** Append-only trail of claims, assignments and due-time changes. */
  assignments?: AssignmentEntry[]
}

/** What a reviewer can do about who has the copy and when it is due. */
export type AssignmentAction = 'claim' | 'assign' | 'unassign' | 'setDue'

/** What the assignment trail records: reviewers' actions, and the mark that the copy went overdue (./overdueMark.ts). */
export type AssignmentTrailAction = AssignmentAction | 'overdue'

/** A reviewer named on the copy, as stored: the id decides, the name is for lists. */
export interface Assignee {
  userId: string
  userName: string
}

/** One entry of the assignment trail: who changed what, when, and why. */
export interface AssignmentEntry {
  _key: string
  _type: 'reviewAssignment'
  action: AssignmentTrailAction
  /** Who acted. */
  userId: string
  userName: string
  /** ISO 8601 timestamp. */
  at: string
  /** Who has the copy after a claim or assignment. */
  assignee?: Assignee
  /** The new due time of a `setDue`, or the due time an `overdue` mark found passed; ISO 8601. */
  dueAt?: string
  note?: string
}

export interface ReviewUser {
  id: string
  name: string
  /** Role names, e.g. ['administrator']. */
  roles: string[]
  /** True when the backend serves this user without a sign-in (the local lake's tokenless default): nobody in particular, so no decisions. */
  anonymous?: boolean
}

/** The status a document really has: an approval of content since changed no longer counts. */
export interface EffectiveStatus {
  status: ReviewStatus
  /** True when an approval exists but judged different content. */
  stale: boolean
}

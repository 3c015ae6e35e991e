/**
 * Published documents as the audit query returns them (TypeGen's row types, `null` for
 * absent fields) turned into the shape the review model reads. This is also where
 * stored review data is checked for shape: a forger need not write well-formed
 * decisions, so a decision missing a field keeps its place in the trail with an empty
 * value, which no verification can mistake for a real approval.
 */
import type {
  AssignmentEntry,
  Decision,
  EditorialReview,
  JudgedFinding,
  PressReleaseDocument,
} from '../../plugins/editorial-review/core'
import type {PublishedReviewedForAuditQueryResult} from '../../sanity.types'

export type AuditRow = PublishedReviewedForAuditQueryResult[number]

/** A published document of a reviewed type, as the audit classifies it. */
export type AuditedDocument = PressReleaseDocument & {_id: string; _type: string}

type StoredReview = NonNullable<Extract<AuditRow, {_type: 'pressRelease'}>['review']>
type StoredDecision = NonNullable<StoredReview['decisions']>[number]
type StoredAssignment = NonNullable<StoredReview['assignments']>[number]

/** An assignment entry as the due time reads it; one without an action or time counts for nothing. */
function assignmentFrom(entry: StoredAssignment): AssignmentEntry[] {
  if (!entry.action || !entry.at) return []
  return [
    {
      _key: entry._key,
      _type: 'reviewAssignment',
      action: entry.action,
      userId: entry.userId ?? '',
      userName: entry.userName ?? '',
      at: entry.at,
      ...(entry.dueAt ? {dueAt: entry.dueAt} : {}),
    },
  ]
}

function judgedFindings(decision: StoredDecision): JudgedFinding[] {
  return (decision.findings ?? []).flatMap(({_key, code, severity, message}) =>
    code && severity && message ? [{_key, _type: 'reviewFinding' as const, code, severity, message}] : [],
  )
}

function decisionFrom(decision: StoredDecision): Decision {
  return {
    _key: decision._key,
    _type: 'reviewDecision',
    action: decision.action ?? 'reopen',
    status: decision.status ?? 'pending',
    userId: decision.userId ?? '',
    userName: decision.userName ?? '',
    at: decision.at ?? '',
    ...(decision.note ? {note: decision.note} : {}),
    contentHash: decision.contentHash ?? '',
    findings: judgedFindings(decision),
  }
}

/** The review as the gate reads it; stored findings are left out, the audit detects afresh. */
export function reviewFrom(review: StoredReview | null | undefined): EditorialReview | undefined {
  if (!review) return undefined
  return {
    _type: 'editorialReview',
    status: review.status ?? 'pending',
    thirdParty: review.thirdParty === true,
    ...(review.contentHash != null ? {contentHash: review.contentHash} : {}),
    ...(review.decisions ? {decisions: review.decisions.map(decisionFrom)} : {}),
    // A reviewer's due time overrides the policy's (`npm run audit -- --overdue`).
    ...(review.assignments ? {assignments: review.assignments.flatMap(assignmentFrom)} : {}),
  }
}

export function auditedDocumentFrom(row: AuditRow): AuditedDocument {
  return {
    _id: row._id,
    _type: row._type,
    _rev: row._rev,
    _updatedAt: row._updatedAt,
    ...(row.title != null ? {title: row.title} : {}),
    ...(row.slug != null ? {slug: row.slug} : {}),
    ...(row.language != null ? {language: row.language} : {}),
    ...(row.dateline != null ? {dateline: row.dateline} : {}),
    ...(row.body != null ? {body: row.body} : {}),
    ...(row.distributor != null ? {distributor: row.distributor} : {}),
    ...(row.disclaimer != null ? {disclaimer: row.disclaimer} : {}),
    ...(row.categories != null ? {categories: row.categories} : {}),
    // An article's credits are judged content (the hash) and what the reuse rule checks.
    ...('credits' in row && row.credits != null ? {credits: row.credits} : {}),
    ...(row.review != null ? {review: reviewFrom(row.review)} : {}),
  }
}

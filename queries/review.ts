/**
 * Queries for editorial tools (the Studio's review queue, scripts, the audit). Run them
 * with the `raw` perspective and a token that can read drafts: they look at drafts and
 * published documents side by side.
 */
import {defineQuery} from 'groq'

/**
 * The copy a reviewer works on: the draft when there is one, else the published
 * document. Release versions are left to the Studio's releases tool.
 */
const WORKING_COPY = `_type == "pressRelease" && !(_id in path("versions.**"))
  && (_id in path("drafts.**") || !(("drafts." + _id) in *[_type == "pressRelease" && _id in path("drafts.**")]._id))`

/**
 * Copy that needs a reviewer at all: flagged third-party, from a distributor, reusing a
 * release above the threshold without credit (a finding that a credit clears), or already decided on.
 */
const REVIEWED = `(review.thirdParty == true || defined(distributor) || "releaseReuse" in review.findings[].code || count(review.decisions) > 0)`

/** Since when the copy waits: its import (or creation), or the last decision if later; as `review/due.ts` counts. */
const ARRIVED = `dateTime(coalesce(source.importedAt, _createdAt))`
const WAITING_SINCE = `select(dateTime(review.decisions[-1].at) > ${ARRIVED} => dateTime(review.decisions[-1].at), ${ARRIVED})`
const LAST_DUE_CHANGE = `review.assignments[action == "setDue"][-1]`

/**
 * When the copy is due, as `dueTime` in `review/due.ts` says: a reviewer's due time set
 * during the current wait, else `$reviewWithinSeconds` after it started waiting.
 */
export const DUE_AT = `select(dateTime(${LAST_DUE_CHANGE}.at) >= ${WAITING_SINCE} => dateTime(${LAST_DUE_CHANGE}.dueAt), ${WAITING_SINCE} + $reviewWithinSeconds)`

/** Open work a reviewer can hold: waiting for review, or waiting for the changes a reviewer asked for. */
const OPEN = `${REVIEWED} && coalesce(review.status, "pending") in ["pending", "changesRequested"]`

/**
 * Each lane's condition, shared with the Studio's "Review queue" lists (which query under
 * the drafts perspective), so tools and editors see the same lanes. The lanes read the
 * stored `review` fields; the local lake keeps `thirdParty` and `findings` current on
 * every write, and a hosted Studio writes them on save.
 */
export const REVIEW_LANES = {
  needsReview: `${REVIEWED} && coalesce(review.status, "pending") == "pending"`,
  changesRequested: `${REVIEWED} && review.status == "changesRequested"`,
  // Under the Studio's drafts perspective a draft carries its published id and is told apart by `_originalId`.
  approvedUnpublished: `(_id in path("drafts.**") || _originalId in path("drafts.**")) && review.status == "approved"`,
  rejected: `${REVIEWED} && review.status == "rejected"`,
  // `identity()` is whoever asks: the signed-in Studio user, or a script's token.
  assignedToMe: `${OPEN} && review.assignee.userId == identity()`,
  unassigned: `${REVIEWED} && coalesce(review.status, "pending") == "pending" && !defined(review.assignee)`,
  // Needs `$reviewWithinSeconds` (the policy's `reviewWithinHours` × 3600).
  overdue: `review.thirdParty == true && coalesce(review.status, "pending") == "pending" && ${DUE_AT} < dateTime(now())`,
} as const

/** What a queue row shows; `contentHash` lets a tool tell a current approval from a stale one (`effectiveStatus`). */
const QUEUE_ROW = `_id,
  "publishedId": string::split(_id, "drafts.")[-1],
  "isDraft": _id in path("drafts.**"),
  title,
  language,
  _updatedAt,
  "status": coalesce(review.status, "pending"),
  "thirdParty": review.thirdParty == true || defined(distributor),
  "distributor": distributor->name,
  "approvedHash": review.contentHash,
  "lastDecision": review.decisions[-1]{action, status, userName, at, note}`

/**
 * The review queue in four lanes, oldest first so nothing waits forever; `$limit` caps
 * each lane. "Approved but unpublished" are drafts whose approval a tool still has to
 * check for staleness with `effectiveStatus` (GROQ cannot hash the content).
 */
export const reviewQueueQuery = defineQuery(`{
  "needsReview": *[${WORKING_COPY} && ${REVIEW_LANES.needsReview}]
    | order(_updatedAt asc, _id asc) [0...$limit] {${QUEUE_ROW}},
  "changesRequested": *[${WORKING_COPY} && ${REVIEW_LANES.changesRequested}]
    | order(_updatedAt asc, _id asc) [0...$limit] {${QUEUE_ROW}},
  "approvedUnpublished": *[${WORKING_COPY} && ${REVIEW_LANES.approvedUnpublished}]
    | order(_updatedAt asc, _id asc) [0...$limit] {${QUEUE_ROW}},
  "rejected": *[${WORKING_COPY} && ${REVIEW_LANES.rejected}]
    | order(_updatedAt asc, _id asc) [0...$limit] {${QUEUE_ROW}}
}`)

/** What an assignment row shows on top of a queue row: who has it and when it is due. */
const ASSIGNMENT_ROW = `${QUEUE_ROW},
  "assignee": review.assignee.userName,
  "dueAt": ${DUE_AT}`

/**
 * The assignment lanes, as the Studio's queue shows them: the asker's own work (by token),
 * what nobody has claimed, and what is past due (`$reviewWithinSeconds` from the policy).
 * Overdue copy comes first by due time, the rest oldest first.
 */
export const assignmentLanesQuery = defineQuery(`{
  "assignedToMe": *[${WORKING_COPY} && ${REVIEW_LANES.assignedToMe}]
    | order(_updatedAt asc, _id asc) [0...$limit] {${ASSIGNMENT_ROW}},
  "unassigned": *[${WORKING_COPY} && ${REVIEW_LANES.unassigned}]
    | order(_updatedAt asc, _id asc) [0...$limit] {${ASSIGNMENT_ROW}},
  "overdue": *[${WORKING_COPY} && ${REVIEW_LANES.overdue}]
    | order(${DUE_AT} asc, _id asc) [0...$limit] {${ASSIGNMENT_ROW}}
}`)

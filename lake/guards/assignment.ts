/**
 * Who has a reviewed document and when it is due are facts the lake records, like
 * decisions (reviewState.ts). `review.assignee` and the assignment trail change only by
 * one entry appended by the signed-in reviewer, which the lake re-checks with `assign`
 * and the users it knows (the assignee must be one of its reviewers), then records with
 * the commit time and the names from its own directory. Copies between siblings (publish,
 * a draft made from the published copy) keep what they carry.
 */
import canonicalize from 'canonicalize'
import {
  ASSIGNMENT_ACTIONS,
  assign,
  markOverdue,
  type Assignee,
  type AssignmentEntry,
  type EditorialReview,
  type PressReleaseDocument,
  type ReviewPolicy,
} from '../../plugins/editorial-review/core'
import type {Change, GuardContext, LakeUser, SanityDocument} from '../store/types'
import {groupIds} from './contentEditor'

/** As for decisions: a client's clock may run a little ahead of the lake's, never by minutes. */
const FUTURE_SKEW_MS = 60_000

interface AssignmentFacts {
  assignee: Assignee | null
  assignments: AssignmentEntry[]
}

const reviewOf = (document: SanityDocument | null): Partial<EditorialReview> | undefined =>
  document ? (document as PressReleaseDocument).review : undefined

function factsOf(document: SanityDocument | null): AssignmentFacts {
  const review = reviewOf(document)
  return {assignee: review?.assignee ?? null, assignments: review?.assignments ?? []}
}

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b)

export interface AssignmentCheck {
  policy: ReviewPolicy
  /** Who writes. */
  user: LakeUser
  /** The lake's users: whom copy may be assigned to. */
  users: readonly LakeUser[]
  context: GuardContext
}

export type AssignmentOutcome = {ok: true; change: Change} | {ok: false; reason: string}

const refuse = (reason: string): AssignmentOutcome => ({ok: false, reason})

const asReviewUser = (user: LakeUser, anonymous = false) => ({
  id: user.id,
  name: user.name,
  roles: [user.role],
  ...(anonymous ? {anonymous: true} : {}),
})

/** Checks one change of a reviewed document's assignee and assignment trail. */
export function checkAssignment(change: Change, check: AssignmentCheck): AssignmentOutcome {
  const {before, after, id} = change
  if (!after) return {ok: true, change}
  const facts = factsOf(after)
  if (before && same(factsOf(before), facts)) return {ok: true, change}
  // Copies of the same type only: the guard never checked a trail on a type it does not review.
  const copies = groupIds(check.context, id).flatMap((sibling) => {
    const copy = sibling === id ? null : check.context.getDocument(sibling)
    return copy && copy._type === after._type ? [copy] : []
  })
  if (copies.some((sibling) => same(factsOf(sibling), facts))) return {ok: true, change}
  // A deleted document's own last recorded trail (unarchiving a release), as reviewState.ts allows for decisions.
  const lastRecorded = before ? undefined : check.context.historyOf(id).findLast((entry) => entry.after)?.after
  if (lastRecorded?._type === after._type && same(factsOf(lastRecorded), facts)) return {ok: true, change}
  if (!before && facts.assignee === null && facts.assignments.length === 0) return {ok: true, change}

  for (const base of before ? [before] : copies) {
    const earlier = factsOf(base)
    if (
      facts.assignments.length === earlier.assignments.length + 1 &&
      same(facts.assignments.slice(0, -1), earlier.assignments)
    ) {
      return verifyEntry(change as Change & {after: SanityDocument}, base, check)
    }
  }
  return refuse(
    `${id}: review.assignee and the assignment trail change only by one claim, assignment, unassignment or due-time change, appended to the trail by the reviewer who makes it; earlier entries cannot be changed or removed. Use the Studio's Claim, Assign to…, Unassign or Change due date.`,
  )
}

/** One appended entry: re-made by the lake with its own users and clock, and recorded as the lake made it. */
function verifyEntry(change: Change & {after: SanityDocument}, base: SanityDocument, check: AssignmentCheck): AssignmentOutcome {
  const {after, id} = change
  const {user, users, context, policy} = check
  const claim = factsOf(after).assignments.at(-1)!
  if (claim.action !== 'overdue' && !ASSIGNMENT_ACTIONS.includes(claim.action)) {
    return refuse(
      `${id}: "${String(claim.action)}" is not an assignment action (${ASSIGNMENT_ACTIONS.join(', ')}, or the cron's overdue mark).`,
    )
  }
  if (claim.userId !== user.id) {
    return refuse(
      `${id}: the assignment entry is attributed to "${String(claim.userId)}", but "${user.id}" is writing it. Reviewers record their own claims and assignments, signed in as themselves.`,
    )
  }
  const claimedAt = Date.parse(claim.at)
  if (Number.isNaN(claimedAt)) return refuse(`${id}: the assignment entry's time "${String(claim.at)}" is not an ISO 8601 date.`)
  if (claimedAt > Date.parse(context.timestamp) + FUTURE_SKEW_MS) {
    return refuse(`${id}: the assignment entry is dated ${claim.at}, in the future (the lake's time is ${context.timestamp}).`)
  }

  if (claim.action === 'overdue') return verifyOverdueMark(change, base, check)

  let assignee
  if (claim.action === 'assign') {
    const target = users.find((candidate) => candidate.id === claim.assignee?.userId)
    if (!target) {
      return refuse(
        `${id}: the copy is assigned to "${String(claim.assignee?.userId)}", who is not a user of this lake (${users.map(({id: userId}) => userId).join(', ')}).`,
      )
    }
    assignee = asReviewUser(target)
  }
  const made = assign(
    {...(after as PressReleaseDocument), review: reviewOf(base) as EditorialReview | undefined},
    {
      action: claim.action,
      user: asReviewUser(user, !context.authenticated),
      assignee,
      dueAt: claim.dueAt,
      note: claim.note,
      now: context.timestamp,
    },
    {reviewerRoles: policy.reviewerRoles},
  )
  if (!made.ok) return refuse(`${id}: ${made.reason}`)

  const claimedAssignee = reviewOf(after)?.assignee ?? null
  const recordedAssignee = made.review.assignee ?? null
  if (claimedAssignee?.userId !== recordedAssignee?.userId) {
    return refuse(
      `${id}: review.assignee "${String(claimedAssignee?.userId ?? 'nobody')}" does not follow from the ${claim.action} (the lake records "${recordedAssignee?.userId ?? 'nobody'}"). Set review.assignee to whom the entry gives the copy.`,
    )
  }
  const review = {...reviewOf(after), assignments: made.review.assignments}
  if (recordedAssignee) Object.assign(review, {assignee: recordedAssignee})
  else delete review.assignee
  return {ok: true, change: {...change, after: {...after, review}}}
}

/**
 * The cron's overdue mark: accepted when the copy is overdue by the lake's clock and the
 * policy, and not yet marked for this due time, so a forged or repeated mark cannot notify
 * reviewers. Any signed-in writer of the copy may write it (the lake's roles decide who writes
 * where: a contributor only drafts): the lake re-derives the fact, so the writer's role adds
 * no trust, and the cron then needs no token that could approve or publish.
 */
function verifyOverdueMark(
  change: Change & {after: SanityDocument},
  base: SanityDocument,
  check: AssignmentCheck,
): AssignmentOutcome {
  const {after, id} = change
  const {user, context, policy} = check
  const earlier = reviewOf(base)
  if (!same(reviewOf(after)?.assignee ?? null, earlier?.assignee ?? null)) {
    return refuse(
      `${id}: an overdue mark leaves review.assignee as it is; change who has the copy with a claim or an assignment.`,
    )
  }
  const made = markOverdue(
    {...(after as PressReleaseDocument), review: earlier as EditorialReview | undefined},
    {user: asReviewUser(user, !context.authenticated), now: new Date(context.timestamp)},
    policy,
  )
  if (!made.ok) return refuse(`${id}: ${made.reason}`)
  return {ok: true, change: {...change, after: {...after, review: {...reviewOf(after), assignments: made.review.assignments}}}}
}

/**
 * Review decisions are facts the lake records, not fields a client asserts. A change to
 * a reviewed document's review state (status, audit trail, approved content hash) is
 * accepted only when it is one of:
 * - the same state as before, or a copy of a sibling's (publish, unpublish, a draft or
 *   release version made from another copy of the document), or a deleted document's own
 *   last recorded state (unarchiving a release brings its versions back as they were);
 * - a new document starting with no decisions;
 * - exactly one decision appended to the trail, by the signed-in user, that the state
 *   machine allows: the lake re-runs `decide` with the user's role, the four-eyes rule
 *   from its own history and the content as it is, and records the result with the
 *   commit time (whatever earlier time the client wrote), the hash it computed itself
 *   and, for an approval, its own snapshot of the approved content;
 * - the state machine's own `contentChanged` step, taken by an edit (an approval falls
 *   back to pending when the copy it judged changes).
 * Anything else is refused with the reason.
 */
import canonicalize from 'canonicalize'
import {
  contentHash,
  decide,
  detect,
  transition,
  TRANSITIONS,
  type Decision,
  type DetectContext,
  type EditorialReview,
  type PressReleaseDocument,
  type ReviewAction,
  type ReviewPolicy,
  type ReviewStatus,
} from '../../plugins/editorial-review/core'
import type {Change, GuardContext, LakeUser, SanityDocument} from '../store/types'
import {groupIds, lastContentEditor} from './contentEditor'

/** How far a decision's own time may run ahead of the commit: clocks differ a little, never by minutes. */
const FUTURE_SKEW_MS = 60_000

/** What a client may not assert: the status, the trail, the approved hash and the approved content. */
interface ReviewFacts {
  status: ReviewStatus
  contentHash: string | null
  decisions: Decision[]
  /** The snapshot the diff since approval reads: set only by the lake's own `decide` on an approval. */
  approvedContent: string | null
}

const STATUSES = Object.keys(TRANSITIONS) as ReviewStatus[]
const ACTIONS = new Set<string>(
  STATUSES.flatMap((status) => Object.keys(TRANSITIONS[status])).filter((event) => event !== 'contentChanged'),
)

const asRelease = (document: SanityDocument) => document as PressReleaseDocument
const reviewOf = (document: SanityDocument | null): Partial<EditorialReview> | undefined =>
  document ? asRelease(document).review : undefined

function factsOf(document: SanityDocument | null): ReviewFacts {
  const review = reviewOf(document)
  return {
    status: review?.status ?? 'pending',
    contentHash: review?.contentHash ?? null,
    decisions: review?.decisions ?? [],
    approvedContent: review?.approvedContent ?? null,
  }
}

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b)
const sameFacts = (a: ReviewFacts, b: ReviewFacts) => same(a, b)

/** Who decides, as the review model knows users; a request without a token is nobody in particular. */
function reviewUser(user: LakeUser, authenticated: boolean) {
  return {id: user.id, name: user.name, roles: [user.role], ...(authenticated ? {} : {anonymous: true})}
}

/**
 * The other copies of the document that existed before this transaction: where a review state
 * may be copied from. Only copies of the same type: the guard never checked the `review` of a
 * type it does not review, so a client could park any state there (a forged approval) to copy.
 */
function siblings(id: string, type: string, context: GuardContext): SanityDocument[] {
  return groupIds(context, id).flatMap((sibling) => {
    const copy = sibling === id ? null : context.getDocument(sibling)
    return copy && copy._type === type ? [copy] : []
  })
}

/** True when any copy of the document was ever flagged third-party, as far as the lake's history reaches: deleting every copy does not clear it. */
function everFlagged(id: string, context: GuardContext): boolean {
  return groupIds(context, id).some((member) =>
    context
      .historyOf(member)
      .some((entry) => reviewOf(entry.after)?.thirdParty === true || reviewOf(entry.before)?.thirdParty === true),
  )
}

export interface ReviewStateCheck {
  policy: ReviewPolicy
  user: LakeUser
  context: GuardContext
  /** Built once per transaction, only when a decision needs it. */
  detection: () => DetectContext
}

/** The change as the lake will commit it, or why it is refused. */
export type ReviewStateOutcome = {ok: true; change: Change} | {ok: false; reason: string}

/** Checks one change of a reviewed document's review state. */
export function checkReviewState(change: Change, check: ReviewStateCheck): ReviewStateOutcome {
  const {before, after} = change
  if (!after) return {ok: true, change}
  const facts = factsOf(after)
  if (!STATUSES.includes(facts.status)) {
    return refuse(`${change.id}: review.status "${String(facts.status)}" is not a review status (${STATUSES.join(', ')}).`)
  }
  const copies = siblings(change.id, after._type, check.context)
  const bases = before ? [before] : copies
  const lowered =
    reviewOf(after)?.thirdParty !== true &&
    (bases.some((base) => reviewOf(base)?.thirdParty === true) || everFlagged(change.id, check.context))
  if (lowered) {
    return refuse(
      `${change.id}: review.thirdParty cannot be cleared once copy is flagged as third-party; only detection and reviewers' decisions set it.`,
    )
  }
  if (before && sameFacts(factsOf(before), facts)) return {ok: true, change}
  if (copies.some((sibling) => sameFacts(factsOf(sibling), facts))) return {ok: true, change}
  // Its own last state only if that was this reviewed type, whose review states the guard recorded.
  const lastRecorded = before ? undefined : check.context.historyOf(change.id).findLast((entry) => entry.after)?.after
  if (lastRecorded?._type === after._type && sameFacts(factsOf(lastRecorded), facts)) return {ok: true, change}
  if (
    !before &&
    facts.decisions.length === 0 &&
    facts.status === 'pending' &&
    facts.contentHash === null &&
    facts.approvedContent === null
  ) {
    return {ok: true, change}
  }
  if (!before && copies.length === 0) {
    return refuse(
      `${change.id}: a new document starts its review pending, with no decisions and no approved hash; a copy (a duplicate, an import) does not inherit another document's decisions. Leave \`review\` out, or set only its findings and thirdParty flag.`,
    )
  }

  for (const base of bases) {
    const earlier = factsOf(base)
    if (facts.decisions.length === earlier.decisions.length + 1 && same(facts.decisions.slice(0, -1), earlier.decisions)) {
      return verifyDecision(change as Change & {after: SanityDocument}, base, check)
    }
    if (isContentChangedStep(base, after)) return {ok: true, change}
  }
  return refuse(
    `${change.id}: the review state (status, decisions, approved content hash and snapshot) changes only by one reviewer's decision, appended to the audit trail by that reviewer; earlier decisions cannot be changed or removed. Use the Studio's Approve, Request changes, Reject or Reopen.`,
  )
}

/** An edit moved the status the way the state machine's `contentChanged` event does, keeping the trail. */
function isContentChangedStep(base: SanityDocument, after: SanityDocument): boolean {
  const earlier = factsOf(base)
  const facts = factsOf(after)
  if (contentHash(asRelease(base)) === contentHash(asRelease(after))) return false
  if (!same(earlier.decisions, facts.decisions)) return false
  if (facts.contentHash !== null && facts.contentHash !== earlier.contentHash) return false
  if (facts.approvedContent !== earlier.approvedContent) return false
  return facts.status === (transition(earlier.status, 'contentChanged') ?? earlier.status)
}

function refuse(reason: string): ReviewStateOutcome {
  return {ok: false, reason}
}

/** One appended decision: re-decided by the lake, and recorded as the lake decided it. */
function verifyDecision(
  change: Change & {after: SanityDocument},
  base: SanityDocument,
  check: ReviewStateCheck,
): ReviewStateOutcome {
  const {after, id} = change
  const {user, context, policy} = check
  const claim = factsOf(after).decisions.at(-1)!
  if (!ACTIONS.has(claim.action))
    return refuse(`${id}: "${String(claim.action)}" is not a review action (${[...ACTIONS].join(', ')}).`)
  if (claim.userId !== user.id) {
    return refuse(
      `${id}: the decision is attributed to "${String(claim.userId)}", but "${user.id}" is writing it. Reviewers record their own decisions, signed in as themselves.`,
    )
  }
  const claimedAt = Date.parse(claim.at)
  const committedAt = Date.parse(context.timestamp)
  if (Number.isNaN(claimedAt)) return refuse(`${id}: the decision's time "${String(claim.at)}" is not an ISO 8601 date.`)
  if (claimedAt > committedAt + FUTURE_SKEW_MS) {
    return refuse(
      `${id}: the decision is dated ${claim.at}, in the future (the lake's time is ${context.timestamp}). A decision is recorded when it is made.`,
    )
  }
  if (contentHash(asRelease(base)) !== contentHash(asRelease(after))) {
    return refuse(`${id}: a decision cannot change the copy it judges in the same transaction. Save the edit first, then decide.`)
  }

  const document = {...asRelease(after), review: reviewOf(base) as EditorialReview | undefined}
  const action = claim.action as ReviewAction
  const lastEditorId =
    policy.fourEyes && action === 'approve' ? lastContentEditor(context, base === change.before ? id : base._id) : undefined
  const decided = decide(
    document,
    {
      action,
      user: reviewUser(user, context.authenticated),
      note: claim.note,
      now: context.timestamp,
      findings: detect(document, check.detection()),
    },
    {reviewerRoles: policy.reviewerRoles, fourEyes: policy.fourEyes, lastEditorId, rules: policy.rules},
  )
  if (!decided.ok) return refuse(`${id}: ${decided.reason}`)

  const claimedReview = reviewOf(after)!
  const mismatch = [
    claimedReview.status !== decided.review.status && `review.status "${claimedReview.status}"`,
    claim.status !== decided.decision.status && `the decision's status "${claim.status}"`,
    claim.contentHash !== undefined &&
      claim.contentHash !== decided.decision.contentHash &&
      `the decision's contentHash ${claim.contentHash}`,
    claimedReview.contentHash !== undefined &&
      claimedReview.contentHash !== decided.review.contentHash &&
      `review.contentHash ${claimedReview.contentHash}`,
  ].filter(Boolean)
  if (mismatch.length > 0) {
    return refuse(
      `${id}: ${mismatch.join(' and ')} ${mismatch.length > 1 ? 'do' : 'does'} not match what the lake records for a ${action} now (status "${decided.review.status}", content hash ${decided.decision.contentHash}). The lake computes the status and the hash itself.`,
    )
  }
  // The snapshot is the lake's own: `decide` carries the base's or makes one with an approval,
  // never the client's (a non-approval decision on copy with no snapshot would otherwise keep it).
  const {approvedContent: _claimedSnapshot, ...claimed} = claimedReview
  return {ok: true, change: {...change, after: {...after, review: {...claimed, ...decided.review}}}}
}

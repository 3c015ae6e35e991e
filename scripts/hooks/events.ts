/**
 * The newsroom's review events as webhook definitions. Every filter fires on a transition
 * only, comparing `before()` and `after()`, and watches the draft: reviewers decide on the
 * draft (the Studio patches drafts), the import writes drafts, and a publish only copies the
 * draft's state to the published id, so watching both would notify twice.
 */
import {REVIEW_STATUS_TITLES} from '../../plugins/editorial-review/constants'
import {judgedContent, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {DUE_AT} from '../../queries/review'
import {literal} from './groq'

export interface ReviewEvent {
  /** Stable key; also the end of the webhook's name, which `npm run hooks` matches on. */
  key: string
  /** First line of the message. */
  headline: string
  /** Operations the hook listens to. */
  on: ('create' | 'update' | 'delete')[]
  /** The delta-GROQ condition, on top of "a flagged release of a reviewed type, as a draft". */
  when: string
  /** Who acted, as GROQ; left out when no one did (a due time passed). */
  actor?: string
  /** Whom the event is for, as GROQ, when it names someone (the new assignee). */
  recipient?: string
  /** Further facts for the message's context line: label and GROQ. */
  facts?: [label: string, expression: string][]
  /** Which copies it watches, as GROQ; drafts unless given. */
  copies?: string
}

/** The fields a reviewer judges, from the one definition of the judged content (contentHash.ts). */
const JUDGED_FIELDS = Object.keys(judgedContent({} as PressReleaseDocument) ?? {}).filter((key) => key !== 'v')

const decisions = (version: 'before' | 'after') => `coalesce(${version}().review.decisions, [])`
const latest = 'after().review.decisions[-1]'
/**
 * A decision was made by this write: the trail grew, or (a draft the Studio created from the
 * published copy in the same transaction as the decision) its newest entry is from this minute.
 */
const decided = `(count(${decisions('after')}) > count(${decisions('before')}) && (before() != null || dateTime(after()._updatedAt) - dateTime(${latest}.at) < 60))`
const decidedBy = `${latest}.userName`

const assignments = (version: 'before' | 'after') => `coalesce(${version}().review.assignments, [])`
const latestAssignment = 'after().review.assignments[-1]'
/** As `decided`, for the assignment trail: it grew by a claim or an assignment in this write. */
const assignedNow = `(count(${assignments('after')}) > count(${assignments('before')}) && ${latestAssignment}.action in ["claim", "assign"] && (before() != null || dateTime(after()._updatedAt) - dateTime(${latestAssignment}.at) < 60))`

/**
 * The cron's overdue mark was appended by this write (review/overdueMark.ts), within the wait
 * it marks (no decision since), and the copy is overdue by its own fields at the commit time,
 * which a hosted project's server sets: a mark on copy that is not overdue notifies no one
 * there either. (The local lake refuses such a mark, and a second one, outright.)
 */
const markedNow = (reviewWithinHours: number) =>
  [
    `count(${assignments('after')}) > count(${assignments('before')}) && ${latestAssignment}.action == "overdue"`,
    `dateTime(after()._updatedAt) - dateTime(${latestAssignment}.at) < 60`,
    `(!defined(after().review.decisions[-1].at) || dateTime(after().review.decisions[-1].at) <= dateTime(${latestAssignment}.at))`,
    // DUE_AT reads the document's own fields; the policy's hours go in as a number, webhooks take no params.
    `${DUE_AT.replaceAll('$reviewWithinSeconds', String(reviewWithinHours * 3600))} < dateTime(_updatedAt)`,
  ].join(' && ')

/**
 * Whether the target stamps a decision with its commit time. The local lake does (it records
 * decisions itself), so "the approval was the last write" is an exact test there; hosted
 * Sanity stores the Studio's clock, a moment before the commit, so a tolerance stands in.
 */
export type DecisionTimes = 'commit' | 'client'

/** Seconds between a hosted Studio's decision time and its commit, at most. */
const CLIENT_DECISION_SKEW_S = 2

function approvalWasLastWrite(decisionTimes: DecisionTimes): string {
  const at = 'before().review.decisions[-1].at'
  return decisionTimes === 'commit'
    ? `before()._updatedAt == ${at}`
    : `dateTime(before()._updatedAt) - dateTime(${at}) < ${CLIENT_DECISION_SKEW_S}`
}

export const reviewEvents = (decisionTimes: DecisionTimes, reviewWithinHours: number): ReviewEvent[] => [
  {
    key: 'needs-review',
    headline: 'Needs review',
    on: ['create', 'update'],
    // An edit that steps an approval back to pending is "approval outdated", not this.
    when: `after().review.status == "pending" && (before() == null || before().review.status != "pending") && !(before().review.status == "approved" && !(${decided}))`,
    // Import, re-import fallback, or a reviewer reopening it.
    actor: `select(${decided} => ${decidedBy}, before() == null && defined(after().source) => "the import", "an edit")`,
  },
  {
    key: 'changes-requested',
    headline: 'Changes requested',
    on: ['create', 'update'],
    when: `${decided} && ${latest}.action == "requestChanges"`,
    actor: decidedBy,
  },
  {
    key: 'approved',
    headline: 'Approved',
    on: ['create', 'update'],
    when: `${decided} && ${latest}.action == "approve"`,
    actor: decidedBy,
  },
  {
    key: 'approval-outdated',
    headline: 'Approval outdated',
    on: ['update'],
    // The first judged edit after the approval (the approval was the previous write), whether
    // the edit keeps the stored status (the Studio) or takes the state machine's step to pending.
    when: `before().review.status == "approved" && ${approvalWasLastWrite(decisionTimes)} && !(${decided}) && delta::changedAny((${JUDGED_FIELDS.join(', ')}))`,
    actor: '"an edit"',
  },
  {
    key: 'assigned-to-you',
    headline: 'Assigned to you',
    on: ['create', 'update'],
    // A claim or an assignment was appended to the trail by this write and names someone new.
    when: `${assignedNow} && after().review.assignee.userId != before().review.assignee.userId`,
    actor: `${latestAssignment}.userName`,
    recipient: 'after().review.assignee.userName',
  },
  {
    key: 'overdue',
    headline: 'Overdue',
    on: ['update'],
    // A due time passing writes nothing; the cron's mark (`npm run audit -- --overdue --notify`) does.
    when: markedNow(reviewWithinHours),
    facts: [
      ['Due', `${latestAssignment}.dueAt`],
      ['Assigned to', 'coalesce(after().review.assignee.userName, "nobody")'],
    ],
    // The cron marks the copy reviewers work on: the draft, or the published copy when there is none.
    copies: '!(_id in path("versions.**"))',
  },
]

/** The full filter: a flagged copy of a reviewed type (its draft unless the event says), and the event's transition. */
export function filterOf(event: ReviewEvent, types: string[]): string {
  return `_type in [${types.map(literal).join(', ')}] && ${event.copies ?? '_id in path("drafts.**")'} && after().review.thirdParty == true && ${event.when}`
}

export const STATUS_TITLE = `select(${Object.entries(REVIEW_STATUS_TITLES)
  .map(([status, title]) => `after().review.status == ${literal(status)} => ${literal(title)}`)
  .join(', ')}, "Not reviewed")`

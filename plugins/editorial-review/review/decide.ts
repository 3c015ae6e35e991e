/**
 * A reviewer's decision: checked against the roles, the note rule, the four-eyes rule
 * and the state machine, then recorded with the content hash and the findings it
 * judged, and appended to the review's audit trail.
 */
import type {PatchOperations} from '@sanity/client'
import {localized, type LocalizedMessage} from '../i18n/format'
import type {ReviewResourceKey} from '../i18n/resources'
import {isThirdParty, toStoredFindings} from '../rules/detect'
import {shortKey} from '../rules/hash'
import type {Finding, PressReleaseDocument, Rule} from '../rules/types'
import {approvedSnapshot} from './approvedSnapshot'
import {appendToTrail} from './trail'
import {contentHash} from './contentHash'
import {isReviewer} from './roles'
import {effectiveStatus, transition} from './state'
import type {Decision, EditorialReview, ReviewAction, ReviewStatus, ReviewUser} from './types'

export interface DecisionInput {
  /** What the reviewer decides. */
  action: ReviewAction
  /** Who decides. */
  user: ReviewUser
  /** The reviewer's reasoning; required where the editor needs to know what to do. */
  note?: string
  /** When the decision is made; now when omitted (tests and imports pass a fixed time). */
  now?: Date | string
  /** The findings the reviewer was shown, recorded with the decision. */
  findings: Finding[]
}

export interface DecideOptions {
  /** Role names allowed to decide. */
  reviewerRoles: readonly string[]
  /** When set, whoever edited the content last cannot approve it. */
  fourEyes?: boolean
  /** User id of the content's last editor; unknown (e.g. only the import wrote it) means no one is excluded. */
  lastEditorId?: string
  /** The rules table the findings came from, to tell which prove the copy third-party; the built-in one when omitted. */
  rules?: Record<string, Rule>
}

export type DecideResult =
  | {ok: true; review: EditorialReview; decision: Decision}
  | {
      ok: false
      /** Why not, in plain English. */
      reason: string
      /** The same as an i18n key and its values, for the Studio to show in the editor's language. */
      reasonKey: string
      params: Record<string, string>
    }

/** What the note must explain, for actions that require one. */
const NOTE_REQUIRED: Readonly<Partial<Record<ReviewAction, LocalizedMessage>>> = {
  requestChanges: localized('refusal.noteRequired.requestChanges'),
  reject: localized('refusal.noteRequired.reject'),
}

/**
 * A move the state machine does not allow has a sentence of its own per action and
 * status, since action and status words do not combine across languages; a test
 * checks every refused move has its key.
 */
function notAllowed(action: ReviewAction, from: ReviewStatus): LocalizedMessage {
  return localized(`refusal.notAllowed.${action}.${from}` as Extract<ReviewResourceKey, `refusal.notAllowed.${string}`>)
}

interface Check {
  document: PressReleaseDocument
  input: DecisionInput
  options: DecideOptions
  from: ReviewStatus
}

type Guard = (check: Check) => LocalizedMessage | undefined

const signedIn: Guard = ({input}) => (input.user.anonymous ? localized('refusal.signIn') : undefined)
const reviewer: Guard = ({input, options}) =>
  isReviewer(input.user, options.reviewerRoles)
    ? undefined
    : localized('refusal.notReviewer', {roles: options.reviewerRoles.join(', ')})
const noteGiven: Guard = ({input}) =>
  NOTE_REQUIRED[input.action] && !input.note?.trim() ? NOTE_REQUIRED[input.action] : undefined
const fourEyes: Guard = ({input, options}) =>
  input.action === 'approve' && options.fourEyes && options.lastEditorId !== undefined && options.lastEditorId === input.user.id
    ? localized('refusal.fourEyes')
    : undefined
const allowedMove: Guard = ({input, from}) => (transition(from, input.action) ? undefined : notAllowed(input.action, from))
const validTime: Guard = ({input}) =>
  Number.isNaN(decisionTime(input.now).getTime()) ? localized('refusal.invalidTime') : undefined

/** Each guard returns why the decision is refused, or undefined; the first refusal wins. */
const GUARDS: Guard[] = [signedIn, reviewer, noteGiven, fourEyes, allowedMove, validTime]

/** The guards that hold whatever the reviewer types. */
const STANDING_GUARDS: Guard[] = [signedIn, reviewer, fourEyes, allowedMove]

/**
 * Why `user` cannot take `action` on the document whatever note they write (sign-in,
 * reviewer role, four-eyes rule, state machine), or undefined when they can: what the
 * Studio says before anyone types, from the same guards `decide` runs.
 */
export function decisionRefusal(
  document: PressReleaseDocument,
  input: Pick<DecisionInput, 'action' | 'user'>,
  options: DecideOptions,
): LocalizedMessage | undefined {
  const from = effectiveStatus(document).status
  const check = {document, input: {...input, findings: []}, options, from}
  for (const guard of STANDING_GUARDS) {
    const refusal = guard(check)
    if (refusal) return refusal
  }
  return undefined
}

/** The message a note must answer for `action`, if it needs one. */
export function noteRequirement(action: ReviewAction): LocalizedMessage | undefined {
  return NOTE_REQUIRED[action]
}

function decisionTime(now: Date | string | undefined): Date {
  return now === undefined ? new Date() : new Date(now)
}

/** Decides, or says why not; never mutates the document. */
export function decide(document: PressReleaseDocument, input: DecisionInput, options: DecideOptions): DecideResult {
  const hash = contentHash(document)
  const from = effectiveStatus(document, hash).status
  for (const guard of GUARDS) {
    const refusal = guard({document, input, options, from})
    if (refusal) return {ok: false, reason: refusal.message, reasonKey: refusal.key, params: {...refusal.params}}
  }

  const status = transition(from, input.action)!
  const previous = document.review?.decisions ?? []
  const at = decisionTime(input.now).toISOString()
  const note = input.note?.trim()
  const stored = toStoredFindings(input.findings)
  const decision: Decision = {
    _key: shortKey(`${previous.length}|${at}|${input.user.id}|${input.action}|${hash}`),
    _type: 'reviewDecision',
    action: input.action,
    status,
    userId: input.user.id,
    userName: input.user.name,
    at,
    ...(note ? {note} : {}),
    contentHash: hash,
    findings: stored.map(({evidence: _evidence, ...finding}) => finding),
  }
  const review: EditorialReview = {
    ...document.review,
    _type: 'editorialReview',
    status,
    thirdParty: Boolean(document.review?.thirdParty) || isThirdParty(input.findings, options.rules),
    contentHash: hash,
    findings: stored,
    decisions: [...previous, decision],
    // An approval records what it judged; other decisions keep the latest approval's record.
    ...(status === 'approved' ? {approvedContent: approvedSnapshot(document)} : {}),
  }
  return {ok: true, review, decision}
}

/** A decision as the Studio writes it: the entry appended to the trail, and the state it leads to. */
export function decisionPatches({review, decision}: {review: EditorialReview; decision: Decision}): PatchOperations[] {
  const {status, thirdParty, contentHash: hash, findings, approvedContent} = review
  return [
    ...appendToTrail('decisions', decision),
    {
      set: {
        'review.status': status,
        'review.thirdParty': thirdParty,
        'review.contentHash': hash,
        'review.findings': findings ?? [],
        ...(approvedContent === undefined ? {} : {'review.approvedContent': approvedContent}),
      },
    },
  ]
}

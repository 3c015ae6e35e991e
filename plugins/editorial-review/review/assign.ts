/**
 * Who has the copy and when it is due: a reviewer claims it, assigns it to another
 * reviewer, unassigns it, or moves its due time with a note. Each change is checked here
 * and appended to the assignment trail, the way `decide` appends decisions; the Studio
 * writes what this returns and the lake re-runs it with the users it knows.
 */
import {localized, type LocalizedMessage} from '../i18n/format'
import {shortKey} from '../rules/hash'
import type {PressReleaseDocument} from '../rules/types'
import {isReviewer} from './roles'
import type {Assignee, AssignmentAction, AssignmentEntry, EditorialReview, ReviewUser} from './types'

export interface AssignmentInput {
  action: AssignmentAction
  /** Who acts. */
  user: ReviewUser
  /** Whom an `assign` gives the copy to, with their roles (a claim gives it to `user`). */
  assignee?: ReviewUser
  /** The new due time of a `setDue`. */
  dueAt?: Date | string
  /** Why; required when the due time moves. */
  note?: string
  /** When it happens; now when omitted. */
  now?: Date | string
}

export interface AssignOptions {
  /** Role names allowed to review, and so to hold or hand out copy. */
  reviewerRoles: readonly string[]
}

export type AssignResult =
  | {ok: true; review: EditorialReview; entry: AssignmentEntry}
  | {ok: false; reason: string; reasonKey: string; params: Record<string, string>}

export const ASSIGNMENT_ACTIONS: readonly AssignmentAction[] = ['claim', 'assign', 'unassign', 'setDue']

interface Check {
  input: AssignmentInput
  options: AssignOptions
  current: Assignee | undefined
}

type Guard = (check: Check) => LocalizedMessage | undefined

const time = (value: Date | string | undefined) => (value === undefined ? new Date() : new Date(value))

/** Whom the action leaves holding the copy (unchanged for a due time). */
function nextAssignee({input, current}: Pick<Check, 'input' | 'current'>): ReviewUser | Assignee | undefined {
  if (input.action === 'claim') return input.user
  if (input.action === 'assign') return input.assignee
  if (input.action === 'unassign') return undefined
  return current
}

const signedIn: Guard = ({input}) => (input.user.anonymous ? localized('refusal.signIn') : undefined)
const actorReviews: Guard = ({input, options}) =>
  isReviewer(input.user, options.reviewerRoles)
    ? undefined
    : localized('assign.refusal.notReviewer', {roles: options.reviewerRoles.join(', ')})

/** What each action needs beyond a signed-in reviewer. */
const ACTION_GUARDS: Record<AssignmentAction, Guard> = {
  claim: ({input, current}) =>
    current?.userId === input.user.id ? localized('assign.refusal.alreadyAssigned', {name: input.user.name}) : undefined,
  assign: ({input, options, current}) => {
    const assignee = input.assignee
    if (!assignee) return localized('assign.refusal.assigneeMissing')
    if (assignee.anonymous || !isReviewer(assignee, options.reviewerRoles))
      return localized('assign.refusal.assigneeNotReviewer', {name: assignee.name, roles: options.reviewerRoles.join(', ')})
    return current?.userId === assignee.id ? localized('assign.refusal.alreadyAssigned', {name: assignee.name}) : undefined
  },
  unassign: ({current}) => (current ? undefined : localized('assign.refusal.notAssigned')),
  setDue: ({input}) => {
    if (input.dueAt === undefined || Number.isNaN(time(input.dueAt).getTime())) return localized('assign.refusal.dueInvalid')
    return input.note?.trim() ? undefined : localized('assign.refusal.noteRequired')
  },
}

const validTime: Guard = ({input}) => (Number.isNaN(time(input.now).getTime()) ? localized('refusal.invalidTime') : undefined)

/**
 * Why `user` cannot take `action` whatever they pick or type (sign-in, reviewer role, the
 * current assignee), or undefined: what the Studio says before a menu opens.
 */
export function assignmentRefusal(
  document: PressReleaseDocument,
  input: Pick<AssignmentInput, 'action' | 'user'>,
  options: AssignOptions,
): LocalizedMessage | undefined {
  const check: Check = {input, options, current: document.review?.assignee}
  const standing: Guard[] = [signedIn, actorReviews]
  if (input.action === 'claim' || input.action === 'unassign') standing.push(ACTION_GUARDS[input.action])
  for (const guard of standing) {
    const refusal = guard(check)
    if (refusal) return refusal
  }
  return undefined
}

/** Records the change, or says why not; never mutates the document. */
export function assign(document: PressReleaseDocument, input: AssignmentInput, options: AssignOptions): AssignResult {
  const current = document.review?.assignee
  const check: Check = {input, options, current}
  const known: Guard = () =>
    Object.hasOwn(ACTION_GUARDS, input.action)
      ? undefined
      : localized('assign.refusal.unknownAction', {action: String(input.action), actions: ASSIGNMENT_ACTIONS.join(', ')})
  for (const guard of [known, signedIn, actorReviews, (c: Check) => ACTION_GUARDS[input.action](c), validTime]) {
    const refusal = guard(check)
    if (refusal) return {ok: false, reason: refusal.message, reasonKey: refusal.key, params: {...refusal.params}}
  }

  const previous = document.review?.assignments ?? []
  const at = time(input.now).toISOString()
  const holder = nextAssignee(check)
  const assignee: Assignee | undefined = holder && {
    userId: 'id' in holder ? holder.id : holder.userId,
    userName: 'id' in holder ? holder.name : holder.userName,
  }
  const note = input.note?.trim()
  const entry: AssignmentEntry = {
    _key: shortKey(`${previous.length}|${at}|${input.user.id}|${input.action}`),
    _type: 'reviewAssignment',
    action: input.action,
    userId: input.user.id,
    userName: input.user.name,
    at,
    ...(assignee && input.action !== 'setDue' ? {assignee} : {}),
    ...(input.action === 'setDue' ? {dueAt: time(input.dueAt).toISOString()} : {}),
    ...(note ? {note} : {}),
  }
  const {assignee: _previousAssignee, ...rest} = document.review ?? {}
  const review: EditorialReview = {
    _type: 'editorialReview',
    status: 'pending',
    thirdParty: false,
    ...rest,
    ...(assignee ? {assignee} : {}),
    assignments: [...previous, entry],
  }
  return {ok: true, review, entry}
}

/** Claims, assignments and due times in the pure review model (review/assign.ts, review/due.ts). */
import {describe, expect, it} from 'vitest'
import {
  assign,
  assignmentRefusal,
  dueTime,
  overdue,
  type AssignmentInput,
  type PressReleaseDocument,
} from '../../../../plugins/editorial-review/core'

const OPTIONS = {reviewerRoles: ['administrator', 'editor']}
const ADMIN = {id: 'local-admin', name: 'Local Administrator', roles: ['administrator']}
const EDITOR = {id: 'local-editor', name: 'Local Editor', roles: ['editor']}
const CONTRIBUTOR = {id: 'local-contributor', name: 'Local Contributor', roles: ['contributor']}
const IMPORTED = '2026-03-02T08:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(IMPORTED) + hours * 3_600_000)

const flagged = (): PressReleaseDocument => ({
  _id: 'drafts.pressRelease.a',
  _type: 'pressRelease',
  title: 'A release',
  source: {importedAt: IMPORTED},
  review: {_type: 'editorialReview', status: 'pending', thirdParty: true, decisions: []},
})

function applied(document: PressReleaseDocument, input: AssignmentInput): PressReleaseDocument {
  const result = assign(document, input, OPTIONS)
  if (!result.ok) throw new Error(result.reason)
  return {...document, review: result.review}
}

const refusal = (document: PressReleaseDocument, input: AssignmentInput) => {
  const result = assign(document, input, OPTIONS)
  return result.ok ? undefined : result.reasonKey
}

describe('assign', () => {
  it('claims, hands over and releases the copy, appending one entry each and keeping the review', () => {
    const claimed = applied(flagged(), {action: 'claim', user: EDITOR, now: at(1)})
    expect(claimed.review?.assignee).toEqual({userId: 'local-editor', userName: 'Local Editor'})
    expect(claimed.review?.status).toBe('pending')
    expect(claimed.review?.thirdParty).toBe(true)
    const handed = applied(claimed, {action: 'assign', user: EDITOR, assignee: ADMIN, note: ' Legal ', now: at(2)})
    expect(handed.review?.assignee?.userId).toBe('local-admin')
    expect(handed.review?.assignments?.at(-1)).toMatchObject({
      action: 'assign',
      userId: 'local-editor',
      assignee: {userId: 'local-admin'},
      note: 'Legal',
      at: at(2).toISOString(),
    })
    const released = applied(handed, {action: 'unassign', user: ADMIN, now: at(3)})
    expect(released.review?.assignee).toBeUndefined()
    expect(released.review?.assignments?.map(({action}) => action)).toEqual(['claim', 'assign', 'unassign'])
    expect(new Set(released.review?.assignments?.map(({_key}) => _key)).size).toBe(3)
  })

  it('refuses non-reviewers, anonymous users, non-reviewer assignees and pointless moves', () => {
    expect(refusal(flagged(), {action: 'claim', user: CONTRIBUTOR})).toBe('assign.refusal.notReviewer')
    expect(refusal(flagged(), {action: 'claim', user: {...ADMIN, anonymous: true}})).toBe('refusal.signIn')
    expect(refusal(flagged(), {action: 'assign', user: ADMIN})).toBe('assign.refusal.assigneeMissing')
    expect(refusal(flagged(), {action: 'assign', user: ADMIN, assignee: CONTRIBUTOR})).toBe('assign.refusal.assigneeNotReviewer')
    expect(refusal(flagged(), {action: 'unassign', user: ADMIN})).toBe('assign.refusal.notAssigned')
    const claimed = applied(flagged(), {action: 'claim', user: EDITOR})
    expect(refusal(claimed, {action: 'claim', user: EDITOR})).toBe('assign.refusal.alreadyAssigned')
    expect(refusal(claimed, {action: 'assign', user: ADMIN, assignee: EDITOR})).toBe('assign.refusal.alreadyAssigned')
    expect(refusal(flagged(), {action: 'bogus' as 'claim', user: ADMIN})).toBe('assign.refusal.unknownAction')
  })

  it('needs a valid due time and a note to move the due time', () => {
    expect(refusal(flagged(), {action: 'setDue', user: ADMIN, dueAt: 'soon', note: 'x'})).toBe('assign.refusal.dueInvalid')
    expect(refusal(flagged(), {action: 'setDue', user: ADMIN, dueAt: at(9), note: '  '})).toBe('assign.refusal.noteRequired')
  })

  it('says before anyone picks whether the user may act at all', () => {
    expect(assignmentRefusal(flagged(), {action: 'claim', user: CONTRIBUTOR}, OPTIONS)?.key).toBe('assign.refusal.notReviewer')
    expect(assignmentRefusal(flagged(), {action: 'unassign', user: ADMIN}, OPTIONS)?.key).toBe('assign.refusal.notAssigned')
    expect(assignmentRefusal(flagged(), {action: 'claim', user: ADMIN}, OPTIONS)).toBeUndefined()
  })
})

describe('due time', () => {
  const policy = {reviewWithinHours: 4}

  it('is the policy’s time after the import, or the time a reviewer set with a note', () => {
    expect(dueTime(flagged(), policy)).toEqual(at(4))
    const moved = applied(flagged(), {action: 'setDue', user: EDITOR, dueAt: at(24), note: 'Embargo', now: at(1)})
    expect(dueTime(moved, policy)).toEqual(at(24))
    expect(overdue(moved, policy, at(5))).toBeUndefined()
    expect(overdue(moved, policy, at(25))).toEqual({waitingSince: at(0), dueAt: at(24)})
    const earlier = applied(moved, {action: 'setDue', user: EDITOR, dueAt: at(2), note: 'Urgent', now: at(1.5)})
    expect(overdue(earlier, policy, at(3))?.dueAt).toEqual(at(2))
  })

  it('forgets an override made before the copy started waiting again (a reopen)', () => {
    const moved = applied(flagged(), {action: 'setDue', user: EDITOR, dueAt: at(100), note: 'Later', now: at(1)})
    const reopened: PressReleaseDocument = {
      ...moved,
      review: {
        ...moved.review!,
        decisions: [
          {
            _key: 'r',
            _type: 'reviewDecision',
            action: 'reopen',
            status: 'pending',
            userId: 'local-admin',
            userName: 'Local Administrator',
            at: at(10).toISOString(),
            contentHash: '',
            findings: [],
          },
        ],
      },
    }
    expect(dueTime(reopened, policy)).toEqual(at(14))
  })
})

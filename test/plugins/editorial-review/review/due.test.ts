/** When flagged copy is overdue for review: the pure model the audit (and the queue) read. */
import {describe, expect, it} from 'vitest'
import {
  contentHash,
  markOverdue,
  overdue,
  overdueMarkOf,
  resolvePolicy,
  type AssignmentEntry,
  type PressReleaseDocument,
} from '../../../../plugins/editorial-review/core'

const policy = {reviewWithinHours: 4}
const IMPORTED = '2026-03-02T08:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(IMPORTED) + hours * 3_600_000)

const flagged = (review: Partial<NonNullable<PressReleaseDocument['review']>> = {}): PressReleaseDocument => ({
  _id: 'drafts.pressRelease.a',
  _type: 'pressRelease',
  _createdAt: '2026-03-01T00:00:00.000Z',
  title: 'A release',
  source: {importedAt: IMPORTED},
  review: {_type: 'editorialReview', status: 'pending', thirdParty: true, ...review},
})

const decision = (action: 'approve' | 'reopen' | 'requestChanges', status: string, hours: number, hash = '') => ({
  _key: `k${hours}`,
  _type: 'reviewDecision' as const,
  action,
  status: status as 'pending',
  userId: 'local-editor',
  userName: 'Local Editor',
  at: at(hours).toISOString(),
  contentHash: hash,
  findings: [],
})

describe('overdue', () => {
  it('is due reviewWithinHours after the import, and overdue only past it', () => {
    expect(overdue(flagged(), policy, at(3.9))).toBeUndefined()
    expect(overdue(flagged(), policy, at(4.1))).toEqual({waitingSince: at(0), dueAt: at(4)})
  })

  it('counts from a reopen, the last time the copy was sent back to review', () => {
    const reopened = flagged({decisions: [decision('reopen', 'pending', 10)]})
    expect(overdue(reopened, policy, at(13))).toBeUndefined()
    expect(overdue(reopened, policy, at(15))?.dueAt).toEqual(at(14))
  })

  it('leaves own copy, decided copy and current approvals alone, but not stale ones', () => {
    const late = at(100)
    expect(
      overdue({...flagged(), review: {_type: 'editorialReview', status: 'pending', thirdParty: false}}, policy, late),
    ).toBeUndefined()
    expect(overdue(flagged({status: 'changesRequested'}), policy, late)).toBeUndefined()
    expect(overdue(flagged({status: 'rejected'}), policy, late)).toBeUndefined()
    const current = flagged({status: 'approved'})
    const hash = contentHash(current)
    const approved = {
      ...current,
      review: {...current.review!, contentHash: hash, decisions: [decision('approve', 'approved', 1, hash)]},
    }
    expect(overdue(approved, policy, late)).toBeUndefined()
    // Edited after the approval: pending again, due from the approval.
    expect(overdue({...approved, title: 'Changed'}, policy, late)?.dueAt).toEqual(at(5))
  })

  it('takes the hours from the review policy, which refuses nonsense', () => {
    expect(resolvePolicy().reviewWithinHours).toBe(4)
    expect(() => resolvePolicy({reviewWithinHours: 0})).toThrow(
      '[editorial-review] `reviewWithinHours` must be a number of hours above 0',
    )
    expect(() => resolvePolicy({reviewWithinHours: Number.NaN})).toThrow('reviewWithinHours')
  })
})

describe('the overdue mark', () => {
  const cron = {id: 'local-contributor', name: 'Local Contributor', roles: ['contributor']}
  const marked = (document: PressReleaseDocument, hours: number): PressReleaseDocument => {
    const result = markOverdue(document, {user: cron, now: at(hours)}, policy)
    if (!result.ok) throw new Error(result.reason)
    return {...document, review: result.review}
  }
  const setDue = (hours: number, dueHours: number): AssignmentEntry => ({
    _key: `due${hours}`,
    _type: 'reviewAssignment',
    action: 'setDue',
    userId: 'local-editor',
    userName: 'Local Editor',
    at: at(hours).toISOString(),
    dueAt: at(dueHours).toISOString(),
    note: 'Embargo',
  })

  it('is written once per due time, with the due time it found passed', () => {
    expect(markOverdue(flagged(), {user: cron, now: at(3)}, policy)).toMatchObject({ok: false, reason: /not overdue/})
    const once = marked(flagged(), 5)
    expect(overdueMarkOf(once)).toMatchObject({
      action: 'overdue',
      userId: 'local-contributor',
      at: at(5).toISOString(),
      dueAt: at(4).toISOString(),
    })
    expect(markOverdue(once, {user: cron, now: at(6)}, policy)).toMatchObject({ok: false, reason: /already marked overdue/})
    // The mark moves no due time: the copy is as overdue as before.
    expect(overdue(once, policy, at(6))?.dueAt).toEqual(at(4))
  })

  it('may be written again for a reviewer’s new due time, or a new wait after a reopen', () => {
    const once = marked(flagged(), 5)
    const moved = {...once, review: {...once.review!, assignments: [...once.review!.assignments!, setDue(6, 8)]}}
    expect(overdueMarkOf(moved)).toBeUndefined()
    expect(markOverdue(moved, {user: cron, now: at(7)}, policy)).toMatchObject({ok: false, reason: /not overdue/})
    expect(overdueMarkOf(marked(moved, 9))?.dueAt).toBe(at(8).toISOString())

    const reopened = {...once, review: {...once.review!, decisions: [decision('reopen', 'pending', 10)]}}
    expect(overdueMarkOf(reopened)).toBeUndefined()
    expect(overdueMarkOf(marked(reopened, 15))?.dueAt).toBe(at(14).toISOString())
  })

  it('names who wrote it: nobody in particular cannot', () => {
    expect(markOverdue(flagged(), {user: {...cron, anonymous: true}, now: at(5)}, policy)).toMatchObject({
      ok: false,
      reason: /send a token/,
    })
  })
})

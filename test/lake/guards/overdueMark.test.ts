/**
 * The cron's overdue mark, attacked over HTTP (lake/guards/assignment.ts, review/overdueMark.ts):
 * the lake takes one mark per due time on copy that is overdue by its own clock and the policy,
 * written by a signed-in writer, and records it with its own time; a forged mark on copy that
 * is not overdue, a second mark, a tokenless one and a viewer's are refused. The Overdue lane's
 * listener sees the mark.
 */
import type {MutationEvent, SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../../config/reviewPolicy'
import {
  appendToTrail,
  assign,
  decide,
  dueTime,
  markOverdue,
  type AssignmentEntry,
  type PressReleaseDocument,
  type ReviewUser,
} from '../../../plugins/editorial-review/core'
import {assignmentLanesQuery, REVIEW_LANES} from '../../../queries/review'
import {LAKE_TOKENS, startLakeProcess, type LakeProcess} from '../../support/lake'
import {refusalOf} from '../../support/refusal'
import {AP_WIRE_COPY, bodyOf} from '../../plugins/editorial-review/fixtures'

const USERS = {
  editor: {id: 'local-editor', name: 'Local Editor', roles: ['editor']},
  contributor: {id: 'local-contributor', name: 'Local Contributor', roles: ['contributor']},
} satisfies Record<string, ReviewUser>

let lake: LakeProcess
const as = (token?: string): SanityClient => lake.client({token})
const editor = () => as(LAKE_TOKENS.editor)
const contributor = () => as(LAKE_TOKENS.contributor)
const stored = async (id: string) => (await as(LAKE_TOKENS.administrator).getDocument<PressReleaseDocument & {_id: string}>(id))!

beforeAll(async () => {
  lake = await startLakeProcess()
})
afterAll(async () => {
  await lake?.stop()
})

let seq = 0
/** A fresh flagged draft, pasted in by the contributor. */
async function flaggedDraft(): Promise<string> {
  const id = `drafts.pressRelease.overdue-${++seq}`
  await contributor().create({
    _id: id,
    _type: 'pressRelease',
    title: `Talks on Rafah ${seq}`,
    body: bodyOf(AP_WIRE_COPY),
  })
  return id
}

/** A reviewer moves the due time a minute into the past: overdue now, by the lake's clock too. */
async function dueAMinuteAgo(id: string): Promise<string> {
  const dueAt = new Date(Date.now() - 60_000).toISOString()
  const moved = assign(
    await stored(id),
    {action: 'setDue', user: USERS.editor, dueAt, note: 'Embargo lifted'},
    {reviewerRoles: REVIEW_POLICY.reviewerRoles},
  )
  if (!moved.ok) throw new Error(moved.reason)
  await editor().patch(id).set({review: moved.review}).commit()
  return dueAt
}

/** Appends `entry` after the stored trail, as the cron does. */
function writeMark(client: SanityClient, id: string, entry: AssignmentEntry) {
  const transaction = client.transaction()
  for (const operations of appendToTrail('assignments', entry)) transaction.patch(id, operations)
  return transaction.commit()
}

/** The mark the cron computes on its side, as `user`, at `now`. */
async function cronMark(id: string, user: ReviewUser = USERS.contributor, now = new Date()): Promise<AssignmentEntry> {
  const made = markOverdue(await stored(id), {user, now}, REVIEW_POLICY)
  if (!made.ok) throw new Error(made.reason)
  return made.entry
}

async function expectRefused(write: Promise<unknown>, message: RegExp, status = 409): Promise<void> {
  const refusal = await refusalOf(write)
  expect(refusal, 'the lake accepted the write').toBeDefined()
  expect(refusal?.statusCode).toBe(status)
  expect(refusal?.message).toMatch(message)
}

const marks = async (id: string) => ((await stored(id)).review?.assignments ?? []).filter((entry) => entry.action === 'overdue')

describe('the overdue mark', () => {
  it('is recorded once, with the lake’s time and the due time it found passed, by a contributor’s token', async () => {
    const id = await flaggedDraft()
    const dueAt = await dueAMinuteAgo(id)
    // The cron's clock says an hour ago and its entry names another due time: the lake records its own.
    const entry = {...(await cronMark(id)), at: new Date(Date.now() - 3_600_000).toISOString(), dueAt: '2020-01-01T00:00:00.000Z'}
    await writeMark(contributor(), id, entry)
    const [mark] = await marks(id)
    const document = await stored(id)
    expect(mark).toMatchObject({action: 'overdue', userId: 'local-contributor', userName: 'Local Contributor', dueAt})
    expect(mark!.at).toBe(document._updatedAt)

    await expectRefused(
      writeMark(contributor(), id, {...entry, _key: 'again'}),
      /already marked overdue at .* one mark per due time/,
    )
    await expectRefused(writeMark(editor(), id, {...entry, _key: 'again', userId: 'local-editor'}), /already marked overdue/)
    expect(await marks(id)).toHaveLength(1)
  })

  it('refuses a forged mark on copy that is not overdue, or not waiting for review', async () => {
    const id = await flaggedDraft()
    const forged: AssignmentEntry = {
      _key: 'forged',
      _type: 'reviewAssignment',
      action: 'overdue',
      userId: 'local-contributor',
      userName: 'Local Contributor',
      at: new Date().toISOString(),
      dueAt: '2020-01-01T00:00:00.000Z',
    }
    await expectRefused(writeMark(contributor(), id, forged), /the copy is not overdue as of .*review within 4 h/)

    // Changes requested: the copy waits for the writer, not for a reviewer.
    await dueAMinuteAgo(id)
    const request = decide(
      await stored(id),
      {action: 'requestChanges', user: USERS.editor, note: 'Add the disclaimer', findings: []},
      {reviewerRoles: REVIEW_POLICY.reviewerRoles},
    )
    if (!request.ok) throw new Error(request.reason)
    await editor().patch(id).set({review: request.review}).commit()
    await expectRefused(writeMark(contributor(), id, forged), /not overdue/)
    expect(await marks(id)).toEqual([])
  })

  it('refuses a mark without a token (nobody in particular) and from a viewer', async () => {
    const id = await flaggedDraft()
    await dueAMinuteAgo(id)
    const entry = await cronMark(id, {id: 'local-admin', name: 'Local Administrator', roles: ['administrator']})
    await expectRefused(writeMark(as(undefined), id, entry), /names who wrote it: send a token/)
    await expectRefused(writeMark(as(LAKE_TOKENS.viewer), id, {...entry, userId: 'local-viewer'}), /./, 403)
    expect(await marks(id)).toEqual([])
  })

  it('refuses a mark attributed to someone else, or that changes who has the copy', async () => {
    const id = await flaggedDraft()
    await dueAMinuteAgo(id)
    await expectRefused(writeMark(contributor(), id, await cronMark(id, USERS.editor)), /attributed to "local-editor"/)
    const entry = await cronMark(id)
    const transaction = contributor().transaction()
    for (const operations of appendToTrail('assignments', entry)) transaction.patch(id, operations)
    transaction.patch(id, {set: {'review.assignee': {userId: 'local-contributor', userName: 'Local Contributor'}}})
    await expectRefused(transaction.commit(), /an overdue mark leaves review.assignee as it is/)
  })

  it('marks a new due time again once it passes, and a new wait after a reopen', async () => {
    const id = await flaggedDraft()
    await dueAMinuteAgo(id)
    await writeMark(contributor(), id, await cronMark(id))
    // A reviewer gives it a new due time, which passes too: one more mark.
    await dueAMinuteAgo(id)
    await writeMark(contributor(), id, await cronMark(id))
    expect(await marks(id)).toHaveLength(2)

    // Approved, then reopened: a new wait, due four hours after the reopen, not overdue yet.
    for (const action of ['approve', 'reopen'] as const) {
      const decided = decide(
        await stored(id),
        {action, user: USERS.editor, findings: [], note: 'Second look'},
        {reviewerRoles: REVIEW_POLICY.reviewerRoles},
      )
      if (!decided.ok) throw new Error(decided.reason)
      await editor().patch(id).set({review: decided.review}).commit()
    }
    // A cron whose clock runs five hours ahead thinks it is overdue; the lake's clock decides.
    const early = await cronMark(id, USERS.contributor, new Date(Date.now() + 5 * 3_600_000))
    await expectRefused(writeMark(contributor(), id, {...early, at: new Date().toISOString()}), /not overdue/)
    await dueAMinuteAgo(id)
    await writeMark(contributor(), id, await cronMark(id))
    expect(await marks(id)).toHaveLength(3)
  })

  it('reaches the Overdue lane’s listener, so the Studio’s list refreshes, and moves no due time', async () => {
    const id = await flaggedDraft()
    const dueAt = await dueAMinuteAgo(id)
    const params = {types: REVIEW_POLICY.types, reviewWithinSeconds: REVIEW_POLICY.reviewWithinHours * 3600}
    const listener = editor().listen(`*[_type in $types && ${REVIEW_LANES.overdue}]`, params, {
      includeResult: true,
      events: ['welcome', 'mutation'],
    })
    let welcome!: () => void
    let mutation!: (event: MutationEvent) => void
    const welcomed = new Promise<void>((resolve) => (welcome = resolve))
    const marked = new Promise<MutationEvent>((resolve) => (mutation = resolve))
    const subscription = listener.subscribe((event) => {
      if (event.type === 'welcome') welcome()
      if (event.type === 'mutation' && event.documentId === id) mutation(event)
    })
    try {
      await welcomed
      await writeMark(contributor(), id, await cronMark(id))
      const event = await marked
      expect(event.result?.review).toMatchObject({assignments: [{}, {action: 'overdue'}]})
    } finally {
      subscription.unsubscribe()
    }
    // The lane, the tool query and the review panel (dueTime) still agree on when it was due.
    const lanes = await editor().fetch(assignmentLanesQuery, {...params, limit: 50})
    expect(lanes.overdue.filter((row) => row._id === id).map((row) => row.dueAt)).toEqual([dueAt])
    expect(dueTime(await stored(id), REVIEW_POLICY)?.toISOString()).toBe(dueAt)
  })
})

/**
 * Who has a release and when it is due, attacked over HTTP with each role's token and with
 * none (lake/guards/assignment.ts): only a signed-in reviewer changes them, as themselves,
 * to one of the lake's reviewers, by one entry appended to the trail; the lake records the
 * entry with its own time and names. The legitimate path works alongside decisions and publish.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../../config/reviewPolicy'
import {
  assign,
  decide,
  type AssignmentInput,
  type EditorialReview,
  type PressReleaseDocument,
  type ReviewUser,
} from '../../../plugins/editorial-review/core'
import {assignmentLanesQuery, REVIEW_LANES} from '../../../queries/review'
import {LAKE_TOKENS, startLakeProcess, type LakeProcess} from '../../support/lake'
import {refusalOf} from '../../support/refusal'
import {AP_WIRE_COPY, bodyOf} from '../../plugins/editorial-review/fixtures'

const USERS = {
  admin: {id: 'local-admin', name: 'Local Administrator', roles: ['administrator']},
  editor: {id: 'local-editor', name: 'Local Editor', roles: ['editor']},
  contributor: {id: 'local-contributor', name: 'Local Contributor', roles: ['contributor']},
} satisfies Record<string, ReviewUser>

let lake: LakeProcess
const as = (token?: string): SanityClient => lake.client({token})
const admin = () => as(LAKE_TOKENS.administrator)
const editor = () => as(LAKE_TOKENS.editor)
const contributor = () => as(LAKE_TOKENS.contributor)
const stored = async (id: string) => (await admin().getDocument<PressReleaseDocument & {_id: string}>(id))!

async function expectRefused(write: Promise<unknown>, message: RegExp): Promise<void> {
  const refusal = await refusalOf(write)
  expect(refusal, 'the lake accepted the write').toBeDefined()
  expect(refusal?.statusCode).toBe(409)
  expect(refusal?.message).toMatch(message)
}

/** What the Studio computes on the client: `assign`, as some user (the pure checks passed here are the client's, not the lake's). */
function assigned(
  document: PressReleaseDocument,
  input: AssignmentInput,
  reviewerRoles = ['administrator', 'editor', 'contributor'],
) {
  const result = assign(document, input, {reviewerRoles})
  if (!result.ok) throw new Error(result.reason)
  return result.review
}

let seq = 0
/** A fresh flagged draft, written by the contributor (as a wire story pasted in). */
async function flaggedDraft(): Promise<string> {
  const id = `drafts.pressRelease.assign-${++seq}`
  await contributor().create({
    _id: id,
    _type: 'pressRelease',
    title: `Talks on Rafah ${seq}`,
    body: bodyOf(AP_WIRE_COPY),
  })
  expect((await stored(id)).review?.thirdParty).toBe(true)
  return id
}

const setReview = (client: SanityClient, id: string, review: EditorialReview) => client.patch(id).set({review}).commit()

beforeAll(async () => {
  lake = await startLakeProcess()
})
afterAll(async () => {
  await lake?.stop()
})

describe('the legitimate path', () => {
  it('records a claim, an assignment to another reviewer and an unassignment with the lake’s time and names', async () => {
    const id = await flaggedDraft()
    const early = '2020-01-01T00:00:00.000Z'
    const claim = assigned(await stored(id), {action: 'claim', user: {...USERS.editor, name: 'Somebody Else'}, now: early})
    await setReview(editor(), id, claim)
    let review = (await stored(id)).review!
    expect(review.assignee).toEqual({userId: 'local-editor', userName: 'Local Editor'})
    expect(review.assignments).toHaveLength(1)
    expect(review.assignments![0]).toMatchObject({action: 'claim', userId: 'local-editor', userName: 'Local Editor'})
    expect(review.assignments![0]!.at).not.toBe(early)

    const handover = assigned(await stored(id), {action: 'assign', user: USERS.editor, assignee: USERS.admin, note: 'Legal'})
    await setReview(editor(), id, handover)
    review = (await stored(id)).review!
    expect(review.assignee).toEqual({userId: 'local-admin', userName: 'Local Administrator'})
    expect(review.assignments?.at(-1)).toMatchObject({action: 'assign', note: 'Legal', assignee: {userId: 'local-admin'}})

    await setReview(admin(), id, assigned(await stored(id), {action: 'unassign', user: USERS.admin}))
    review = (await stored(id)).review!
    expect(review.assignee).toBeUndefined()
    expect(review.assignments?.map(({action}) => action)).toEqual(['claim', 'assign', 'unassign'])
  })

  it('records a due time with its note, and keeps the assignment through a decision and a publish', async () => {
    const id = await flaggedDraft()
    await setReview(admin(), id, assigned(await stored(id), {action: 'claim', user: USERS.admin}))
    const dueAt = '2030-05-01T08:00:00.000Z'
    await setReview(admin(), id, assigned(await stored(id), {action: 'setDue', user: USERS.admin, dueAt, note: 'Embargo'}))
    expect((await stored(id)).review?.assignments?.at(-1)).toMatchObject({action: 'setDue', dueAt, note: 'Embargo'})

    const approval = decide(
      await stored(id),
      {action: 'approve', user: USERS.admin, findings: []},
      {reviewerRoles: REVIEW_POLICY.reviewerRoles},
    )
    if (!approval.ok) throw new Error(approval.reason)
    await setReview(admin(), id, approval.review)
    await admin().action({actionType: 'sanity.action.document.publish', draftId: id, publishedId: id.slice(7)} as never)
    const published = (await stored(id.slice(7))).review!
    expect(published.status).toBe('approved')
    expect(published.assignee).toEqual({userId: 'local-admin', userName: 'Local Administrator'})
    expect(published.assignments).toHaveLength(2)
  })

  it('takes the Studio’s write: an entry inserted after the last one, though the form’s copy of earlier entries is stale', async () => {
    const id = await flaggedDraft()
    const before = await stored(id)
    await setReview(editor(), id, assigned(before, {action: 'claim', user: USERS.editor}))
    // The form still holds the entry as the client made it, not as the lake stamped it.
    const stale = {...before, review: assigned(before, {action: 'claim', user: USERS.editor})}
    const handover = assign(
      stale,
      {action: 'assign', user: USERS.editor, assignee: USERS.admin},
      {reviewerRoles: ['editor', 'administrator']},
    )
    if (!handover.ok) throw new Error(handover.reason)
    await editor()
      .patch(id)
      .setIfMissing({'review.assignments': []})
      .insert('after', 'review.assignments[-1]', [handover.entry])
      .set({'review.assignee': handover.review.assignee})
      .commit()
    const review = (await stored(id)).review!
    expect(review.assignments?.map(({action}) => action)).toEqual(['claim', 'assign'])
    expect(review.assignee?.userId).toBe('local-admin')
  })

  it('records a claim made in the same write as a decision', async () => {
    const id = await flaggedDraft()
    const claimed = assigned(await stored(id), {action: 'claim', user: USERS.editor})
    const decision = decide(
      {...(await stored(id)), review: claimed},
      {action: 'requestChanges', user: USERS.editor, note: 'Add the disclaimer', findings: []},
      {reviewerRoles: REVIEW_POLICY.reviewerRoles},
    )
    if (!decision.ok) throw new Error(decision.reason)
    await setReview(editor(), id, decision.review)
    const review = (await stored(id)).review!
    expect(review.status).toBe('changesRequested')
    expect(review.assignee?.userId).toBe('local-editor')
    expect(review.assignments).toHaveLength(1)
  })
  it('gives an archived release’s version its assignment back when the release is unarchived', async () => {
    const draft = await stored(await flaggedDraft())
    const id = `versions.claimedRelease.${draft._id.slice('drafts.'.length)}`
    await editor().releases.create({releaseId: 'claimedRelease', metadata: {title: 'Claimed', releaseType: 'asap'}})
    const {_rev: _r, ...content} = draft
    await editor().create({...content, _id: id})
    await setReview(editor(), id, assigned(await stored(id), {action: 'claim', user: USERS.editor}))
    const claimed = (await stored(id)).review
    expect(claimed?.assignee?.userId).toBe('local-editor')
    await editor().releases.archive({releaseId: 'claimedRelease'})
    expect(await admin().getDocument(id)).toBeUndefined()
    // Whoever unarchives gets the trail back as it was recorded, not re-made as their own claim now.
    await admin().releases.unarchive({releaseId: 'claimedRelease'})
    expect((await stored(id)).review).toEqual(claimed)
  })
})

describe('a client cannot assert who has the copy', () => {
  it('refuses a contributor’s claim and assignment: only reviewers hold or hand out copy', async () => {
    const id = await flaggedDraft()
    await expectRefused(
      setReview(contributor(), id, assigned(await stored(id), {action: 'claim', user: USERS.contributor})),
      /Only reviewers \(administrator, editor\) can claim/,
    )
    await expectRefused(
      setReview(
        contributor(),
        id,
        assigned(await stored(id), {action: 'assign', user: USERS.contributor, assignee: USERS.editor}),
      ),
      /Only reviewers/,
    )
    expect((await stored(id)).review?.assignee).toBeUndefined()
  })

  it('refuses a claim from a request without a token, though it acts as the administrator', async () => {
    const id = await flaggedDraft()
    await expectRefused(
      setReview(as(undefined), id, assigned(await stored(id), {action: 'claim', user: USERS.admin})),
      /signed-in reviewer/,
    )
  })

  it('refuses assigning to a user who is not a reviewer, or not a user of the lake at all', async () => {
    const id = await flaggedDraft()
    await expectRefused(
      setReview(admin(), id, assigned(await stored(id), {action: 'assign', user: USERS.admin, assignee: USERS.contributor})),
      /Local Contributor is not a reviewer/,
    )
    const stranger = {id: 'mallory', name: 'Mallory', roles: ['administrator']}
    await expectRefused(
      setReview(admin(), id, assigned(await stored(id), {action: 'assign', user: USERS.admin, assignee: stranger})),
      /"mallory", who is not a user of this lake/,
    )
  })

  it('refuses an entry attributed to another user', async () => {
    const id = await flaggedDraft()
    await expectRefused(
      setReview(editor(), id, assigned(await stored(id), {action: 'claim', user: USERS.admin})),
      /attributed to "local-admin", but "local-editor" is writing it/,
    )
    // A contributor cannot borrow a reviewer's name either.
    await expectRefused(
      setReview(contributor(), id, assigned(await stored(id), {action: 'claim', user: USERS.editor})),
      /attributed to "local-editor", but "local-contributor"/,
    )
  })

  it('refuses an assignee set without an entry, a rewritten trail, and two entries at once', async () => {
    const id = await flaggedDraft()
    await expectRefused(
      editor()
        .patch(id)
        .set({'review.assignee': {userId: 'local-editor', userName: 'Local Editor'}})
        .commit(),
      /change only by one claim/,
    )
    await setReview(editor(), id, assigned(await stored(id), {action: 'claim', user: USERS.editor}))
    const current = await stored(id)
    await expectRefused(
      editor()
        .patch(id)
        .set({'review.assignee': {userId: 'local-admin', userName: 'Local Administrator'}})
        .commit(),
      /change only by one claim/,
    )
    await expectRefused(
      editor()
        .patch(id)
        .set({[`review.assignments[_key=="${current.review!.assignments![0]!._key}"].userId`]: 'local-admin'})
        .commit(),
      /earlier entries cannot be changed or removed/,
    )
    await expectRefused(editor().patch(id).unset(['review.assignments']).commit(), /change only by one claim/)
    const unassigned = assigned(current, {action: 'unassign', user: USERS.editor})
    const twice = assigned({...current, review: unassigned}, {action: 'claim', user: USERS.editor})
    await expectRefused(setReview(editor(), id, twice), /change only by one claim/)
    expect((await stored(id)).review?.assignments).toEqual(current.review!.assignments)
  })

  it('refuses an assignee other than the one the entry gives, and a due time without a note', async () => {
    const id = await flaggedDraft()
    const claim = assigned(await stored(id), {action: 'claim', user: USERS.editor})
    await expectRefused(
      setReview(editor(), id, {...claim, assignee: {userId: 'local-admin', userName: 'Local Administrator'}}),
      /review.assignee "local-admin" does not follow from the claim/,
    )
    const due = assigned(await stored(id), {action: 'setDue', user: USERS.editor, dueAt: '2030-01-01T00:00:00Z', note: 'x'})
    const withoutNote = {...due, assignments: due.assignments!.map(({note: _note, ...entry}) => entry)}
    await expectRefused(setReview(editor(), id, withoutNote), /Add a note saying why the due time changes/)
  })

  it('refuses a new document that arrives with an assignment of its own', async () => {
    const source = await stored(await flaggedDraft())
    const claimed = assigned(source, {action: 'claim', user: USERS.editor})
    await expectRefused(
      editor().create({...source, _id: 'drafts.pressRelease.copied', review: claimed}),
      /change only by one claim/,
    )
  })

  it('refuses a trail copied from a sibling of a type the lake does not review', async () => {
    const source = await stored(await flaggedDraft())
    const id = source._id.slice('drafts.'.length)
    // A contributor parks a forged "claim" under a type nobody checks, beside the copy…
    const forged = assigned(source, {action: 'assign', user: USERS.editor, assignee: USERS.admin})
    await contributor().create({...source, _id: `versions.rParked.${id}`, _type: 'scratchpad', review: forged})
    // …and copies it onto the reviewed draft as if it were a sibling's recorded state.
    await expectRefused(
      contributor().patch(source._id).set({review: forged}).commit(),
      /attributed to "local-editor", but "local-contributor" is writing it/,
    )
  })
})

describe('the queue’s assignment lanes', () => {
  const params = {types: REVIEW_POLICY.types, reviewWithinSeconds: REVIEW_POLICY.reviewWithinHours * 3600}
  /** As the Studio's structure lists query them: under the drafts perspective, as the signed-in user. */
  let ours: string[] = []
  /** As the Studio's structure lists query them: under the drafts perspective, as the signed-in user; this test's copy only. */
  const studioLane = async (token: string, lane: 'assignedToMe' | 'unassigned' | 'overdue') =>
    (
      await lake.client({token, perspective: 'drafts'}).fetch<string[]>(`*[_type in $types && ${REVIEW_LANES[lane]}]._id`, params)
    ).filter((id) => ours.includes(id))

  it('lists the asker’s own copy in "Assigned to me", unclaimed copy in "Unassigned", and past-due copy in "Overdue"', async () => {
    const mine = await flaggedDraft()
    const theirs = await flaggedDraft()
    const free = await flaggedDraft()
    ours = [mine, theirs, free].map((id) => id.slice('drafts.'.length))
    await setReview(editor(), mine, assigned(await stored(mine), {action: 'claim', user: USERS.editor}))
    await setReview(
      editor(),
      theirs,
      assigned(await stored(theirs), {action: 'assign', user: USERS.editor, assignee: USERS.admin}),
    )
    const published = (id: string) => id.slice('drafts.'.length)

    expect(await studioLane(LAKE_TOKENS.editor, 'assignedToMe')).toEqual([published(mine)])
    expect(await studioLane(LAKE_TOKENS.administrator, 'assignedToMe')).toEqual([published(theirs)])
    expect(await studioLane(LAKE_TOKENS.editor, 'unassigned')).toEqual([published(free)])
    expect(await studioLane(LAKE_TOKENS.editor, 'overdue')).toEqual([])

    // A due time moved into the past makes it overdue at once; the tool query agrees and says when it was due.
    const past = new Date(Date.now() - 60_000).toISOString()
    await setReview(
      editor(),
      free,
      assigned(await stored(free), {action: 'setDue', user: USERS.editor, dueAt: past, note: 'Embargo lifted'}),
    )
    expect(await studioLane(LAKE_TOKENS.editor, 'overdue')).toEqual([published(free)])
    const lanes = await editor().fetch(assignmentLanesQuery, {...params, limit: 50})
    expect(lanes.overdue.filter((row) => row._id === free)).toEqual([
      expect.objectContaining({_id: free, dueAt: past, assignee: null}),
    ])
    expect(lanes.assignedToMe.filter((row) => row._id === mine).map((row) => row.assignee)).toEqual(['Local Editor'])
  })
})

/**
 * The lake keeps what detection says stored on every write of a reviewed document
 * (lake/guards/editorialReview.ts): copy pasted in the Studio, or written by any client,
 * lands in the review queue's "Needs review" lane as imported copy does, and an
 * approval of other content is stepped back to pending, so each lane agrees with the
 * form. The lanes are queried as the Studio's lists query them, under the drafts
 * perspective.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../../config/reviewPolicy'
import {
  decide,
  detect,
  detectContextFor,
  storedAssessment,
  type PressReleaseDocument,
} from '../../../plugins/editorial-review/core'
import {REVIEW_LANES, reviewQueueQuery} from '../../../queries/review'
import {LAKE_TOKENS, startLakeProcess, type LakeProcess} from '../../support/lake'

const WIRE_COPY = [
  'WASHINGTON (AP) — American and Israeli officials held virtual talks on Monday about a possible operation in Rafah.',
  'The officials met by secure video conference, a week after planned talks were called off.',
  'Copyright 2024 The Associated Press. All rights reserved.',
]
const OWN_COPY = ['Our newsroom opens a new office in Hamburg next month, the editor-in-chief said on Tuesday.']

const block = (text: string, index: number) => ({
  _key: `b${index}`,
  _type: 'block',
  style: 'normal',
  markDefs: [],
  children: [{_key: `s${index}`, _type: 'span', marks: [], text}],
})
const release = (id: string, title: string, paragraphs: string[]) => ({
  _id: id,
  _type: 'pressRelease',
  title,
  body: paragraphs.map(block),
})

let lake: LakeProcess
const editor = (): SanityClient => lake.client({token: LAKE_TOKENS.editor})
const admin = (): SanityClient => lake.client({token: LAKE_TOKENS.administrator})
/** The Studio's structure lists query under the drafts perspective. */
const studioLane = (lane: keyof typeof REVIEW_LANES) =>
  lake
    .client({token: LAKE_TOKENS.editor, perspective: 'drafts'})
    .fetch<string[]>(`*[_type in $types && ${REVIEW_LANES[lane]}]._id`, {types: REVIEW_POLICY.types})
const stored = async (id: string) => (await admin().getDocument<PressReleaseDocument & {_id: string}>(id))!
const context = detectContextFor(REVIEW_POLICY, [])

beforeAll(async () => {
  lake = await startLakeProcess()
})
afterAll(async () => {
  await lake?.stop()
})

describe('the lake stores the assessment on write', () => {
  it('flags wire copy an editor pastes, with its findings, and lists it in "Needs review"', async () => {
    await editor().create(release('drafts.pressRelease.pasted', 'Talks on Rafah', WIRE_COPY))
    const document = await stored('drafts.pressRelease.pasted')
    expect(document.review?.thirdParty).toBe(true)
    expect(document.review?.status).toBe('pending')
    expect(document.review?.findings?.map(({code}) => code)).toEqual(detect(document, context).map(({code}) => code))
    expect(document.review?.findings?.length).toBeGreaterThan(0)

    expect(await studioLane('needsReview')).toContain('pressRelease.pasted')
    const queue = await editor().fetch(reviewQueueQuery, {limit: 50})
    expect(queue.needsReview.find(({_id}) => _id === 'drafts.pressRelease.pasted')?.thirdParty).toBe(true)
  })

  it('flags copy that became third-party by an edit, and keeps its findings current', async () => {
    await editor().create(release('drafts.pressRelease.edited', 'Hamburg office', OWN_COPY))
    expect((await stored('drafts.pressRelease.edited')).review?.thirdParty).toBe(false)
    expect(await studioLane('needsReview')).not.toContain('pressRelease.edited')

    await editor()
      .patch('drafts.pressRelease.edited')
      .set({body: WIRE_COPY.map(block)})
      .commit()
    const document = await stored('drafts.pressRelease.edited')
    expect(document.review?.thirdParty).toBe(true)
    expect(document.review?.findings).toEqual(storedAssessment(document, context).findings)
    expect(await studioLane('needsReview')).toContain('pressRelease.edited')
  })

  it('accepts a client that stores the same assessment itself (a hosted Studio on save)', async () => {
    const document = release('drafts.pressRelease.assessed', 'Talks on Rafah, assessed', WIRE_COPY)
    const assessment = storedAssessment(document as PressReleaseDocument, context)
    await editor().create({...document, review: {_type: 'editorialReview', status: 'pending', decisions: [], ...assessment}})
    expect((await stored('drafts.pressRelease.assessed')).review).toMatchObject(assessment)
  })

  it('does not let a client store an assessment that clears the flag', async () => {
    await expect(
      editor().patch('drafts.pressRelease.pasted').set({'review.thirdParty': false, 'review.findings': []}).commit(),
    ).rejects.toThrow(/thirdParty cannot be cleared/)
  })
})

describe('"Approved, not yet published"', () => {
  it('lists an approved draft under the drafts perspective until it is published', async () => {
    const id = 'drafts.pressRelease.pasted'
    const document = await stored(id)
    // The editor wrote the copy; the four-eyes rule leaves the approval to the administrator.
    const approval = decide(
      document,
      {action: 'approve', user: {id: 'local-admin', name: 'Local Administrator', roles: ['administrator']}, findings: []},
      {reviewerRoles: REVIEW_POLICY.reviewerRoles},
    )
    if (!approval.ok) throw new Error(approval.reason)
    await admin().patch(id).set({review: approval.review}).commit()

    expect(await studioLane('approvedUnpublished')).toEqual(['pressRelease.pasted'])
    expect(await studioLane('needsReview')).not.toContain('pressRelease.pasted')

    await admin().action({
      actionType: 'sanity.action.document.publish',
      draftId: id,
      publishedId: 'pressRelease.pasted',
    } as never)
    expect(await studioLane('approvedUnpublished')).toEqual([])
  })

  it('steps an approval back to pending when the approved copy is edited, as the form shows it', async () => {
    await admin().action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.pressRelease.pasted',
      publishedId: 'pressRelease.pasted',
      patch: {set: {title: 'Talks on Rafah, updated'}},
    } as never)
    const draft = await stored('drafts.pressRelease.pasted')
    expect(draft.review?.status).toBe('pending')
    expect(await studioLane('approvedUnpublished')).toEqual([])
    expect(await studioLane('needsReview')).toContain('pressRelease.pasted')
    // The published copy keeps the approval of the content it carries.
    expect((await stored('pressRelease.pasted')).review?.status).toBe('approved')
  })
})

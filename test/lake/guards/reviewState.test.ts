/**
 * Where a review state may be copied from (lake/guards/reviewState.ts): a sibling's state and
 * a deleted document's own last recorded state are accepted as they are, so both must be states
 * the review guard itself recorded. A document of a type the guard does not review carries any
 * `review` a client writes; copying that onto reviewed copy would be a forged approval.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../../config/reviewPolicy'
import {DEFAULT_USERS} from '../../../lake/auth/users'
import {editorialReviewGuard} from '../../../lake/guards/editorialReview'
import type {RunningLake} from '../../../lake/server'
import {decide, type EditorialReview, type PressReleaseDocument} from '../../../plugins/editorial-review/core'
import {LAKE_TOKENS, lakeClient, startGuardedLake} from '../../support/lake'
import {refusalOf} from '../../support/refusal'
import {AP_WIRE_COPY, bodyOf} from '../../plugins/editorial-review/fixtures'

let lake: RunningLake
const contributor = (): SanityClient => lakeClient(lake, LAKE_TOKENS.contributor)
const editor = (): SanityClient => lakeClient(lake, LAKE_TOKENS.editor)

/** Unreviewed wire copy, and an approval of exactly it that no reviewer made (computed by the attacker). */
type Content = Omit<PressReleaseDocument, '_id' | '_type'> & {_type: string}

function forged(id: string): {content: Content; review: EditorialReview} {
  const content = {
    _type: 'pressRelease',
    title: `Talks on Rafah (${id})`,
    body: bodyOf(AP_WIRE_COPY),
  } as Content
  const approval = decide(
    {...content, _id: id} as PressReleaseDocument,
    {action: 'approve', user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']}, findings: []},
    {reviewerRoles: ['editor']},
  )
  if (!approval.ok) throw new Error(approval.reason)
  return {content, review: {...approval.review, thirdParty: true}}
}

const publish = (id: string) =>
  editor().action({actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id} as never)

beforeAll(async () => {
  lake = await startGuardedLake(editorialReviewGuard({policy: REVIEW_POLICY, users: DEFAULT_USERS}))
})
afterAll(async () => {
  await lake?.close()
})

describe('review states copied from elsewhere', () => {
  // The contributor parks a forged approval where nobody reviews (a deleted scratchpad on the
  // same id, or a sibling version under another type), then brings it back as press release
  // copy, "with the state the lake last recorded for it".
  it.each([
    [
      'a deleted document’s last state, when that was not reviewed copy',
      'pressRelease.planted-history',
      async (id: string, planted: {_type: string} & Record<string, unknown>) => {
        await contributor().create({...planted, _id: `drafts.${id}`})
        await contributor().delete(`drafts.${id}`)
      },
    ],
    [
      'a sibling’s state, when that sibling is not reviewed copy',
      'pressRelease.planted-sibling',
      async (id: string, planted: {_type: string} & Record<string, unknown>) => {
        await contributor().create({...planted, _id: `versions.rPlant.${id}`})
      },
    ],
  ])('does not take %s', async (_what, id, plant) => {
    const {content, review} = forged(id)
    await plant(id, {...content, _type: 'scratchpad', review})
    const refusal = await refusalOf(contributor().create({...content, _id: `drafts.${id}`, review}))
    const published = await refusalOf(publish(id))
    expect(await editor().getDocument(id), 'unreviewed wire copy went public').toBeUndefined()
    expect(published).toBeDefined()
    expect(refusal?.statusCode).toBe(409)
    expect(refusal?.message).toMatch(/starts its review pending, with no decisions/)
  })

  it('records no snapshot of approved content with a decision that is not an approval, whatever the client wrote', async () => {
    const id = 'drafts.pressRelease.planted-snapshot'
    const {content} = forged(id)
    await contributor().create({...content, _id: id})
    const current = (await editor().getDocument<PressReleaseDocument & {_id: string}>(id))!
    const request = decide(
      current,
      {
        action: 'requestChanges',
        user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']},
        note: 'Source?',
        findings: [],
      },
      {reviewerRoles: ['editor']},
    )
    if (!request.ok) throw new Error(request.reason)
    const planted = JSON.stringify({title: 'What the reviewer never saw'})
    await refusalOf(
      editor()
        .patch(id)
        .set({review: {...request.review, approvedContent: planted}})
        .commit(),
    )
    const stored = (await editor().getDocument<PressReleaseDocument>(id))!
    expect(stored.review?.approvedContent, 'the lake kept a snapshot its own decide did not make').toBeUndefined()
  })
})

/**
 * The four-eyes rule across a compaction and a restart (lake/guards/contentEditor.ts):
 * the snapshot keeps who last changed each reviewed document's copy, so a reviewer's
 * later review-only revision never passes the copy to them.
 */
import {afterAll, expect, it} from 'vitest'
import {decide, type PressReleaseDocument} from '../../../plugins/editorial-review/core'
import {LAKE_TOKENS, startLakeProcess, tempDir, type LakeProcess} from '../../support/lake'

const ID = 'drafts.pressRelease.four-eyes'
const lakes: LakeProcess[] = []
afterAll(async () => {
  await Promise.all(lakes.map((lake) => lake.stop()))
})

function review(
  document: PressReleaseDocument,
  action: 'approve' | 'requestChanges',
  user: {id: string; name: string; roles: string[]},
) {
  const result = decide(
    document,
    {action, user, findings: [], note: 'Quelle nennen.'},
    {reviewerRoles: ['administrator', 'editor']},
  )
  if (!result.ok) throw new Error(result.reason)
  return result.review
}

it('keeps the copy’s author through a compaction, so they still cannot approve it after a restart', async () => {
  const dataDir = tempDir()
  const lake = await startLakeProcess({dataDir, args: ['--compact-after-mb', '0.01']})
  lakes.push(lake)
  const editor = lake.client({token: LAKE_TOKENS.editor})
  const adminClient = lake.client({token: LAKE_TOKENS.administrator})
  const written = await editor.create({
    _id: ID,
    _type: 'pressRelease',
    title: 'Gespräche gehen weiter',
    review: {_type: 'editorialReview', status: 'pending', thirdParty: true},
  })
  const admin = {id: 'local-admin', name: 'Local Administrator', roles: ['administrator']}
  await adminClient
    .patch(ID)
    .set({review: review(written as PressReleaseDocument, 'requestChanges', admin)})
    .commit()
  for (let i = 0; i < 30; i++) await adminClient.createOrReplace({_id: `pad-${i}`, _type: 'pad', pad: 'y'.repeat(500)})
  await lake.stop()

  const restarted = await startLakeProcess({dataDir})
  lakes.push(restarted)
  const current = (await restarted.client({token: LAKE_TOKENS.editor}).getDocument(ID)) as PressReleaseDocument
  const selfApproval = restarted
    .client({token: LAKE_TOKENS.editor})
    .patch(ID)
    .set({review: review(current, 'approve', {id: 'local-editor', name: 'Local Editor', roles: ['editor']})})
    .commit()
  await expect(selfApproval).rejects.toThrow(/four-eyes/)
  const approved = await restarted
    .client({token: LAKE_TOKENS.administrator})
    .patch(ID)
    .set({review: review(current, 'approve', admin)})
    .commit()
  expect(approved.review.status).toBe('approved')
}, 60_000)

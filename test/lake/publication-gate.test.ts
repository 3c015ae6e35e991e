/**
 * The lake's own publication gate (lake/guards/publicationGate.ts), over HTTP with the
 * real client: third-party copy reaches a published id only with an approval of its
 * current content, whichever way it is written.
 */
import path from 'node:path'
import type {SanityDocument} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {decide, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, type LakeProcess} from '../support/lake'
import {runScript} from '../support/run-script'
import {refusalOf} from '../support/refusal'

const RELEASE_ID = 'pressRelease.000_e42a070e862f161b'
const reviewer = {id: 'local-editor', name: 'Local Editor', roles: ['editor']}

let lake: LakeProcess
const admin = () => lake.client({token: LAKE_TOKENS.administrator})

const publish = () =>
  admin().action({
    actionType: 'sanity.action.document.publish',
    draftId: `drafts.${RELEASE_ID}`,
    publishedId: RELEASE_ID,
  } as never)

beforeAll(async () => {
  lake = await startLakeProcess()
  const imported = await runScript('scripts/import.ts', [path.join(PROJECT_ROOT, 'seeds')], {SANITY_API_HOST: lake.url})
  expect(imported.code, imported.stderr).toBe(0)
})
afterAll(async () => {
  await lake?.stop()
})

describe('the lake’s publication gate', () => {
  it('refuses to publish unreviewed third-party copy, with the reasons', async () => {
    const refusal = await refusalOf(publish())
    expect(refusal?.statusCode).toBe(409)
    expect(refusal?.message).toContain(
      `${RELEASE_ID} cannot be published: Third-party copy must be approved before it is published`,
    )
    expect(await admin().getDocument(RELEASE_ID)).toBeUndefined()
  })

  it('refuses a direct write of the same copy to the published id', async () => {
    const draft = (await admin().getDocument(`drafts.${RELEASE_ID}`)) as SanityDocument
    const refusal = await refusalOf(admin().createOrReplace({...draft, _id: RELEASE_ID}))
    expect(refusal?.statusCode).toBe(409)
    expect(await admin().getDocument(RELEASE_ID)).toBeUndefined()
  })

  it('publishes once the current content is approved', async () => {
    const draft = (await admin().getDocument(`drafts.${RELEASE_ID}`)) as PressReleaseDocument
    const approval = decide(draft, {action: 'approve', user: reviewer, findings: []}, {reviewerRoles: ['editor']})
    if (!approval.ok) throw new Error(approval.reason)
    // The reviewer records their own decision, under their own token.
    await lake.client({token: LAKE_TOKENS.editor}).patch(`drafts.${RELEASE_ID}`).set({review: approval.review}).commit()
    await publish()
    expect((await admin().getDocument(RELEASE_ID))?.review?.status).toBe('approved')
  })

  it('refuses an edit straight to the published copy, which would outdate the approval', async () => {
    const refusal = await refusalOf(admin().patch(RELEASE_ID).set({title: 'Heimlich geändert'}).commit())
    expect(refusal?.statusCode).toBe(409)
    expect(refusal?.message).toContain('The approval is outdated')
    expect((await admin().getDocument(RELEASE_ID))?.title).not.toBe('Heimlich geändert')
  })

  it('lets a change that leaves the judged content alone through', async () => {
    await admin().patch(RELEASE_ID).set({usageTerms: 'Nur online.'}).commit()
    expect((await admin().getDocument(RELEASE_ID))?.usageTerms).toBe('Nur online.')
  })

  it('lets the newsroom’s own copy through without review', async () => {
    await admin().createOrReplace({
      _id: 'pressRelease.own',
      _type: 'pressRelease',
      title: 'Stadtrat beschließt neuen Haushalt',
      language: 'de',
      body: [
        {
          _type: 'block',
          _key: 'a',
          style: 'normal',
          markDefs: [],
          children: [{_type: 'span', _key: 'b', text: 'Der Stadtrat hat am Dienstag den Haushalt beschlossen.', marks: []}],
        },
      ],
    })
    expect(await admin().getDocument('pressRelease.own')).toBeDefined()
  })
})

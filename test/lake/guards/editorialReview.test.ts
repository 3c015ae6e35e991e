/**
 * Attacks on the editorial review over HTTP, with each role's token and with none,
 * against a real lake process holding the imported seed (lake/guards/editorialReview.ts).
 * Every attempt that would make third-party copy public without a reviewer's recorded
 * decision on exactly that content fails with a clear error and leaves nothing public;
 * the legitimate path (a reviewer's own decision, then publish) still works.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  approvedContentOf,
  approvedSnapshot,
  contentHash,
  decide,
  decisionPatches,
  diffSinceApproval,
  plainDiff,
  type PressReleaseDocument,
  type ReviewAction,
  type ReviewUser,
} from '../../../plugins/editorial-review/core'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, tempDir, type LakeProcess} from '../../support/lake'
import {runScript} from '../../support/run-script'
import {refusalOf} from '../../support/refusal'

const PUBLISHED_ID = 'pressRelease.000_e42a070e862f161b'
const DRAFT_ID = `drafts.${PUBLISHED_ID}`
const USERS: Record<'admin' | 'editor' | 'contributor', ReviewUser> = {
  admin: {id: 'local-admin', name: 'Local Administrator', roles: ['administrator']},
  editor: {id: 'local-editor', name: 'Local Editor', roles: ['editor']},
  contributor: {id: 'local-contributor', name: 'Local Contributor', roles: ['contributor']},
}

let lake: LakeProcess
const as = (token?: string): SanityClient => lake.client({token})
const admin = () => as(LAKE_TOKENS.administrator)
const editor = () => as(LAKE_TOKENS.editor)
const contributor = () => as(LAKE_TOKENS.contributor)

async function expectRefused(write: Promise<unknown>, message: string | RegExp, status = 409): Promise<void> {
  const refusal = await refusalOf(write)
  expect(refusal, 'the lake accepted the write').toBeDefined()
  expect(refusal?.statusCode).toBe(status)
  expect(refusal?.message).toMatch(message)
}

const draft = async () => (await admin().getDocument<PressReleaseDocument & {_id: string}>(DRAFT_ID))!
const publish = (client: SanityClient) =>
  client.action({actionType: 'sanity.action.document.publish', draftId: DRAFT_ID, publishedId: PUBLISHED_ID} as never)

/** What the Studio's decision actions compute on the client: `decide`, as some user, at some time. */
function decided(
  document: PressReleaseDocument,
  action: ReviewAction,
  user: ReviewUser,
  now: Date | string = new Date(),
  note?: string,
) {
  const result = decide(
    document,
    {action, user, now, findings: [], ...(note ? {note} : {})},
    {reviewerRoles: ['administrator', 'editor']},
  )
  if (!result.ok) throw new Error(result.reason)
  return result.review
}

/** Nothing of the seed is public, and publishing it is still refused. */
async function expectNothingPublic(): Promise<void> {
  expect(await admin().getDocument(PUBLISHED_ID)).toBeUndefined()
  expect(await refusalOf(publish(editor()))).toBeDefined()
}

beforeAll(async () => {
  lake = await startLakeProcess()
  const imported = await runScript('scripts/import.ts', [path.join(PROJECT_ROOT, 'seeds')], {SANITY_API_HOST: lake.url})
  expect(imported.code, imported.stderr).toBe(0)
})
afterAll(async () => {
  await lake?.stop()
})

describe('a client cannot assert a review decision', () => {
  it('refuses a forged status with a recomputed content hash, for every role and without a token', async () => {
    const document = await draft()
    const forged = {...document.review, status: 'approved', contentHash: contentHash(document)}
    for (const client of [editor(), admin(), as(undefined)]) {
      await expectRefused(client.patch(DRAFT_ID).set({review: forged}).commit(), /changes only by one reviewer's decision/)
    }
    await expectRefused(
      contributor().patch(DRAFT_ID).set({'review.status': 'approved'}).commit(),
      /changes only by one reviewer's decision/,
    )
    await expectNothingPublic()
  })

  it('refuses an approved hash copied from source.importedHash', async () => {
    const document = await draft()
    await expectRefused(
      editor()
        .patch(DRAFT_ID)
        .set({'review.status': 'approved', 'review.contentHash': (document.source as {importedHash: string}).importedHash})
        .commit(),
      /changes only by one reviewer's decision/,
    )
    await expectNothingPublic()
  })

  it('refuses a contributor’s decision attributed to an administrator, so a later publish stays shut', async () => {
    const document = await draft()
    await expectRefused(
      contributor()
        .patch(DRAFT_ID)
        .set({review: decided(document, 'approve', USERS.admin)})
        .commit(),
      /attributed to "local-admin", but "local-contributor" is writing it/,
    )
    const own = decide(document, {action: 'approve', user: USERS.contributor, findings: []}, {reviewerRoles: ['contributor']})
    if (!own.ok) throw new Error(own.reason)
    await expectRefused(contributor().patch(DRAFT_ID).set({review: own.review}).commit(), /Only reviewers/)
    await expectRefused(publish(editor()), /cannot be published/)
    await expectNothingPublic()
  })

  it('refuses a decision attributed to someone else, and one dated in the future', async () => {
    const document = await draft()
    await expectRefused(
      editor()
        .patch(DRAFT_ID)
        .set({review: decided(document, 'approve', USERS.admin)})
        .commit(),
      /attributed to "local-admin", but "local-editor" is writing it/,
    )
    const tomorrow = new Date(Date.now() + 24 * 3600_000)
    await expectRefused(
      editor()
        .patch(DRAFT_ID)
        .set({review: decided(document, 'approve', USERS.editor, tomorrow)})
        .commit(),
      /in the future/,
    )
    await expectNothingPublic()
  })

  it('refuses two decisions at once, a rewritten trail, and a decision that edits the copy it judges', async () => {
    const document = await draft()
    const once = decided(document, 'requestChanges', USERS.editor, new Date(), 'Bitte Quelle prüfen.')
    const twice = decided({...document, review: once}, 'approve', USERS.editor)
    await expectRefused(editor().patch(DRAFT_ID).set({review: twice}).commit(), /changes only by one reviewer's decision/)
    await expectRefused(
      editor()
        .patch(DRAFT_ID)
        .set({review: decided(document, 'approve', USERS.editor), title: 'Neu betitelt'})
        .commit(),
      /cannot change the copy it judges/,
    )
    await expectNothingPublic()
  })

  it('refuses a claimed status or hash the state machine does not give', async () => {
    const document = await draft()
    const review = decided(document, 'requestChanges', USERS.editor, new Date(), 'Bitte Quelle prüfen.')
    await expectRefused(
      editor()
        .patch(DRAFT_ID)
        .set({review: {...review, status: 'approved'}})
        .commit(),
      /review.status "approved" does not match what the lake records/,
    )
    const approval = decided(document, 'approve', USERS.editor)
    const wrongHash = 'sha256:' + '0'.repeat(64)
    const lastDecision = {...approval.decisions!.at(-1)!, contentHash: wrongHash}
    await expectRefused(
      editor()
        .patch(DRAFT_ID)
        .set({review: {...approval, contentHash: wrongHash, decisions: [...approval.decisions!.slice(0, -1), lastDecision]}})
        .commit(),
      /contentHash sha256:0+ (and .*)?do(es)? not match what the lake records/,
    )
    await expectNothingPublic()
  })

  it('refuses a planted snapshot of the approved content, which would let a diff hide a change', async () => {
    const document = await draft()
    for (const client of [editor(), admin(), contributor()]) {
      await expectRefused(
        client
          .patch(DRAFT_ID)
          .set({'review.approvedContent': approvedSnapshot(document)})
          .commit(),
        /changes only by one reviewer's decision/,
      )
    }
    expect((await draft()).review?.approvedContent).toBeUndefined()
  })
})

describe('no path around review', () => {
  it('refuses a decision from a request without a token, though it acts as the administrator', async () => {
    const document = await draft()
    await expectRefused(
      as(undefined)
        .patch(DRAFT_ID)
        .set({review: decided(document, 'approve', USERS.admin)})
        .commit(),
      /needs a signed-in reviewer/,
    )
    await expectNothingPublic()
  })

  it('remembers a third-party flag after every copy is deleted', async () => {
    await contributor().create({
      _id: 'drafts.pressRelease.flagged',
      _type: 'pressRelease',
      title: 'Officials met',
      review: {_type: 'editorialReview', status: 'pending', thirdParty: true},
    })
    await editor().delete('drafts.pressRelease.flagged')
    await expectRefused(
      editor().create({_id: 'pressRelease.flagged', _type: 'pressRelease', title: 'Officials met'}),
      /thirdParty cannot be cleared/,
    )
    expect(await admin().getDocument('pressRelease.flagged')).toBeUndefined()
  })

  it('refuses a _type switch into and out of a reviewed type', async () => {
    const document = await draft()
    const {_id, _rev, _createdAt, _updatedAt, review, ...copy} = document as PressReleaseDocument & Record<string, unknown>
    await editor().create({...copy, _id: 'smuggled', _type: 'category', title: document.title})
    await expectRefused(
      editor().patch('smuggled').set({_type: 'pressRelease'}).commit(),
      /_type cannot change from "category" to "pressRelease"/,
    )
    expect((await admin().getDocument('smuggled'))?._type).toBe('category')
    await expectRefused(editor().patch(DRAFT_ID).set({_type: 'category'}).commit(), /_type cannot change/)
  })

  it('refuses a restore without a token, and from a non-administrator', async () => {
    const body = JSON.stringify({
      mutations: [{createOrReplace: {_id: 'pressRelease.restored', _type: 'pressRelease', title: 'x'}}],
    })
    const post = (token?: string) =>
      fetch(`${lake.url}/v2025-02-19/data/mutate/production?lakeImport=true`, {
        method: 'POST',
        headers: {'content-type': 'application/json', ...(token ? {authorization: `Bearer ${token}`} : {})},
        body,
      })
    expect((await post()).status).toBe(403)
    expect((await post(LAKE_TOKENS.editor)).status).toBe(403)
    expect(await admin().getDocument('pressRelease.restored')).toBeUndefined()
  })

  it('a restore refuses unreviewed and forged published copy one by one, and the administrator’s flag is recorded', async () => {
    const document = await draft()
    const {_rev, _createdAt, _updatedAt, ...content} = document as PressReleaseDocument & Record<string, unknown>
    const unreviewed = {...content, _id: 'pressRelease.restored-unreviewed'}
    const byContributor = {
      ...content,
      _id: 'pressRelease.restored-forged',
      review: decided({...document, _id: 'pressRelease.restored-forged'}, 'approve', {...USERS.contributor, roles: ['editor']}),
    }
    const noDecision = {
      ...content,
      _id: 'pressRelease.restored-nodecision',
      review: {...document.review, status: 'approved', contentHash: contentHash(document), decisions: []},
    }
    const draftByContributor = {...byContributor, _id: 'drafts.pressRelease.restored-draft'}
    const ownCopy = {
      _id: 'pressRelease.restored-own',
      _type: 'pressRelease',
      title: 'Stadtrat beschließt Haushalt',
      language: 'de',
    }
    const dir = tempDir('restore-')
    const file = path.join(dir, 'restore.ndjson')
    fs.writeFileSync(
      file,
      [unreviewed, byContributor, noDecision, draftByContributor, ownCopy].map((doc) => JSON.stringify(doc)).join('\n') + '\n',
    )
    const restore = (...flags: string[]) =>
      runScript('lake/main.ts', ['import', file, '--replace', '--url', lake.url, '--token', LAKE_TOKENS.administrator, ...flags])

    const refused = await restore()
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'refused pressRelease.restored-unreviewed: pressRelease.restored-unreviewed cannot be published',
    )
    expect(refused.stderr).toContain(
      'refused pressRelease.restored-forged: pressRelease.restored-forged: its approval names "local-contributor"',
    )
    expect(refused.stderr).toContain(
      'refused pressRelease.restored-nodecision: pressRelease.restored-nodecision: its review says approved, but',
    )
    // A restored draft would carry its approval onto the published id at the next publish.
    expect(refused.stderr).toContain(
      'refused drafts.pressRelease.restored-draft: drafts.pressRelease.restored-draft: its approval names "local-contributor"',
    )
    expect(refused.stderr).toContain('--allow-unreviewed')
    expect(await admin().getDocument('pressRelease.restored-unreviewed')).toBeUndefined()
    expect(await admin().getDocument('pressRelease.restored-forged')).toBeUndefined()
    expect(await admin().getDocument('pressRelease.restored-own')).toBeDefined()

    const allowed = await restore('--allow-unreviewed')
    expect(allowed.code, allowed.stderr).toBe(0)
    expect(await admin().getDocument('pressRelease.restored-unreviewed')).toBeDefined()
    const log = await fetch(
      `${lake.url}/v2025-02-19/data/history/production/transactions/pressRelease.restored-unreviewed?excludeContent=true`,
      {headers: {authorization: `Bearer ${LAKE_TOKENS.administrator}`}},
    )
    const transactions = (await log.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as {author: string; lakeAllowedUnreviewed?: boolean})
    expect(transactions).toEqual([expect.objectContaining({author: 'local-admin', lakeAllowedUnreviewed: true})])
    await admin()
      .delete('pressRelease.restored-unreviewed')
      .catch(() => undefined)
  })
})

describe('the legitimate path', () => {
  it('records a reviewer’s own decision with the lake’s time and hash, and publish opens', async () => {
    const document = await draft()
    const requested = decided(document, 'requestChanges', USERS.editor, '2026-01-01T00:00:00.000Z', 'Bitte Lizenz prüfen.')
    const written = await editor().patch(DRAFT_ID).set({review: requested}).commit()
    const decision = written.review.decisions.at(-1)
    expect(decision).toMatchObject({action: 'requestChanges', userId: 'local-editor', contentHash: contentHash(document)})
    // Recorded at the commit, not at the time the client wrote.
    expect(decision.at).toBe(written._updatedAt)

    // The editor's review-only change does not make them the copy's author: they may approve.
    const approved = await editor()
      .patch(DRAFT_ID)
      .set({review: decided(written as PressReleaseDocument, 'approve', USERS.editor)})
      .commit()
    expect(approved.review.status).toBe('approved')
    await publish(editor())
    expect((await admin().getDocument(PUBLISHED_ID))?.review?.status).toBe('approved')
  })

  it('four eyes: whoever last changed the copy cannot approve it; another reviewer can', async () => {
    await editor().createIfNotExists({...(await admin().getDocument(PUBLISHED_ID))!, _id: DRAFT_ID})
    const edited = await editor().patch(DRAFT_ID).set({title: 'Gespräche gehen weiter'}).commit()
    await expectRefused(
      editor()
        .patch(DRAFT_ID)
        .set({review: decided(edited as PressReleaseDocument, 'approve', USERS.editor)})
        .commit(),
      /four-eyes/,
    )
    await expectRefused(publish(editor()), /approval is outdated/)
    expect((await admin().getDocument(PUBLISHED_ID))?.title).not.toBe('Gespräche gehen weiter')
    await admin()
      .patch(DRAFT_ID)
      .set({review: decided(edited as PressReleaseDocument, 'approve', USERS.admin)})
      .commit()
    await publish(editor())
    expect((await admin().getDocument(PUBLISHED_ID))?.title).toBe('Gespräche gehen weiter')
  })

  it('records its own snapshot with an approval, keeps it through an edit, and refuses one rewritten to hide the edit', async () => {
    const published = (await admin().getDocument<PressReleaseDocument & {_id: string}>(PUBLISHED_ID))!
    expect(approvedContentOf(published)?.title).toBe('Gespräche gehen weiter')
    await editor().createIfNotExists({...published, _id: DRAFT_ID})
    const edited = (await editor()
      .patch(DRAFT_ID)
      .set({title: 'Gespräche gehen am Montag weiter'})
      .commit()) as PressReleaseDocument
    // The edit steps the approval back; what it approved stays on record, so the diff needs no history.
    expect(plainDiff(diffSinceApproval(approvedContentOf(edited)!, edited))).toEqual([
      'title: Gespräche gehen {+am Montag +}weiter',
    ])
    await expectRefused(
      editor()
        .patch(DRAFT_ID)
        .set({'review.approvedContent': approvedSnapshot(edited)})
        .commit(),
      /changes only by one reviewer's decision/,
    )
    // A client's claimed snapshot is replaced by the lake's own, of the content as it is.
    const claimed = {...decided(edited, 'approve', USERS.admin), approvedContent: approvedSnapshot(published)}
    const approved = (await admin().patch(DRAFT_ID).set({review: claimed}).commit()) as PressReleaseDocument
    expect(approved.review?.approvedContent).toBe(approvedSnapshot(edited))
    expect(approvedContentOf(approved)?.title).toBe('Gespräche gehen am Montag weiter')
  })

  it('takes the Studio’s decision write, appended after the stored trail, though the form’s copy of earlier decisions is stale', async () => {
    await editor().createIfNotExists({...(await admin().getDocument(PUBLISHED_ID))!, _id: DRAFT_ID})
    const before = await draft()
    // The form keeps the decision as the client made it; the lake stored it with its own key and time.
    const stale = {...before, review: decided(before, 'reopen', USERS.editor, '2026-01-01T00:00:00.000Z')}
    await editor().patch(DRAFT_ID).set({review: stale.review}).commit()
    const next = decide(
      stale,
      {action: 'requestChanges', user: USERS.admin, note: 'Quelle nennen.', findings: []},
      {
        reviewerRoles: ['administrator', 'editor'],
      },
    )
    if (!next.ok) throw new Error(next.reason)
    // The whole review from the stale form reads as a rewritten trail, which the lake refuses.
    await expectRefused(admin().patch(DRAFT_ID).set({review: next.review}).commit(), /earlier decisions cannot be changed/)
    const transaction = admin().transaction()
    for (const operations of decisionPatches(next)) transaction.patch(DRAFT_ID, operations)
    await transaction.commit()
    const review = (await draft()).review!
    expect(review.decisions?.slice(-2).map(({action, userId}) => [action, userId])).toEqual([
      ['reopen', 'local-editor'],
      ['requestChanges', 'local-admin'],
    ])
    expect(review.status).toBe('changesRequested')
  })
})

/**
 * Content releases over HTTP with the real @sanity/client, as the Studio's Releases tool
 * drives them: create (and its `dryRun` permission check), edit, add and remove documents,
 * schedule, unschedule, publish, archive, unarchive, delete; the review gate holding on a
 * release that holds unapproved third-party copy, for a person and for the scheduler.
 */
import path from 'node:path'
import type {SanityDocument} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {decide, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, type LakeProcess} from '../support/lake'
import {refusalOf} from '../support/refusal'
import {runScript} from '../support/run-script'

/** The seed: third-party wire copy, imported as an unreviewed draft. */
const WIRE = 'pressRelease.000_e42a070e862f161b'
const OWN = 'pressRelease.own-copy'
const reviewer = {id: 'local-editor', name: 'Local Editor', roles: ['editor']}

let lake: LakeProcess
const admin = () => lake.client({token: LAKE_TOKENS.administrator})
const release = (releaseId: string) => admin().releases.get({releaseId})

beforeAll(async () => {
  lake = await startLakeProcess()
  const imported = await runScript('scripts/import.ts', [path.join(PROJECT_ROOT, 'seeds')], {SANITY_API_HOST: lake.url})
  expect(imported.code, imported.stderr).toBe(0)
  await admin().create({
    _id: `drafts.${OWN}`,
    _type: 'pressRelease',
    title: 'Stadtrat beschließt neuen Haushalt',
    language: 'de',
    body: [
      {
        _type: 'block',
        _key: 'a',
        style: 'normal',
        markDefs: [],
        children: [{_type: 'span', _key: 'b', text: 'Der Stadtrat hat heute den Haushalt beschlossen.', marks: []}],
      },
    ],
  })
}, 120_000)
afterAll(async () => {
  await lake?.stop()
})

describe('dryRun', () => {
  it('answers a release.create as Sanity does, without creating it (the Studio’s "New release" check)', async () => {
    const answer = await admin().releases.create(
      {releaseId: 'dry', metadata: {title: 'Dry', releaseType: 'asap'}},
      {
        dryRun: true,
      },
    )
    expect(answer.transactionId).toEqual(expect.any(String))
    expect(await release('dry')).toBeUndefined()
    const history = await admin().request<string>({url: `/data/history/production/transactions/_.releases.dry`})
    expect(history).toBeFalsy()
  })

  it('refuses in a dry run what it would refuse for real', async () => {
    const viewer = lake.client({token: LAKE_TOKENS.viewer})
    const refusal = await refusalOf(viewer.releases.create({releaseId: 'nope', metadata: {title: 'No'}}, {dryRun: true}))
    expect(refusal?.statusCode).toBe(403)
  })

  it('refuses "dryRun" that is not a boolean', async () => {
    const refusal = await refusalOf(
      admin().request({
        url: '/data/actions/production',
        method: 'POST',
        body: {actions: [{actionType: 'sanity.action.release.create', releaseId: 'x', metadata: {}}], dryRun: 'yes'},
      }),
    )
    expect(refusal?.statusCode).toBe(400)
  })
})

describe('a release with third-party copy', () => {
  it('is created, edited, and gets and loses documents', async () => {
    await admin().releases.create({releaseId: 'spring', metadata: {title: 'Spring', releaseType: 'asap'}})
    await admin().releases.edit({releaseId: 'spring', patch: {set: {'metadata.description': 'Wire and own copy'}}})
    expect(await release('spring')).toMatchObject({
      _type: 'system.release',
      state: 'active',
      metadata: {title: 'Spring', description: 'Wire and own copy'},
    })
    // Add both drafts (as the Studio's "Add to release" does: a version from the draft).
    for (const id of [WIRE, OWN]) await admin().createVersion({baseId: `drafts.${id}`, publishedId: id, releaseId: 'spring'})
    expect(await admin().getDocument(`versions.spring.${OWN}`)).toMatchObject({title: 'Stadtrat beschließt neuen Haushalt'})
    // Remove one and add it again.
    await admin().discardVersion({releaseId: 'spring', publishedId: OWN})
    expect(await admin().getDocument(`versions.spring.${OWN}`)).toBeUndefined()
    await admin().createVersion({baseId: `drafts.${OWN}`, publishedId: OWN, releaseId: 'spring'})
  })

  it('cannot be published while the copy is unapproved: 409 naming the document, nothing published', async () => {
    const refusal = await refusalOf(admin().releases.publish({releaseId: 'spring'}))
    expect(refusal?.statusCode).toBe(409)
    expect(refusal?.message).toContain(`${WIRE} cannot be published: Third-party copy must be approved`)
    expect(await admin().getDocument(WIRE)).toBeUndefined()
    expect(await admin().getDocument(OWN)).toBeUndefined()
    expect(await admin().getDocument(`versions.spring.${WIRE}`)).toBeDefined()
    expect((await release('spring'))?.state).toBe('active')
    // Nor in a dry run.
    expect((await refusalOf(admin().releases.publish({releaseId: 'spring'}, {dryRun: true})))?.statusCode).toBe(409)
  })

  it('is published once a reviewer approves the copy in the release', async () => {
    const version = (await admin().getDocument(`versions.spring.${WIRE}`)) as PressReleaseDocument
    const approval = decide(version, {action: 'approve', user: reviewer, findings: []}, {reviewerRoles: ['editor']})
    if (!approval.ok) throw new Error(approval.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(`versions.spring.${WIRE}`).set({review: approval.review}).commit()

    // A dry run says yes and changes nothing.
    await admin().releases.publish({releaseId: 'spring'}, {dryRun: true})
    expect(await admin().getDocument(WIRE)).toBeUndefined()
    expect((await release('spring'))?.state).toBe('active')

    await admin().releases.publish({releaseId: 'spring'})
    expect((await admin().getDocument(WIRE))?.review?.status).toBe('approved')
    expect(await admin().getDocument(OWN)).toMatchObject({title: 'Stadtrat beschließt neuen Haushalt'})
    expect(await admin().getDocument(`versions.spring.${WIRE}`)).toBeUndefined()
    expect(await release('spring')).toMatchObject({
      state: 'published',
      publishedAt: expect.any(String),
      finalDocumentStates: expect.arrayContaining([{id: `versions.spring.${WIRE}`}, {id: `versions.spring.${OWN}`}]),
    })
  })

  it('is archived, unarchived and deleted only from the states Sanity allows', async () => {
    expect((await refusalOf(admin().releases.publish({releaseId: 'spring'})))?.statusCode).toBe(400)
    await admin().releases.create({releaseId: 'scratch', metadata: {title: 'Scratch'}})
    expect((await refusalOf(admin().releases.delete({releaseId: 'scratch'})))?.statusCode).toBe(400)
    await admin().releases.archive({releaseId: 'scratch'})
    expect((await release('scratch'))?.state).toBe('archived')
    await admin().releases.unarchive({releaseId: 'scratch'})
    expect((await release('scratch'))?.state).toBe('active')
    await admin().releases.archive({releaseId: 'scratch'})
    await admin().releases.delete({releaseId: 'scratch'})
    expect(await release('scratch')).toBeUndefined()
  })
})

describe('archiving a release', () => {
  it('deletes its versions, keeps them readable in the history, and unarchiving brings them back as they were', async () => {
    await admin().releases.create({releaseId: 'autumn', metadata: {title: 'Autumn', releaseType: 'asap'}})
    await admin().createVersion({baseId: WIRE, publishedId: WIRE, releaseId: 'autumn'})
    await admin().createVersion({baseId: OWN, publishedId: OWN, releaseId: 'autumn'})
    const wireVersion = `versions.autumn.${WIRE}`
    // The version's copy is edited and approved again in the release: a review state no other copy has.
    await admin().patch(wireVersion).set({title: 'Herbstzahlen aus dem Hafen'}).commit()
    const edited = (await admin().getDocument(wireVersion)) as PressReleaseDocument
    const approval = decide(edited, {action: 'approve', user: reviewer, findings: []}, {reviewerRoles: ['editor']})
    if (!approval.ok) throw new Error(approval.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(wireVersion).set({review: approval.review}).commit()
    const before = await admin().getDocument(wireVersion)
    expect(before?.review?.status).toBe('approved')
    expect(before?.review?.decisions).not.toEqual((await admin().getDocument(WIRE))?.review?.decisions)

    await admin().releases.archive({releaseId: 'autumn'})
    expect(await admin().getDocument(wireVersion)).toBeUndefined()
    expect(await admin().getDocument(`versions.autumn.${OWN}`)).toBeUndefined()
    const archived = await release('autumn')
    expect(archived?.state).toBe('archived')
    expect(archived?.finalDocumentStates).toEqual(expect.arrayContaining([{id: wireVersion}, {id: `versions.autumn.${OWN}`}]))
    // Where the Releases tool reads an archived release's documents from.
    const {documents} = await admin().request<{documents: SanityDocument[]}>({
      url: `/data/history/production/documents/${wireVersion},versions.autumn.${OWN}?lastRevision=true`,
    })
    expect(documents.map((d) => d._id).sort()).toEqual([`versions.autumn.${OWN}`, wireVersion].sort())

    await admin().releases.unarchive({releaseId: 'autumn'})
    const restored = await admin().getDocument(wireVersion)
    expect(restored?.review).toEqual(before?.review)
    expect(restored?.title).toBe(before?.title)
    expect(await admin().getDocument(`versions.autumn.${OWN}`)).toBeDefined()
    const unarchived = await release('autumn')
    expect(unarchived?.state).toBe('active')
    expect(unarchived?.finalDocumentStates).toBeUndefined()
  })

  it('gives a deleted version back only its own last recorded review state, never a forged one', async () => {
    const id = `versions.autumn.${WIRE}`
    const last = (await admin().getDocument(id)) as PressReleaseDocument
    await admin().releases.archive({releaseId: 'autumn'})
    const {_rev: _r, ...content} = last
    // Its approval without the audit trail that backs it: not the state the lake recorded.
    const forged = {...content, review: {...last.review, decisions: []}}
    const refusal = await refusalOf(admin().create({...forged, _id: id, _type: 'pressRelease'}))
    expect(refusal?.statusCode).toBe(409)
    expect(refusal?.message).toContain('changes only by one reviewer')
    await admin().releases.unarchive({releaseId: 'autumn'})
    expect((await admin().getDocument(id))?.review).toEqual(last.review)
  })
})

describe('scheduled releases', () => {
  const wireDraft = async (id: string) => {
    const draft = (await admin().getDocument(`drafts.${WIRE}`)) as SanityDocument | undefined
    // The spring release published the draft's copy; a fresh third-party draft under another id stands in for new wire copy.
    const source = draft ?? ((await admin().getDocument(WIRE)) as SanityDocument)
    const {_rev: _r, _createdAt: _c, _updatedAt: _u, review: _review, ...content} = source
    await admin().createOrReplace({...content, _id: `drafts.${id}`})
  }

  it('answer the Studio’s dry-run probes whatever their state; the real action still needs the state', async () => {
    await admin().releases.create({releaseId: 'probe', metadata: {title: 'Probe', releaseType: 'scheduled'}})
    await admin().releases.schedule({releaseId: 'probe', publishAt: '2099-01-01T09:00:00.000Z'})
    // The Releases tool's menu asks about archive and schedule while the release is scheduled.
    await admin().releases.archive({releaseId: 'probe'}, {dryRun: true})
    await admin().releases.schedule({releaseId: 'probe', publishAt: new Date().toISOString()}, {dryRun: true})
    expect((await release('probe'))?.state).toBe('scheduled')
    const refusal = await refusalOf(admin().releases.archive({releaseId: 'probe'}))
    expect(refusal?.statusCode).toBe(400)
    expect(refusal?.message).toContain('it is scheduled (allowed from active, published)')
    // Roles still answer: a viewer's probe is refused.
    const viewer = lake.client({token: LAKE_TOKENS.viewer})
    expect((await refusalOf(viewer.releases.archive({releaseId: 'probe'}, {dryRun: true})))?.statusCode).toBe(403)
  })

  it('are unscheduled back to active, without their time', async () => {
    await admin().releases.create({releaseId: 'someday', metadata: {title: 'Someday', releaseType: 'scheduled'}})
    await admin().releases.schedule({releaseId: 'someday', publishAt: '2099-01-01T09:00:00.000Z'})
    expect(await release('someday')).toMatchObject({state: 'scheduled', publishAt: '2099-01-01T09:00:00.000Z'})
    await admin().releases.unschedule({releaseId: 'someday'})
    const unscheduled = await release('someday')
    expect(unscheduled?.state).toBe('active')
    expect(unscheduled?.publishAt).toBeUndefined()
    expect((await refusalOf(admin().releases.schedule({releaseId: 'someday', publishAt: 'tomorrow'})))?.statusCode).toBe(400)
  })

  it('publish by themselves when their time comes', async () => {
    await admin().releases.create({releaseId: 'due', metadata: {title: 'Due', releaseType: 'scheduled'}})
    await admin().createVersion({
      document: {_id: `versions.due.${OWN}`, _type: 'pressRelease', title: 'Haushalt: die Zahlen', language: 'de'},
      publishedId: OWN,
      releaseId: 'due',
    })
    await admin().releases.schedule({releaseId: 'due', publishAt: new Date(Date.now() - 1000).toISOString()})
    await expect.poll(async () => (await release('due'))?.state, {timeout: 20_000}).toBe('published')
    expect((await admin().getDocument(OWN))?.title).toBe('Haushalt: die Zahlen')
  })

  it('go through the review gate: unapproved third-party copy is not published, and the release says why', async () => {
    const id = 'pressRelease.wire-scheduled'
    await wireDraft(id)
    await admin().releases.create({releaseId: 'wire', metadata: {title: 'Wire', releaseType: 'scheduled'}})
    await admin().createVersion({baseId: `drafts.${id}`, publishedId: id, releaseId: 'wire'})
    await admin().releases.schedule({releaseId: 'wire', publishAt: new Date(Date.now() - 1000).toISOString()})
    await expect
      .poll(async () => (await release('wire'))?.error?.message, {timeout: 20_000})
      .toContain(`${id} cannot be published`)
    expect((await release('wire'))?.state).toBe('active')
    expect(await admin().getDocument(id)).toBeUndefined()
    expect(await admin().getDocument(`versions.wire.${id}`)).toBeDefined()
  })
})

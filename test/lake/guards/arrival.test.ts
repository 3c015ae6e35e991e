/**
 * When reviewed copy arrived, attacked over HTTP (lake/guards/arrival.ts): the due time
 * counts from `source.importedAt` (else `_createdAt`), so moving it forward, removing it,
 * dating new copy in the future or rewriting `_createdAt` would silence "overdue". Each is
 * refused with the field named; copies between siblings keep what they carry.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../../config/reviewPolicy'
import {decide, type PressReleaseDocument} from '../../../plugins/editorial-review/core'
import {LAKE_TOKENS, startLakeProcess, type LakeProcess} from '../../support/lake'
import {refusalOf} from '../../support/refusal'

const WIRE_COPY =
  'WASHINGTON (AP) — American and Israeli officials held virtual talks on Monday about a possible operation in Rafah.'
const ARRIVED = '2026-01-05T08:00:00.000Z'
const HOUR_MS = 3_600_000

let lake: LakeProcess
const as = (token?: string): SanityClient => lake.client({token})
const admin = () => as(LAKE_TOKENS.administrator)
const editor = () => as(LAKE_TOKENS.editor)
const contributor = () => as(LAKE_TOKENS.contributor)
const stored = async (id: string) => (await admin().getDocument<PressReleaseDocument & {_id: string}>(id))!
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString()

beforeAll(async () => {
  lake = await startLakeProcess()
})
afterAll(async () => {
  await lake?.stop()
})

let seq = 0
/** Imported wire copy, as the seed import writes it: a draft that arrived at `importedAt`. */
function wireCopy(fields: Record<string, unknown> = {}) {
  const id = `drafts.pressRelease.arrival-${++seq}`
  return {
    _id: id,
    _type: 'pressRelease',
    title: `Talks on Rafah ${seq}`,
    body: [
      {
        _key: 'b0',
        _type: 'block',
        style: 'normal',
        markDefs: [],
        children: [{_key: 's0', _type: 'span', marks: [], text: WIRE_COPY}],
      },
    ],
    source: {_type: 'importSource', fileName: `arrival-${seq}.txt`, importedAt: ARRIVED},
    ...fields,
  }
}

async function imported(fields: Record<string, unknown> = {}): Promise<string> {
  const document = wireCopy(fields)
  await contributor().create(document)
  return document._id
}

async function expectRefused(write: Promise<unknown>, message: RegExp): Promise<void> {
  const refusal = await refusalOf(write)
  expect(refusal, 'the lake accepted the write').toBeDefined()
  expect(refusal?.statusCode).toBe(409)
  expect(refusal?.message).toMatch(message)
}

describe('a stored arrival time', () => {
  it('cannot be moved forward, back or removed, by any role', async () => {
    const id = await imported()
    for (const client of [contributor(), editor(), admin()]) {
      await expectRefused(
        client
          .patch(id)
          .set({'source.importedAt': inHours(0)})
          .commit(),
        /source\.importedAt cannot be changed to "[^"]+": it records when the copy arrived \(2026-01-05T08:00:00\.000Z\)/,
      )
    }
    await expectRefused(
      editor().patch(id).set({'source.importedAt': '2020-01-01T00:00:00.000Z'}).commit(),
      /source\.importedAt cannot be changed/,
    )
    await expectRefused(editor().patch(id).unset(['source.importedAt']).commit(), /source\.importedAt cannot be removed/)
    await expectRefused(editor().patch(id).unset(['source']).commit(), /source\.importedAt cannot be removed/)
    await expectRefused(
      editor().createOrReplace({...wireCopy(), _id: id, source: undefined}),
      /source\.importedAt cannot be removed/,
    )
    expect((await stored(id)).source?.importedAt).toBe(ARRIVED)
    // An ordinary edit of the copy goes through.
    await contributor().patch(id).set({title: 'Talks on Rafah, updated'}).commit()
  })

  it('keeps _createdAt, which counts when there is no importedAt', async () => {
    const {source: _source, ...pasted} = wireCopy()
    await contributor().create(pasted)
    const createdAt = (await stored(pasted._id))._createdAt
    await expectRefused(
      contributor()
        .patch(pasted._id)
        .set({_createdAt: inHours(0.5)})
        .commit(),
      /_createdAt cannot change \(it is [^)]+\)/,
    )
    // Nor may copy without an importedAt gain one after its creation.
    await expectRefused(
      contributor()
        .patch(pasted._id)
        .set({'source.importedAt': inHours(0.5)})
        .commit(),
      /source\.importedAt "[^"]+" would move the copy's arrival after its creation/,
    )
    expect((await stored(pasted._id))._createdAt).toBe(createdAt)
  })
})

describe('a new document', () => {
  it('may not arrive in the future, nor with an arrival time that is not a time', async () => {
    await expectRefused(
      contributor().create(wireCopy({source: {_type: 'importSource', importedAt: inHours(3)}})),
      /source\.importedAt \S+ is in the future \(the lake's time is/,
    )
    await expectRefused(
      contributor().create(wireCopy({source: {_type: 'importSource', importedAt: 'soon'}})),
      /source\.importedAt "soon" is not an ISO 8601 time/,
    )
    const {source: _source, ...pasted} = wireCopy({_createdAt: inHours(3)})
    await expectRefused(contributor().create(pasted), /_createdAt \S+ is in the future/)
    // A client clock a few seconds ahead is fine.
    await contributor().create(wireCopy({source: {_type: 'importSource', importedAt: inHours(10 / 3600)}}))
  })

  it('that copies a sibling keeps its arrival time: publish, a draft from the published copy, a release version', async () => {
    const id = await imported()
    const publishedId = id.slice('drafts.'.length)
    const approval = decide(
      await stored(id),
      {action: 'approve', user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']}, findings: []},
      {reviewerRoles: REVIEW_POLICY.reviewerRoles},
    )
    if (!approval.ok) throw new Error(approval.reason)
    await editor().patch(id).set({review: approval.review}).commit()
    await editor().action({actionType: 'sanity.action.document.publish', draftId: id, publishedId})
    expect((await stored(publishedId)).source?.importedAt).toBe(ARRIVED)

    // The published copy arrived in January; a new draft of it cannot claim it arrived today.
    const {_rev: _r, ...published} = await stored(publishedId)
    await expectRefused(
      contributor().create({...published, _id: id, source: {...published.source, importedAt: inHours(0)}}),
      /a copy of an existing document keeps its source\.importedAt \(2026-01-05T08:00:00\.000Z\)/,
    )
    await expectRefused(
      contributor().create({...published, _id: id, source: {_type: 'importSource'}}),
      /keeps its source\.importedAt \(2026-01-05T08:00:00\.000Z\), not none/,
    )
    await editor().action({actionType: 'sanity.action.document.edit', draftId: id, publishedId, patch: {set: {title: 'Edited'}}})
    expect((await stored(id)).source?.importedAt).toBe(ARRIVED)
    await contributor().create({...published, _id: `versions.rArrival.${publishedId}`})
    expect((await stored(`versions.rArrival.${publishedId}`)).source?.importedAt).toBe(ARRIVED)
  })
})

/**
 * The gate on reused release text (lake/guards/reuse.ts) reads the lake's index of
 * release fingerprints: over HTTP with @sanity/client, an article reusing a release is
 * flagged and held at publish right after the release arrives, right after the lake
 * restarts from its journal, and no longer once the release is edited or deleted.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../../config/reviewPolicy'
import {DEFAULT_USERS} from '../../../lake/auth/users'
import {editorialReviewGuard} from '../../../lake/guards/editorialReview'
import type {RunningLake} from '../../../lake/server'
import type {PressReleaseDocument} from '../../../plugins/editorial-review/core'
import {LAKE_TOKENS, lakeClient, startGuardedLake, tempDir} from '../../support/lake'
import {refusalOf} from '../../support/refusal'
import {fillerReleases, textBlock} from '../../support/synthetic-releases'

const SOURCE_TEXT = [
  'Harbour Freight Systems will open a cold storage terminal at the port of Rostock in April, creating two hundred jobs and tripling the capacity for frozen goods bound for Scandinavia.',
  'The terminal runs on shore power and heat pumps, said chief operating officer Jonas Berglund, who expects the first ferries to dock at the new quay before the Easter holidays begin.',
]
const OTHER_TEXT =
  'Harbour Freight Systems postponed its plans for the Baltic coast after a review of shipping volumes, a spokesperson said on Tuesday without giving a new date.'
const OWN =
  'Our reporter spoke to dock workers who have waited years for the terminal and doubt the promised jobs will go to locals.'

const dataDir = tempDir('reuse-gate-')
let lake: RunningLake
let admin: SanityClient
let editor: SanityClient

const source = (id: string, texts: string[]) => ({
  _id: id,
  _type: 'pressRelease',
  title: 'Harbour Freight Systems opens Rostock terminal',
  language: 'en',
  body: texts.map((text, index) => textBlock(`s${index}`, text)),
})

async function start(): Promise<void> {
  lake = await startGuardedLake(editorialReviewGuard({policy: REVIEW_POLICY, users: DEFAULT_USERS}), dataDir)
  admin = lakeClient(lake, LAKE_TOKENS.administrator)
  editor = lakeClient(lake, LAKE_TOKENS.editor)
}

/** Writes an article copying the source as an editor (a Studio save) and tries to publish it. */
async function copyAndPublish(id: string) {
  await editor.createOrReplace({
    _id: `drafts.${id}`,
    _type: 'article',
    title: 'A terminal for Rostock',
    slug: {_type: 'slug', current: id},
    language: 'en',
    body: [...SOURCE_TEXT.map((text, index) => textBlock(`a${index}`, text)), textBlock('own', OWN)],
  })
  const draft = (await editor.getDocument(`drafts.${id}`)) as PressReleaseDocument
  const refusal = await refusalOf(
    editor.action({actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id} as never),
  )
  return {findings: draft.review?.findings?.map(({code}) => code) ?? [], refusal}
}

beforeAll(async () => {
  await start()
  const transaction = admin.transaction()
  for (const filler of fillerReleases(300)) transaction.createOrReplace(filler)
  transaction.createOrReplace(source('drafts.pressRelease.harbour', SOURCE_TEXT))
  transaction.createOrReplace(source('pressRelease.harbour-copy', SOURCE_TEXT))
  await transaction.commit()
}, 60_000)
afterAll(() => lake?.close())

describe('the gate on reused release text, with the index', () => {
  it('flags and holds an article written right after the releases arrived', async () => {
    const {findings, refusal} = await copyAndPublish('article.first')
    expect(findings).toContain('releaseReuse')
    expect(refusal?.statusCode).toBe(409)
    expect(refusal?.message).toContain('comes from “Harbour Freight Systems opens Rostock terminal”')
  })

  it('still holds it right after the lake restarts from its journal', async () => {
    await lake.close()
    await start()
    const {findings, refusal} = await copyAndPublish('article.restarted')
    expect(findings).toContain('releaseReuse')
    expect(refusal?.statusCode).toBe(409)
  })

  it('holds it while one of two copies of the release is left, and lets it through once neither says it any more', async () => {
    await admin.createOrReplace(source('drafts.pressRelease.harbour', [OTHER_TEXT]))
    expect((await copyAndPublish('article.edited')).refusal?.statusCode).toBe(409)
    await admin.delete('pressRelease.harbour-copy')
    const {findings, refusal} = await copyAndPublish('article.deleted')
    expect(findings).not.toContain('releaseReuse')
    expect(refusal).toBeUndefined()
  })
})

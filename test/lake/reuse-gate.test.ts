/**
 * The lake's gate on the newsroom's own copy (lake/guards/reuse.ts): with 10,000 releases
 * in the store, an article that reuses one above the policy's threshold is refused at
 * publish through @sanity/client as an editor; crediting the source, or a reviewer's
 * approval, opens it. An article quoting one sentence goes through.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {decide, type BodyItem, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {publicArticleBySlugQuery} from '../../queries'
import {REVIEW_LANES} from '../../queries/review'
import {LAKE_TOKENS, startLakeProcess, type LakeProcess} from '../support/lake'
import {refusalOf} from '../support/refusal'
import {fillerReleases, textBlock} from '../support/synthetic-releases'

const SOURCE = {
  _id: 'drafts.pressRelease.northwind',
  _type: 'pressRelease' as const,
  title: 'Northwind Robotics opens Leipzig plant',
  language: 'en',
  body: [
    'Northwind Robotics opened a second assembly plant in Leipzig on Monday, adding four hundred jobs and doubling its annual output of warehouse robots for European logistics firms.',
    'The new site covers twelve thousand square metres and runs on solar power from its own roof, according to chief executive Maria Lindqvist, who called the expansion a bet on automated supply chains.',
    'Production of the compact picking model Atlas Five starts in March, with first deliveries promised to three grocery chains in Germany, Austria and Poland before the summer holidays.',
  ].map((text, index) => textBlock(`r${index}`, text)),
}
const OWN =
  'Our reporter visited the industrial estate north of the city, where trucks queued at a gate that had been empty farmland two years ago.'

let lake: LakeProcess
let editor: SanityClient

const article = (id: string, body: BodyItem[], extra: object = {}) => ({
  _id: `drafts.${id}`,
  _type: 'article',
  title: 'A robot factory comes to town',
  slug: {_type: 'slug', current: id},
  language: 'en',
  body,
  ...extra,
})

const publish = (id: string) =>
  editor.action({actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id} as never)

beforeAll(async () => {
  lake = await startLakeProcess({timeoutMs: 60_000})
  const admin = lake.client({token: LAKE_TOKENS.administrator})
  const releases = [...fillerReleases(9_999), SOURCE]
  for (let start = 0; start < releases.length; start += 1_000) {
    const transaction = admin.transaction()
    for (const release of releases.slice(start, start + 1_000)) transaction.createOrReplace(release)
    await transaction.commit({visibility: 'async', returnDocuments: false})
  }
  expect(await admin.fetch('count(*[_type == "pressRelease"])')).toBe(10_000)
  editor = lake.client({token: LAKE_TOKENS.editor})
}, 180_000)
afterAll(async () => {
  await lake?.stop()
})

describe('the lake’s gate on reused release text', () => {
  const copied = [
    textBlock('a0', SOURCE.body[0]!.children![0]!.text!),
    textBlock('a1', SOURCE.body[1]!.children![0]!.text!),
    textBlock('a2', OWN),
  ]

  it('refuses to publish an article that reuses a release, naming the source', async () => {
    await editor.createOrReplace(article('article.copied', copied))
    const refusal = await refusalOf(publish('article.copied'))
    expect(refusal?.statusCode).toBe(409)
    expect(refusal?.message).toContain('article.copied cannot be published')
    expect(refusal?.message).toContain('comes from “Northwind Robotics opens Leipzig plant”')
    // Credit or approval is the way out; an article has no disclaimer field to fill.
    expect(refusal?.message).not.toContain('needs a disclaimer')
    expect(await editor.getDocument('article.copied')).toBeUndefined()
  })

  it('puts the copied article in "Needs review" as soon as it is written, without marking it third-party for good', async () => {
    const stored = (await editor.getDocument('drafts.article.copied')) as PressReleaseDocument
    expect(stored.review?.findings?.map((finding) => finding.code)).toContain('releaseReuse')
    // A credit must still be able to open it, so the sticky flag stays down.
    expect(stored.review?.thirdParty).not.toBe(true)
    // As the Studio's "Needs review" list asks for it.
    const needsReview = await lake
      .client({token: LAKE_TOKENS.editor, perspective: 'drafts'})
      .fetch<string[]>(`*[_type in $types && ${REVIEW_LANES.needsReview}]._id`, {types: ['pressRelease', 'article']})
    expect(needsReview).toContain('article.copied')
    expect(needsReview).not.toContain('article.quoting')
  })

  it('refuses the same copy written straight to the published id', async () => {
    const refusal = await refusalOf(editor.createOrReplace({...article('article.copied', copied), _id: 'article.direct'}))
    expect(refusal?.statusCode).toBe(409)
    expect(await editor.getDocument('article.direct')).toBeUndefined()
  })

  it('publishes it once the article credits its source', async () => {
    await editor
      .patch('drafts.article.copied')
      .set({
        credits: [
          {
            _key: 'c',
            _type: 'sourceCredit',
            release: {_type: 'reference', _ref: 'pressRelease.northwind', _weak: true},
            label: 'Based on a Northwind Robotics press release',
          },
        ],
      })
      .commit()
    await publish('article.copied')
    expect((await editor.getDocument('article.copied'))?.credits).toHaveLength(1)
    // The public query returns the label readers see.
    const published = await lake.client({perspective: 'published'}).fetch(publicArticleBySlugQuery, {slug: 'article.copied'})
    expect(published?.credits).toEqual([{label: 'Based on a Northwind Robotics press release', release: null}])
  })

  it('refuses removing the credit from the live article', async () => {
    const refusal = await refusalOf(editor.patch('article.copied').unset(['credits']).commit())
    expect(refusal?.statusCode).toBe(409)
  })

  it('publishes an uncredited article once a reviewer approves it', async () => {
    await editor.createOrReplace(article('article.approved', copied))
    expect(await refusalOf(publish('article.approved'))).toBeDefined()
    const draft = (await editor.getDocument('drafts.article.approved')) as PressReleaseDocument
    // Four eyes: the editor wrote it, so the administrator approves.
    const approval = decide(
      draft,
      {action: 'approve', user: {id: 'local-admin', name: 'Local Admin', roles: ['administrator']}, findings: []},
      {reviewerRoles: ['administrator', 'editor']},
    )
    if (!approval.ok) throw new Error(approval.reason)
    await lake.client({token: LAKE_TOKENS.administrator}).patch('drafts.article.approved').set({review: approval.review}).commit()
    await publish('article.approved')
    expect((await editor.getDocument('article.approved'))?.review?.status).toBe('approved')
  })

  it('lets an article that quotes one sentence of a release through', async () => {
    const quoting = [
      textBlock('q0', OWN),
      textBlock(
        'q1',
        'Local officials welcomed the investment. Production of the compact picking model Atlas Five starts in March, the company said, though unions want a say first.',
      ),
      textBlock(
        'q2',
        'Union representatives said they would seek a collective agreement covering shift patterns before the factory reaches full capacity next year.',
      ),
    ]
    await editor.createOrReplace(article('article.quoting', quoting))
    await publish('article.quoting')
    expect(await editor.getDocument('article.quoting')).toBeDefined()
  })
})

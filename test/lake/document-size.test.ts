/**
 * Documents have a size limit like Sanity's ("Maximum JSON document size: 32 MB"), enforced
 * on the document a transaction would leave, so patches cannot grow one past it either.
 * The limit is lowered here so the test need not move 32 MB per step.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SanityClient} from '@sanity/client'
import type {RunningLake} from '../../lake/server'
import {DEFAULT_MAX_DOCUMENT_BYTES} from '../../lake/store/lake-store'
import {clientOf, refusedWith, startLakeOn} from '../support/faulty-fs'
import {tempDir} from '../support/lake'

const LIMIT = 300_000
let lake: RunningLake
let client: SanityClient

beforeAll(async () => {
  lake = await startLakeOn(tempDir('lake-docsize-'), {store: {maxDocumentBytes: LIMIT}})
  client = clientOf(lake)
})
afterAll(async () => {
  await lake.close()
})

function expectTooLarge(refusal: Awaited<ReturnType<typeof refusedWith>>, id: string): void {
  expect(refusal.statusCode).toBe(413)
  expect(refusal.body.error.items?.[0]?.error).toMatchObject({
    type: 'documentTooLargeError',
    id,
    description: expect.stringMatching(
      new RegExp(`Document "${id.replace('.', '\\.')}" would be [\\d,]+ bytes of JSON, over the limit of 300,000 bytes`),
    ),
  })
}

describe('document size limit', () => {
  it("is Sanity's 32 MB (SI) unless configured", () => {
    expect(DEFAULT_MAX_DOCUMENT_BYTES).toBe(32_000_000)
  })

  it('refuses a create past the limit, naming the document', async () => {
    expectTooLarge(await refusedWith(client.create({_id: 'huge', _type: 'note', body: 'h'.repeat(LIMIT)})), 'huge')
    expect(await client.getDocument('huge')).toBeUndefined()
  })

  it('refuses a patch that grows a document past the limit, and keeps the document as it was', async () => {
    await client.create({_id: 'drafts.growing', _type: 'note', parts: ['a'.repeat(100_000)]})
    await client
      .patch('drafts.growing')
      .append('parts', ['b'.repeat(100_000)])
      .commit()
    // Each request is small; the document it would leave is not.
    expectTooLarge(
      await refusedWith(
        client
          .patch('drafts.growing')
          .append('parts', ['c'.repeat(100_000)])
          .commit(),
      ),
      'drafts.growing',
    )
    const doc = await client.getDocument<{parts: string[]}>('drafts.growing')
    expect(doc?.parts.map((part) => part[0])).toEqual(['a', 'b'])
    // Multi-byte text counts in bytes: 60,000 'é' are 120,000 bytes of UTF-8.
    expectTooLarge(
      await refusedWith(
        client
          .patch('drafts.growing')
          .set({extra: 'é'.repeat(60_000)})
          .commit(),
      ),
      'drafts.growing',
    )
    // Shrinking it again is fine.
    await client.patch('drafts.growing').unset(['parts[1]']).commit()
    expect((await client.getDocument<{parts: string[]}>('drafts.growing'))?.parts).toHaveLength(1)
  })

  it('refuses the whole transaction when one of its documents is too large', async () => {
    const refusal = await refusedWith(
      client
        .transaction()
        .create({_id: 'small', _type: 'note'})
        .create({_id: 'big', _type: 'note', body: 'x'.repeat(LIMIT)})
        .commit(),
    )
    expectTooLarge(refusal, 'big')
    expect(await client.fetch('*[_id in ["small", "big"]]')).toEqual([])
  })
})

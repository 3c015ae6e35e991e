/**
 * Delete and patch by query run inside the commit queue on the main thread, narrowed by the
 * id/type planner (lake/store/query.ts `workingDocs`): they must still see the transaction's
 * own earlier writes, and a query over the size limit is refused before it is parsed.
 */
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseArgs, serveOptions} from '../../lake/cli'
import {startLake, type RunningLake} from '../../lake/server'
import {MAX_QUERY_BYTES} from '../../lake/store/query'
import {lakeClient, tempDir} from '../support/lake'

let lake: RunningLake
let client: SanityClient

beforeAll(async () => {
  lake = await startLake(serveOptions(parseArgs(['--port', '0', '--data', tempDir()])))
  client = lakeClient(lake)
})

afterAll(async () => {
  await lake.close()
})

describe('delete and patch by query', () => {
  it("see the transaction's own earlier writes, though the type index only knows committed ones", async () => {
    await client
      .transaction()
      .create({_id: 'kept', _type: 'other'})
      .create({_id: 'old', _type: 'target'})
      .create({_id: 'drafts.old', _type: 'target'})
      .commit()
    await client.mutate([
      // Created, one document turned into the type and one out of it, in this same transaction.
      {create: {_id: 'fresh', _type: 'target'}},
      {createOrReplace: {_id: 'kept', _type: 'target', moved: true}},
      {createOrReplace: {_id: 'old', _type: 'other'}},
      {patch: {query: '*[_type == "target"]', set: {seen: true}}},
    ])
    const seen = await client.fetch<string[]>('*[seen == true]._id | order(@)')
    expect(seen).toEqual(['drafts.old', 'fresh', 'kept'])
    await client.delete({query: '*[_id in ["old", "drafts.old"]]'})
    expect(await client.fetch('*[_id in ["old", "drafts.old"]]')).toEqual([])
  })

  it('refuses a query over the size limit with a 400', async () => {
    const query = `*[_id in [${Array.from({length: 30_000}, (_, i) => `"id-${i}"`).join(',')}]]`
    expect(Buffer.byteLength(query)).toBeGreaterThan(MAX_QUERY_BYTES)
    await expect(client.delete({query})).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining(`at most ${MAX_QUERY_BYTES} bytes`),
    })
  })
})

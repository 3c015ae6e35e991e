/** A caller-chosen transaction id must be unique in the dataset (Sanity's rule), across restarts and compaction. */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SanityClient} from '@sanity/client'
import {startLakeProcess, tempDir, type LakeProcess} from '../support/lake'

let lake: LakeProcess
let client: SanityClient
const dataDir = tempDir('lake-txid-')

beforeAll(async () => {
  lake = await startLakeProcess({dataDir})
  client = lake.client()
}, 30_000)
afterAll(async () => {
  await lake.stop()
})

interface ErrorBody {
  error: {type: string; description: string; items?: {index: number; error: {type: string; description: string}}[]}
}

async function refusal(promise: Promise<unknown>): Promise<{statusCode: number; body: ErrorBody}> {
  try {
    await promise
  } catch (err) {
    const e = err as {statusCode: number; response: {body: ErrorBody}}
    return {statusCode: e.statusCode, body: e.response.body}
  }
  throw new Error('expected the request to be refused')
}

function expectTaken(result: {statusCode: number; body: ErrorBody}, id: string, type = 'mutationError'): void {
  expect(result.statusCode).toBe(409)
  expect(result.body.error.type).toBe(type)
  expect(result.body.error.items?.[0]?.error).toMatchObject({
    type: 'transactionIdConflictError',
    description: expect.stringContaining(`Transaction ID "${id}" already exists`),
  })
}

describe('caller-supplied transaction ids', () => {
  it('refuses a reused id, so a stale writer cannot pass ifRevisionID by reviving an old revision', async () => {
    await client.mutate([{create: {_id: 'tx-doc', _type: 'txTest', title: 'one'}}], {transactionId: 'tx-one'})
    // Writer A read the document at revision tx-one; writer B changes it since.
    await client.patch('tx-doc').set({title: 'two'}).commit({transactionId: 'tx-two'})
    // B (or anyone) reusing tx-one would make the document's _rev tx-one again...
    expectTaken(await refusal(client.patch('tx-doc').set({title: 'three'}).commit({transactionId: 'tx-one'})), 'tx-one')
    // ...so A's stale write still fails its revision check.
    const stale = await refusal(client.patch('tx-doc').ifRevisionId('tx-one').set({title: 'stale'}).commit())
    expect(stale.statusCode).toBe(409)
    expect(stale.body.error.items?.[0]?.error.type).toBe('documentRevisionIDDoesNotMatchError')
    expect(await client.getDocument('tx-doc')).toMatchObject({title: 'two', _rev: 'tx-two'})
  })

  it('refuses it as ?transactionId= and in actions, and nothing of the refused transaction is written', async () => {
    const res = await fetch(`${lake.url}/v2025-02-19/data/mutate/production?transactionId=tx-two`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({mutations: [{create: {_id: 'tx-new', _type: 'txTest'}}]}),
    })
    expectTaken({statusCode: res.status, body: (await res.json()) as ErrorBody}, 'tx-two')
    expect(await client.getDocument('tx-new')).toBeUndefined()
    const action = await refusal(
      client.action(
        {
          actionType: 'sanity.action.document.create',
          publishedId: 'tx-act',
          attributes: {_id: 'drafts.tx-act', _type: 'txTest'},
          ifExists: 'fail',
        },
        {transactionId: 'tx-one'},
      ),
    )
    expectTaken(action, 'tx-one', 'actionError')
  })

  it('accepts a fresh id, and the same id in another dataset', async () => {
    const res = await client.mutate([{create: {_id: 'tx-fresh', _type: 'txTest'}}], {
      transactionId: 'tx-three',
      returnFirst: false,
      returnDocuments: false,
    })
    expect(res.transactionId).toBe('tx-three')
    const other = lake.client({dataset: 'other'})
    expect(
      (
        await other.mutate([{create: {_id: 'tx-doc', _type: 'txTest'}}], {
          transactionId: 'tx-one',
          returnFirst: false,
          returnDocuments: false,
        })
      ).transactionId,
    ).toBe('tx-one')
  })

  it('still knows the used ids after a restart (journal) and after a compaction (snapshot revisions)', async () => {
    await lake.stop()
    lake = await startLakeProcess({dataDir})
    client = lake.client()
    expectTaken(await refusal(client.mutate([{create: {_id: 'tx-after', _type: 'txTest'}}], {transactionId: 'tx-two'})), 'tx-two')
    await lake.stop()
    // A tiny compaction threshold folds the journal into the snapshot when the lake opens.
    lake = await startLakeProcess({dataDir, args: ['--compact-after-mb', '0.000001']})
    client = lake.client()
    expect(fs.statSync(path.join(dataDir, 'journal.log')).size).toBe(0)
    expect(fs.readFileSync(path.join(dataDir, 'snapshot.ndjson'), 'utf8')).toContain('"_rev":"tx-two"')
    // tx-two is still tx-doc's _rev, so the snapshot remembers it.
    expectTaken(await refusal(client.mutate([{create: {_id: 'tx-after', _type: 'txTest'}}], {transactionId: 'tx-two'})), 'tx-two')
  })
})

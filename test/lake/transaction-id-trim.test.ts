/**
 * The set of used transaction ids is bounded: a dataset forgets all but the most recent
 * ones (kept small here), never a revision a document still carries, and keeps the recent
 * ones across a restart that compacted the journal into the snapshot.
 */
import {afterEach, describe, expect, it} from 'vitest'
import type {RunningLake} from '../../lake/server'
import {clientOf, refusedWith, startLakeOn} from '../support/faulty-fs'
import {tempDir} from '../support/lake'

const KEPT = 3
const lakes: RunningLake[] = []
afterEach(async () => {
  await Promise.all(lakes.splice(0).map((lake) => lake.close()))
})

async function start(dataDir: string, args: string[] = []): Promise<RunningLake> {
  const lake = await startLakeOn(dataDir, {args, store: {transactionIdsKept: KEPT}})
  lakes.push(lake)
  return lake
}

/** (`client.create` does not send a transaction id; `mutate` does.) */
function create(lake: RunningLake, id: string, transactionId: string, fields: Record<string, unknown> = {}) {
  return clientOf(lake).mutate([{create: {_id: id, _type: 'note', ...fields}}], {transactionId})
}

async function expectTaken(lake: RunningLake, transactionId: string): Promise<void> {
  const refusal = await refusedWith(create(lake, `probe-${transactionId}`, transactionId))
  expect(refusal.statusCode).toBe(409)
  expect(refusal.body.error.items?.[0]?.error.type).toBe('transactionIdConflictError')
}

async function expectFree(lake: RunningLake, transactionId: string): Promise<void> {
  await create(lake, `probe-${transactionId}`, transactionId)
  expect((await clientOf(lake).getDocument(`probe-${transactionId}`))?._rev).toBe(transactionId)
}

describe('transaction id trimming', () => {
  it('forgets old ids, never a live revision, and keeps the recent ones through a compacting restart', async () => {
    const dataDir = tempDir('lake-txtrim-')
    const lake = await start(dataDir)
    const client = clientOf(lake)
    // `kept` carries revision t-live to the end; `churn` goes through t-1 … t-6.
    await create(lake, 'kept', 't-live')
    await create(lake, 'churn', 't-1', {n: 0})
    for (const n of [2, 3, 4, 5, 6])
      await client
        .patch('churn')
        .set({n})
        .commit({transactionId: `t-${n}`})

    await expectTaken(lake, 't-6') // recent, and churn's revision
    await expectTaken(lake, 't-5') // recent
    await expectTaken(lake, 't-live') // long out of the recent ids, but a document still carries it
    await expectFree(lake, 't-1') // old and no longer anyone's revision: forgotten

    // Restart with a journal past the threshold: it is folded into the snapshot on start.
    await lake.close()
    const compacting = await start(dataDir, ['--compact-after-mb', '0.000001'])
    await compacting.close()
    // Now the snapshot alone must bring the recent ids (t-5 is no document's revision any more).
    const restarted = await start(dataDir)
    await expectTaken(restarted, 't-5')
    await expectTaken(restarted, 't-live')
    await expectFree(restarted, 't-2')
  })
})

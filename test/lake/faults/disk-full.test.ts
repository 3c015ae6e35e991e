/**
 * Disk full, then space again (issue #13 item 1): a journal write that fails part-way is
 * refused with 507 and leaves nothing behind (not in the file, not in memory, not seen by
 * queries or listeners), later writes succeed once there is space, and a restart finds
 * exactly the acknowledged writes.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {RunningLake} from '../../../lake/server'
import {clientOf, FaultyFs, refusedWith, startLakeOn} from '../../support/faulty-fs'
import {tempDir} from '../../support/lake'

const lakes: RunningLake[] = []
afterEach(async () => {
  await Promise.all(lakes.splice(0).map((lake) => lake.close()))
})

async function start(dataDir: string, faultyFs?: FaultyFs): Promise<RunningLake> {
  const lake = await startLakeOn(dataDir, faultyFs ? {fs: faultyFs} : {})
  lakes.push(lake)
  return lake
}

/** Ids of the documents the store told its listeners about (what `/data/listen` streams). */
function heard(lake: RunningLake): string[] {
  const ids: string[] = []
  lake.store.subscribe((event) => ids.push(...event.changes.map((change) => change.id)))
  return ids
}

async function restartedIds(dataDir: string, first: RunningLake): Promise<{ids: string[]; lake: RunningLake}> {
  await first.close()
  const lake = await start(dataDir)
  const ids = await clientOf(lake).fetch<string[]>('*[_type == "fault"] | order(_id) ._id')
  return {ids, lake}
}

describe('ENOSPC in the middle of a journal write', () => {
  it('refuses the write, cuts the partial record off, and writes on once space comes back; a restart has exactly what was acknowledged', async () => {
    const dataDir = tempDir('lake-enospc-')
    const disk = new FaultyFs()
    const lake = await start(dataDir, disk)
    const client = clientOf(lake)
    const events = heard(lake)
    const acknowledged: string[] = []
    const create = async (id: string) => {
      await client.create({_id: id, _type: 'fault', body: 'x'.repeat(300)})
      acknowledged.push(id)
    }
    for (let i = 0; i < 5; i++) await create(`before-${i}`)
    const log = path.join(dataDir, 'journal.log')
    const goodBytes = fs.statSync(log).size

    // The disk fills up: 100 bytes of the next record land, then ENOSPC.
    disk.fail('write', 'journal.log', 'ENOSPC', {partialBytes: 100})
    for (const id of ['full-0', 'full-1']) {
      const refusal = await refusedWith(client.create({_id: id, _type: 'fault', body: 'y'.repeat(300)}))
      expect(refusal.statusCode).toBe(507)
      expect(refusal.body.error.items?.[0]?.error).toMatchObject({
        type: 'insufficientStorageError',
        description: expect.stringMatching(/disk is full.*ENOSPC.*Nothing of this transaction was written or applied/),
      })
    }
    expect(disk.fired).toBe(2)
    // Nothing of the refused writes anywhere: not on disk, not in memory, not to listeners.
    expect(fs.statSync(log).size).toBe(goodBytes)
    expect(await client.fetch('*[_id in ["full-0", "full-1"]]')).toEqual([])
    expect(events.filter((id) => id.startsWith('full-'))).toEqual([])

    // Space comes back: writes are taken again, on lines of their own.
    disk.heal()
    for (let i = 0; i < 5; i++) await create(`after-${i}`)
    // A patch of an existing document too, so a refused patch would show as a wrong value.
    disk.fail('write', 'journal.log', 'ENOSPC', {partialBytes: 10, times: 1})
    expect((await refusedWith(client.patch('before-0').set({body: 'lost'}).commit())).statusCode).toBe(507)
    await client.patch('before-1').set({body: 'kept'}).commit()

    const {ids, lake: restarted} = await restartedIds(dataDir, lake)
    expect(restarted.store.recoveredTailBytes).toBe(0)
    expect(ids).toEqual([...acknowledged].sort())
    expect(await clientOf(restarted).getDocument('before-0')).toMatchObject({body: 'x'.repeat(300)})
    expect(await clientOf(restarted).getDocument('before-1')).toMatchObject({body: 'kept'})
    expect(events).toEqual([...acknowledged, 'before-1'])
  })

  it('stops the journal when the partial record cannot be removed either, and a restart repairs the torn tail', async () => {
    const dataDir = tempDir('lake-enospc-stuck-')
    const disk = new FaultyFs()
    const lake = await start(dataDir, disk)
    const client = clientOf(lake)
    const acknowledged: string[] = []
    for (let i = 0; i < 3; i++) {
      await client.create({_id: `ok-${i}`, _type: 'fault'})
      acknowledged.push(`ok-${i}`)
    }
    // The write fails part-way and cutting it back fails too: the journal cannot vouch for its tail.
    disk.fail('write', 'journal.log', 'ENOSPC', {partialBytes: 50, times: 1})
    disk.fail('ftruncate', 'journal.log', 'EIO', {times: 1})
    expect((await refusedWith(client.create({_id: 'torn', _type: 'fault'}))).statusCode).toBe(503)
    disk.heal()
    // No record may follow the partial one on its line: the journal refuses writes until a restart.
    const stopped = await refusedWith(client.create({_id: 'later', _type: 'fault'}))
    expect(stopped.statusCode).toBe(503)
    expect(stopped.body.error.items?.[0]?.error.description).toMatch(/refuses every write until the lake is restarted/)
    expect(await client.fetch('count(*[_type == "fault"])')).toBe(3)

    const {ids, lake: restarted} = await restartedIds(dataDir, lake)
    expect(restarted.store.recoveredTailBytes).toBe(50)
    expect(ids).toEqual(acknowledged)
    await clientOf(restarted).create({_id: 'later', _type: 'fault'})
    expect(await clientOf(restarted).getDocument('later')).toBeDefined()
  })
})

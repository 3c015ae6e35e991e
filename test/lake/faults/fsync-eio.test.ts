/**
 * EIO on fsync (issue #13): the commit is not acknowledged, and the journal takes no more
 * writes until a restart, because after a failed fsync the kernel may have dropped the
 * unwritten pages and cleared the error, so a later fsync that passes proves nothing
 * (PostgreSQL's "fsyncgate"). Reads go on from acknowledged data; a restart re-reads what
 * is durable and writes again.
 */
import {afterEach, describe, expect, it} from 'vitest'
import type {RunningLake} from '../../../lake/server'
import {clientOf, FaultyFs, refusedWith, startLakeOn} from '../../support/faulty-fs'
import {tempDir} from '../../support/lake'

const lakes: RunningLake[] = []
afterEach(async () => {
  await Promise.all(lakes.splice(0).map((lake) => lake.close()))
})

describe('EIO on the journal fsync', () => {
  it('answers 503, applies nothing, refuses writes until a restart, and the restart has every acknowledged write', async () => {
    const dataDir = tempDir('lake-eio-')
    const disk = new FaultyFs()
    const lake = await startLakeOn(dataDir, {fs: disk})
    lakes.push(lake)
    const client = clientOf(lake)
    const heard: string[] = []
    lake.store.subscribe((event) => heard.push(...event.changes.map((change) => change.id)))
    const acknowledged: string[] = []
    for (let i = 0; i < 5; i++) {
      await client.create({_id: `eio-${i}`, _type: 'fault', n: i})
      acknowledged.push(`eio-${i}`)
    }
    await client.patch('eio-0').inc({n: 10}).commit()

    // One fsync fails; the disk is fine again right after, which is exactly when a retry would lie.
    disk.fail('fsync', 'journal.log', 'EIO', {times: 1})
    const failed = await refusedWith(client.patch('eio-0').inc({n: 100}).commit())
    expect(failed.statusCode).toBe(503)
    expect(failed.body.error.items?.[0]?.error).toMatchObject({
      type: 'storageError',
      description: expect.stringMatching(/fsync of .*journal\.log failed \(EIO\).*restarted/),
    })
    expect(disk.fired).toBe(1)
    const refused = await refusedWith(client.create({_id: 'eio-after', _type: 'fault'}))
    expect(refused.statusCode).toBe(503)
    expect(refused.body.error.items?.[0]?.error.description).toMatch(/stopped taking writes/)

    // Reads answer from acknowledged data only: the failed inc is nowhere, nor told to listeners.
    expect(await client.getDocument('eio-0')).toMatchObject({n: 10})
    expect(await client.fetch('count(*[_type == "fault"])')).toBe(5)
    expect(heard).toEqual([...acknowledged, 'eio-0'])

    await lake.close()
    const restarted = await startLakeOn(dataDir)
    lakes.push(restarted)
    const again = clientOf(restarted)
    expect(await again.fetch('*[_type == "fault"] | order(_id) ._id')).toEqual(acknowledged)
    expect(await again.getDocument('eio-0')).toMatchObject({n: 10})
    await again.create({_id: 'eio-after', _type: 'fault'})
    expect(await again.getDocument('eio-after')).toBeDefined()
  })
})

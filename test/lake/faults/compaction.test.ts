/**
 * Compaction off the commit path (issue #13 item 2): a commit that is durable is
 * acknowledged even when the compaction after it fails; the failure leaves no temp file,
 * is retried with backoff rather than on every commit, and a restart keeps every
 * acknowledged write. Concurrent commits share one compaction.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {RunningLake} from '../../../lake/server'
import type {LakeUser} from '../../../lake/store/types'
import {clientOf, FaultyFs, startLakeOn} from '../../support/faulty-fs'
import {tempDir} from '../../support/lake'

const lakes: RunningLake[] = []
afterEach(async () => {
  await Promise.all(lakes.splice(0).map((lake) => lake.close()))
})

async function start(dataDir: string, options: {fs?: FaultyFs; args?: string[]} = {}): Promise<RunningLake> {
  const lake = await startLakeOn(dataDir, options)
  lakes.push(lake)
  return lake
}

/** Compact past 10 KB of journal. */
const SMALL_JOURNAL = ['--compact-after-mb', String(10_000 / 1024 / 1024)]

describe('a compaction that fails', () => {
  it('does not fail the durable commits, leaves no temp file, backs off, and loses nothing across a restart', async () => {
    const dataDir = tempDir('lake-compaction-')
    const disk = new FaultyFs()
    // The snapshot never gets renamed into place.
    disk.fail('rename', 'snapshot.ndjson', 'EIO')
    const lake = await start(dataDir, {fs: disk, args: SMALL_JOURNAL})
    const client = clientOf(lake)
    const writes = 60
    for (let i = 0; i < writes; i++) {
      // Every one of these is durable, so every one is acknowledged (a 500 here would invite a duplicating retry).
      await client.create({_id: `c-${i}`, _type: 'fault', n: 0, pad: 'z'.repeat(600)})
    }
    await client.patch('c-0').inc({n: 1}).commit()
    await lake.store.compactionSettled()
    // Tried, but not on each of the ~45 commits past the threshold: it backs off.
    expect(disk.fired).toBeGreaterThanOrEqual(1)
    expect(disk.fired).toBeLessThan(10)
    expect(fs.readdirSync(dataDir).filter((file) => file.endsWith('.tmp'))).toEqual([])
    expect(fs.existsSync(path.join(dataDir, 'snapshot.ndjson'))).toBe(false)

    // A crash in the middle of a compaction leaves temp files; the next start removes them.
    await lake.close()
    const stale = ['snapshot.ndjson.tmp', 'journal.log.tmp'].map((file) => path.join(dataDir, file))
    for (const file of stale) fs.writeFileSync(file, 'half a file')
    const restarted = await start(dataDir)
    expect(restarted.store.removedTempFiles).toEqual(stale)
    expect(stale.filter((file) => fs.existsSync(file))).toEqual([])
    expect(await clientOf(restarted).fetch('count(*[_type == "fault"])')).toBe(writes)

    // With the disk healthy, the long journal is folded into a snapshot on start, and nothing is lost.
    await restarted.close()
    const compacted = await start(dataDir, {args: SMALL_JOURNAL})
    expect(fs.statSync(path.join(dataDir, 'journal.log')).size).toBe(0)
    const again = clientOf(compacted)
    expect(await again.fetch('count(*[_type == "fault"])')).toBe(writes)
    expect(await again.getDocument('c-0')).toMatchObject({n: 1})
  })

  it('runs once for concurrent commits that each pass the threshold, and keeps commits made while it runs', async () => {
    const dataDir = tempDir('lake-compaction-concurrent-')
    const disk = new FaultyFs()
    const renames: string[] = []
    const rename = disk.rename.bind(disk)
    disk.rename = (from, to) => {
      renames.push(path.basename(to))
      rename(from, to)
    }
    const lake = await start(dataDir, {fs: disk, args: SMALL_JOURNAL})
    const user = {id: 'local-admin', name: 'Admin', email: '', role: 'administrator'} as LakeUser
    const commit = (i: number) =>
      lake.store.commit('production', user, {kind: 'mutate'}, (ws) => {
        ws.put(`big-${i}`, {_id: `big-${i}`, _type: 'fault', pad: 'q'.repeat(50_000)})
      })
    await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(commit))
    await new Promise((resolve) => setImmediate(resolve))
    await lake.store.compactionSettled()
    expect(renames.filter((file) => file === 'snapshot.ndjson')).toHaveLength(1)
    expect(fs.statSync(path.join(dataDir, 'journal.log')).size).toBe(0)

    // Commits go on while a compaction writes: the records after its snapshot stay in the journal.
    await commit(8)
    await new Promise((resolve) => setImmediate(resolve))
    const running = lake.store.compactionSettled()
    await commit(9)
    await running
    await lake.close()
    const restarted = await start(dataDir)
    expect(await clientOf(restarted).fetch('*[_type == "fault"] | order(_id) ._id')).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `big-${i}`).sort(),
    )
  })

  it('waits for a lull in commits, so a stream of writes (an import) is not slowed by one, unless the journal is overdue', async () => {
    const dataDir = tempDir('lake-compaction-lull-')
    const disk = new FaultyFs()
    const snapshots: string[] = []
    const rename = disk.rename.bind(disk)
    disk.rename = (from, to) => {
      if (path.basename(to) === 'snapshot.ndjson') snapshots.push(to)
      rename(from, to)
    }
    const lake = await start(dataDir, {fs: disk, args: SMALL_JOURNAL})
    const user = {id: 'local-admin', name: 'Admin', email: '', role: 'administrator'} as LakeUser
    const commit = (i: number) =>
      lake.store.commit('production', user, {kind: 'mutate'}, (ws) => {
        ws.put(`w-${i}`, {_id: `w-${i}`, _type: 'fault', pad: 'w'.repeat(4_000)})
      })
    const turns = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
    }
    // Past the threshold (10 KB) but not twice it: due, yet commits keep coming.
    for (let i = 0; i < 4; i++) await commit(i)
    await turns(20)
    expect(snapshots).toEqual([])
    // Once commits pause, it runs on its own.
    await expect.poll(() => snapshots.length, {timeout: 10_000}).toBe(1)
    expect(fs.statSync(path.join(dataDir, 'journal.log')).size).toBe(0)
    // Past twice the threshold it does not wait for a lull.
    for (let i = 4; i < 10; i++) await commit(i)
    await turns(20)
    expect(snapshots).toHaveLength(2)
    await lake.close()
    const restarted = await start(dataDir)
    expect(await clientOf(restarted).fetch('count(*[_type == "fault"])')).toBe(10)
  })
})

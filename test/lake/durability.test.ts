/** Persistence across restarts, kill -9 during writes, torn-tail recovery, corruption and compaction. */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {LAKE_TOKENS, startLakeProcess, tempDir} from '../support/lake'

const LOG = 'journal.log'

describe('durability', () => {
  it('keeps documents across a clean restart', async () => {
    const dataDir = tempDir()
    const first = await startLakeProcess({dataDir})
    await first.client().create({_id: 'p-1', _type: 'category', title: 'persisted'})
    await first.client().patch('p-1').set({title: 'persisted twice'}).commit()
    expect(await first.stop()).toBe(0)
    const second = await startLakeProcess({dataDir})
    expect(await second.client().getDocument('p-1')).toMatchObject({title: 'persisted twice'})
    // History survives too, so the document pane's timeline works after a restart.
    const res = await fetch(`${second.url}/v2025-02-19/data/history/production/transactions/p-1`)
    expect((await res.text()).trim().split('\n')).toHaveLength(2)
    await second.stop()
  }, 60_000)

  it('keeps every acknowledged write after kill -9 in the middle of a write stream', async () => {
    const dataDir = tempDir()
    const lake = await startLakeProcess({dataDir})
    const client = lake.client()
    const acknowledged: string[] = []
    let stop = false
    const writer = async (stream: number) => {
      for (let i = 0; !stop; i++) {
        const id = `k-${stream}-${i}`
        try {
          await client.create({_id: id, _type: 'crash', stream, i, body: 'x'.repeat(200)})
          acknowledged.push(id)
        } catch {
          return // the lake died mid-request: this write was never acknowledged
        }
      }
    }
    const writers = [0, 1, 2, 3].map(writer)
    // Kill while the writers are in full flow, however fast this machine's fsync is.
    const deadline = Date.now() + 15_000
    while (acknowledged.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    await lake.kill9()
    stop = true
    await Promise.all(writers)
    expect(acknowledged.length).toBeGreaterThanOrEqual(40)

    const restarted = await startLakeProcess({dataDir})
    const ids = new Set(await restarted.client().fetch<string[]>('*[_type == "crash"]._id'))
    const missing = acknowledged.filter((id) => !ids.has(id))
    expect(missing).toEqual([])
    await restarted.stop()
  }, 60_000)

  it('drops a torn tail left by a crash, keeps earlier records, and appends cleanly after it', async () => {
    const dataDir = tempDir()
    const lake = await startLakeProcess({dataDir})
    await lake.client().create({_id: 't-1', _type: 'torn', n: 1})
    await lake.client().create({_id: 't-2', _type: 'torn', n: 2})
    await lake.kill9()
    const log = path.join(dataDir, LOG)
    const intact = fs.statSync(log).size
    // What a crash mid-append leaves: a record cut off before its newline.
    const full = fs.readFileSync(log, 'utf8').trim().split('\n').pop()!
    fs.appendFileSync(log, full.slice(0, Math.floor(full.length / 2)))

    const recovered = await startLakeProcess({dataDir})
    expect(recovered.stderr()).toMatch(/dropped a torn tail of \d+ bytes/)
    expect(fs.statSync(log).size).toBe(intact)
    expect(await recovered.client().fetch('*[_type == "torn"] | order(n) .n')).toEqual([1, 2])
    await recovered.client().create({_id: 't-3', _type: 'torn', n: 3})
    await recovered.stop()

    const again = await startLakeProcess({dataDir})
    expect(again.stderr()).not.toMatch(/torn tail/)
    expect(await again.client().fetch('*[_type == "torn"] | order(n) .n')).toEqual([1, 2, 3])
    await again.stop()
  }, 60_000)

  it('refuses to start on a damaged record that valid records follow, naming the file', async () => {
    const dataDir = tempDir()
    const lake = await startLakeProcess({dataDir})
    for (const n of [1, 2, 3]) await lake.client().create({_id: `c-${n}`, _type: 'corrupt', title: `title number ${n}`})
    await lake.stop()
    const log = path.join(dataDir, LOG)
    const text = fs.readFileSync(log, 'utf8')
    fs.writeFileSync(log, text.replace('title number 2', 'title number X'))
    await expect(startLakeProcess({dataDir})).rejects.toThrow(/Corrupt lake data in .*journal\.log.*line 2/)
  }, 60_000)

  it('compacts the journal into a snapshot and loads it on restart', async () => {
    const dataDir = tempDir()
    const lake = await startLakeProcess({dataDir, args: ['--compact-after-mb', '0.01']})
    const client = lake.client()
    for (let i = 0; i < 30; i++) await client.createOrReplace({_id: `s-${i}`, _type: 'snap', i, pad: 'y'.repeat(500)})
    await client.delete('s-0')
    await lake.stop()
    expect(fs.existsSync(path.join(dataDir, 'snapshot.ndjson'))).toBe(true)
    expect(fs.statSync(path.join(dataDir, LOG)).size).toBeLessThan(10 * 1024)
    const restarted = await startLakeProcess({dataDir})
    expect(await restarted.client().fetch('count(*[_type == "snap"])')).toBe(29)
    expect(await restarted.client().getDocument('s-0')).toBeUndefined()
    await restarted.stop()
  }, 60_000)

  it('keeps who made each document’s current revision through compaction, for the four-eyes rule', async () => {
    const dataDir = tempDir()
    const lake = await startLakeProcess({dataDir, args: ['--compact-after-mb', '0.01']})
    await lake.client({token: LAKE_TOKENS.editor}).create({_id: 'drafts.w-1', _type: 'category', title: 'written by the editor'})
    for (let i = 0; i < 30; i++) await lake.client().createOrReplace({_id: `pad-${i}`, _type: 'snap', pad: 'y'.repeat(500)})
    await lake.stop()
    expect(fs.readFileSync(path.join(dataDir, 'snapshot.ndjson'), 'utf8')).toContain('drafts.w-1')
    const restarted = await startLakeProcess({dataDir})
    try {
      const res = await fetch(`${restarted.url}/v2025-02-19/data/history/production/transactions/drafts.w-1?excludeContent=true`)
      const transactions = (await res.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as {author: string})
      expect(transactions.map((transaction) => transaction.author)).toEqual(['local-editor'])
    } finally {
      await restarted.stop()
    }
  }, 60_000)

  it('refuses a second lake on the same data directory', async () => {
    const dataDir = tempDir()
    const lake = await startLakeProcess({dataDir})
    await expect(startLakeProcess({dataDir})).rejects.toThrow(/in use by another lake/)
    await lake.stop()
  }, 60_000)
})

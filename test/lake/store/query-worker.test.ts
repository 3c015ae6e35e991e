/**
 * Query workers apply the commits they are sent lazily (lake/store/query-worker.ts: after a
 * pause in commits, or before a query): a query answered by a worker must still see every
 * commit acknowledged before it was sent, however fast commits and queries alternate.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseArgs, serveOptions} from '../../../lake/cli'
import {startLake, type RunningLake} from '../../../lake/server'
import {lakeClient, tempDir} from '../../support/lake'

let lake: RunningLake

beforeAll(async () => {
  lake = await startLake(serveOptions(parseArgs(['--port', '0', '--data', tempDir('lake-worker-'), '--query-workers', '1'])))
})
afterAll(async () => {
  await lake.close()
})

// Past the main thread's 2,000-character fast path, so a worker answers it.
const IN_A_WORKER = `// ${'padding '.repeat(260)}\n*[_type == "counter"] | order(n desc)[0].n`

describe('a query worker', () => {
  it('sees every acknowledged commit, with commits and queries alternating faster than it applies them on its own', async () => {
    const client = lakeClient(lake)
    for (let n = 1; n <= 25; n++) {
      await client.createOrReplace({_id: `counter-${n % 3}`, _type: 'counter', n})
      expect(await client.fetch(IN_A_WORKER)).toBe(n)
    }
    // A burst of commits, then one query: all of them are applied first.
    await Promise.all(Array.from({length: 20}, (_, i) => client.create({_id: `burst-${i}`, _type: 'counter', n: 100 + i})))
    expect(await client.fetch(IN_A_WORKER)).toBe(119)
    expect(await client.fetch(`// ${'padding '.repeat(260)}\ncount(*[_type == "counter"])`)).toBe(23)
  })
})

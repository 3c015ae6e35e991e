/**
 * The NDJSON import's retry after a lost answer does not write twice (issue #13: retries
 * duplicated creates): the lake commits a batch, the connection drops before the answer
 * arrives, and the import sends the batch again under the same transaction id; the lake
 * refuses the id as taken, which the import takes as "committed", and goes on.
 */
import net from 'node:net'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {importDocuments, parseNdjson} from '../../lake-client/ndjson'
import type {RunningLake} from '../../lake/server'
import {clientOf, startLakeOn} from '../support/faulty-fs'
import {tempDir} from '../support/lake'

let lake: RunningLake
let proxy: net.Server
let proxyUrl: string
/** Answers the proxy swallowed (the connection dropped instead). */
let dropped = 0
/** Drop the answer to the request whose head contains this, once. */
let dropAnswerTo: string | undefined

beforeAll(async () => {
  lake = await startLakeOn(tempDir('lake-import-retry-'))
  const target = new URL(lake.url)
  // A loopback proxy that can lose the lake's answer after the lake has committed.
  proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname)
    let request = ''
    client.on('data', (chunk: Buffer) => {
      // The lake serves only its own host:port; latin1 keeps every other byte as it is.
      const text = chunk.toString('latin1').replace(/^host: [^\r]*/im, `host: ${target.host}`)
      if (request.length < 4096) request += text
      upstream.write(Buffer.from(text, 'latin1'))
    })
    upstream.on('data', (chunk: Buffer) => {
      if (dropAnswerTo && request.includes(dropAnswerTo)) {
        dropAnswerTo = undefined
        dropped++
        client.destroy()
        upstream.destroy()
        return
      }
      request = ''
      client.write(chunk)
    })
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`
})
afterAll(async () => {
  proxy.close()
  await lake.close()
})

describe('NDJSON import over a connection that drops', () => {
  it('retries a batch whose answer was lost under the same transaction id, and writes every document once', async () => {
    const lines = Array.from({length: 25}, (_, i) => JSON.stringify({_id: `retry-${i}`, _type: 'imported', n: i}))
    const docs = parseNdjson(lines.join('\n'), 'retry.ndjson')
    // The second batch (documents 11-20) is committed, but its answer never arrives.
    dropAnswerTo = '"_id":"retry-10"'
    const result = await importDocuments(docs, {
      url: proxyUrl,
      dataset: 'production',
      token: 'lake-admin-token',
      mode: 'create',
      batchSize: 10,
    })
    expect(dropped).toBe(1)
    expect(result).toMatchObject({batches: 3, documents: 25, refused: []})
    const client = clientOf(lake)
    expect(await client.fetch('count(*[_type == "imported"])')).toBe(25)
    // One transaction per batch: the retry added none.
    const revs = await client.fetch<string[]>('array::unique(*[_type == "imported"]._rev)')
    expect(revs).toHaveLength(3)
  })
})

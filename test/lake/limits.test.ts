/** Hostile request bodies and paths: oversized, deeply nested, not UTF-8, badly percent-encoded. */
import net from 'node:net'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {MAX_BODY_BYTES, MAX_JSON_DEPTH} from '../../lake/http/context'
import {startLakeProcess, type LakeProcess} from '../support/lake'

let lake: LakeProcess

beforeAll(async () => {
  lake = await startLakeProcess()
})
afterAll(async () => {
  await lake?.stop()
})

const MUTATE = '/v2025-02-19/data/mutate/production'

interface RawAnswer {
  /** Everything the lake sent before closing. */
  response: string
  /** Body bytes this side managed to hand to the socket before the answer came. */
  written: number
  /** True when the lake closed the connection. */
  closed: boolean
}

/**
 * Opens a raw connection, sends `head`, then streams `body` chunks (with backpressure)
 * until the lake answers or the chunks run out; resolves once the lake closes the
 * connection or `waitMs` passes after its answer.
 */
function rawRequest(head: string, body: Iterable<Buffer>, waitMs = 2_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(lake.port, '127.0.0.1')
    let response = ''
    let written = 0
    let answered = false
    let closed = false
    const finish = () => resolve({response, written, closed})
    // A lake that waits for the whole body never answers; fail on the assertions, not the test timeout.
    setTimeout(finish, 5_000)
    socket.on('data', (d) => {
      response += d.toString('latin1')
      if (!answered) setTimeout(finish, waitMs)
      answered = true
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      closed = true
      finish()
    })
    socket.write(head)
    void (async () => {
      for (const chunk of body) {
        if (answered || socket.destroyed) return
        written += chunk.length
        if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r).once('close', r))
      }
    })()
  })
}

function* plain(total: number, size = 1 << 20): Iterable<Buffer> {
  const chunk = Buffer.alloc(size, 0x20)
  for (let sent = 0; sent < total; sent += size) yield chunk
}

function* chunked(total: number, size = 1 << 20): Iterable<Buffer> {
  const chunk = Buffer.alloc(size, 0x20)
  const framed = Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
  for (let sent = 0; sent < total; sent += size) yield framed
}

function post(path: string, body: Uint8Array<ArrayBuffer> | string): Promise<Response> {
  return fetch(`${lake.url}${path}`, {method: 'POST', headers: {'content-type': 'application/json'}, body})
}

describe('request limits', () => {
  it('refuses a body by its Content-Length before reading any of it, and closes the connection', async () => {
    const head = `POST ${MUTATE} HTTP/1.1\r\nhost: 127.0.0.1:${lake.port}\r\ncontent-type: application/json\r\ncontent-length: 300000000\r\n\r\n`
    const {response, written, closed} = await rawRequest(head, plain(300_000_000))
    expect(response).toMatch(/^HTTP\/1\.1 413 /)
    // What socket buffers hold on loopback; Node would otherwise drain the body after answering.
    expect(written).toBeLessThan(32_000_000)
    expect(response.toLowerCase()).toContain('connection: close')
    expect(response).toContain(`Request body exceeds limit of ${MAX_BODY_BYTES} bytes`)
    expect(closed).toBe(true)
  })

  it('refuses a chunked 300 MB body as soon as it passes the limit, without reading the rest', async () => {
    const head = `POST ${MUTATE} HTTP/1.1\r\nhost: 127.0.0.1:${lake.port}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`
    const {response, written, closed} = await rawRequest(head, chunked(300_000_000))
    expect(response).toMatch(/^HTTP\/1\.1 413 /)
    expect(closed).toBe(true)
    // The limit plus what socket buffers hold on loopback; far from the 300 MB offered.
    expect(written).toBeLessThan(MAX_BODY_BYTES + 32_000_000)
  })

  it('still accepts a body just under the limit', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES - 200)
    const response = await post(MUTATE, JSON.stringify({mutations: [{create: {_id: 'big', _type: 'note', padding}}]}))
    expect(response.status).toBe(200)
  })

  it('answers JSON nested 5,000 levels deep with 400 naming the depth limit', async () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000)
    const response = await post(MUTATE, `{"mutations":[{"create":{"_id":"deep","_type":"note","x":${deep}}}]}`)
    expect(response.status).toBe(400)
    const body = (await response.json()) as {error: {description: string}}
    expect(body.error.description).toContain(`deeper than the limit of ${MAX_JSON_DEPTH} levels`)
    const viaQuery = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=$x&$x=${deep}`)
    expect(viaQuery.status).toBe(400)
    expect(lake.stderr()).not.toContain('RangeError')
  })

  it('refuses a body that is not valid UTF-8 instead of storing U+FFFD', async () => {
    const json = Buffer.from('{"mutations":[{"create":{"_id":"latin1","_type":"note","title":"caf\u00e9"}}]}', 'latin1')
    const response = await post(MUTATE, Uint8Array.from(json))
    expect(response.status).toBe(400)
    expect(((await response.json()) as {error: {description: string}}).error.description).toContain('not valid UTF-8')
    expect(await lake.client().getDocument('latin1')).toBeUndefined()
    // An encoded UTF-16 surrogate (CESU-8) is not UTF-8 either.
    const surrogate = Buffer.concat([
      Buffer.from('{"mutations":[{"create":{"_id":"cesu","_type":"note","title":"'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}}]}'),
    ])
    expect((await post(MUTATE, Uint8Array.from(surrogate))).status).toBe(400)
    expect(await lake.client().getDocument('cesu')).toBeUndefined()
  })

  it('accepts a body that starts with a UTF-8 byte order mark', async () => {
    const response = await post(
      MUTATE,
      '\ufeff' + JSON.stringify({mutations: [{create: {_id: 'bom', _type: 'note', title: 'ü'}}]}),
    )
    expect(response.status).toBe(200)
    expect(await lake.client().getDocument('bom')).toMatchObject({title: 'ü'})
  })

  it('answers malformed percent-encoding in the path with 400, not 500', async () => {
    const response = await fetch(`${lake.url}/v2025-02-19/data/doc/production/%ff`)
    expect(response.status).toBe(400)
    expect(((await response.json()) as {error: {description: string}}).error.description).toContain('percent-encoding')
  })
})

/** DNS rebinding: only loopback `Host` names are served, for HTTP and WebSocket upgrades alike. */
import http from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeProcess, type LakeProcess} from '../support/lake'

let lake: LakeProcess

beforeAll(async () => {
  lake = await startLakeProcess()
  await lake.client().create({_id: 'drafts.secret-plan', _type: 'category', title: 'not for other sites'})
})
afterAll(async () => {
  await lake?.stop()
})

/** A raw request, so the `Host` header is exactly what a rebound browser page would send. */
function get(path: string, host: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const req = http.request({host: '127.0.0.1', port: lake.port, path, headers: {host}}, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({status: res.statusCode ?? 0, body}))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Starts a WebSocket handshake with `host`; resolves with the status line the lake answers. */
function upgrade(host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: lake.port,
      path: '/v2025-02-19/socket/production',
      headers: {
        host,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    })
    req.on('upgrade', (res, socket) => {
      socket.destroy()
      resolve(`${res.statusCode}`)
    })
    req.on('response', (res) => {
      res.resume()
      resolve(`${res.statusCode}`)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('hosts', () => {
  it('refuses a foreign Host: no export, no drafts, no administrator profile', async () => {
    const exported = await get('/v2025-02-19/data/export/production', 'evil.example')
    expect(exported.status).toBe(403)
    expect(exported.body).not.toContain('secret-plan')
    expect(JSON.parse(exported.body)).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringContaining('"evil.example" is not allowed: only loopback hosts') as unknown,
    })
    const me = await get('/v2025-02-19/users/me', `evil.example:${lake.port}`)
    expect(me.status).toBe(403)
    expect(me.body).not.toContain('local-admin')
  })

  it.each(['localhost.evil.example', '127.0.0.1.nip.io', 'localhost.', 'evil.example:80'])(
    'refuses the look-alike host %j',
    async (host) => {
      expect((await get('/v2025-02-19/users/me', host)).status).toBe(403)
    },
  )

  it('refuses a loopback name with another port, saying which port it listens on', async () => {
    const {status, body} = await get('/v2025-02-19/users/me', '127.0.0.1:1')
    expect(status).toBe(403)
    expect(body).toContain(`listens on port ${lake.port}, not 1`)
  })

  it('serves loopback names and the Studio’s *.localhost hosts', async () => {
    const hosts = [
      `127.0.0.1:${lake.port}`,
      `localhost:${lake.port}`,
      `LOCALHOST:${lake.port}`,
      `[::1]:${lake.port}`,
      'localhost',
      `pressroom.localhost:${lake.port}`,
      `s7.pressroom.localhost:${lake.port}`,
    ]
    for (const host of hosts) {
      const {status, body} = await get('/v2025-02-19/data/export/production', host)
      expect({host, status}).toEqual({host, status: 200})
      expect(body).toContain('secret-plan')
    }
  })

  it('refuses WebSocket upgrades from a foreign Host, and accepts them from the Studio’s', async () => {
    expect(await upgrade('evil.example')).toBe('403')
    expect(await upgrade(`pressroom.localhost:${lake.port}`)).toBe('101')
  })
})

/** Tokens, roles and CORS. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {LAKE_TOKENS, startLakeProcess, type LakeProcess} from '../support/lake'

const STUDIO_ORIGIN = 'http://localhost:3939'
let lake: LakeProcess

beforeAll(async () => {
  lake = await startLakeProcess({corsOrigins: [STUDIO_ORIGIN]})
}, 30_000)
afterAll(async () => {
  await lake.stop()
})

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise
    return 200
  } catch (err) {
    return (err as {statusCode?: number}).statusCode
  }
}

describe('access', () => {
  it('answers /users/me for each token, and nobody signed in without one', async () => {
    const me = (token?: string) =>
      lake
        .client({token})
        .request<{id: string; role: string; roles: {name: string; title: string}[]; email: string; name: string}>({
          uri: '/users/me',
        })
    // The Studio shows its login screen for an answer without an id (lake/http/auth.ts signs in).
    expect(await me()).toEqual({})
    expect(await me(LAKE_TOKENS.administrator)).toMatchObject({
      id: 'local-admin',
      role: 'administrator',
      roles: [{name: 'administrator', title: 'Administrator'}],
    })
    expect(await me(LAKE_TOKENS.editor)).toMatchObject({id: 'local-editor', role: 'editor'})
    const viewer = await me(LAKE_TOKENS.viewer)
    expect(viewer).toMatchObject({id: 'local-viewer', role: 'viewer', roles: [{name: 'viewer', title: 'Viewer'}]})
    expect(typeof viewer.email).toBe('string')
  })

  it('answers an unknown token with 401', async () => {
    expect(await statusOf(lake.client({token: 'not-a-token'}).fetch('*[0]'))).toBe(401)
  })

  it('lets viewers read but not write (403), for mutations and actions alike', async () => {
    const viewer = lake.client({token: LAKE_TOKENS.viewer})
    await lake.client().create({_id: 'auth-1', _type: 'category'})
    expect(await viewer.getDocument('auth-1')).toBeDefined()
    expect(await statusOf(viewer.create({_id: 'auth-2', _type: 'category'}))).toBe(403)
    expect(
      await statusOf(
        viewer.action({
          actionType: 'sanity.action.document.create',
          publishedId: 'auth-3',
          attributes: {_type: 'category'},
        } as never),
      ),
    ).toBe(403)
    expect(await lake.client().getDocument('auth-2')).toBeUndefined()
  })

  it('lets contributors write drafts but not publish', async () => {
    const contributor = lake.client({token: LAKE_TOKENS.contributor})
    await contributor.create({_id: 'drafts.auth-c', _type: 'category', title: 'mine'})
    const publish = contributor.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.auth-c',
      publishedId: 'auth-c',
    } as never)
    expect(await statusOf(publish)).toBe(403)
    expect(await lake.client().getDocument('auth-c')).toBeUndefined()
    await lake
      .client({token: LAKE_TOKENS.editor})
      .action({actionType: 'sanity.action.document.publish', draftId: 'drafts.auth-c', publishedId: 'auth-c'} as never)
    expect((await lake.client().getDocument('auth-c'))?.title).toBe('mine')
  })

  it('serves the dataset ACL the Studio evaluates, per role', async () => {
    const acl = (token: string) =>
      lake
        .client({token})
        .request<{filter: string; permissions: string[]}[]>({uri: '/projects/pressroom/datasets/production/acl'})
    expect((await acl(LAKE_TOKENS.administrator)).flatMap((g) => g.permissions)).toContain('update')
    expect((await acl(LAKE_TOKENS.viewer)).flatMap((g) => g.permissions)).not.toContain('update')
  })

  it("lists the project members with their roles, in the shape of Sanity's /projects/:id/acl", async () => {
    const members = await lake
      .client({token: LAKE_TOKENS.viewer})
      .request<{projectUserId: string; isRobot: boolean; roles: {name: string; title: string}[]}[]>({
        uri: '/projects/pressroom/acl',
        useGlobalApi: true,
      })
    expect(members).toEqual([
      {projectUserId: 'local-admin', isRobot: false, roles: [{name: 'administrator', title: 'Administrator'}]},
      {projectUserId: 'local-editor', isRobot: false, roles: [{name: 'editor', title: 'Editor'}]},
      {projectUserId: 'local-contributor', isRobot: false, roles: [{name: 'contributor', title: 'Contributor'}]},
      {projectUserId: 'local-viewer', isRobot: false, roles: [{name: 'viewer', title: 'Viewer'}]},
    ])
  })

  it('answers the hosted-only endpoints the Studio polls with empty answers, not 404', async () => {
    for (const uri of [
      '/features',
      '/journey/announcements',
      '/journey/document-limit',
      '/projects/pressroom',
      '/projects/pressroom/grants',
      '/schedules/pressroom/production',
      '/users/me/keyvalue/a,b',
    ]) {
      expect(await statusOf(lake.client().request({uri})), uri).toBe(200)
    }
    expect(await statusOf(lake.client().request({uri: '/no/such/endpoint'}))).toBe(404)
  })

  it('answers the <projectId>.localhost host the Studio uses', async () => {
    const res = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=1`, {
      headers: {host: `pressroom.localhost:${lake.port}`},
    })
    expect(await res.json()).toMatchObject({result: 1})
  })
})

describe('CORS', () => {
  it('allows the configured Studio origin with credentials', async () => {
    const res = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=1`, {headers: {origin: STUDIO_ORIGIN}})
    expect(res.headers.get('access-control-allow-origin')).toBe(STUDIO_ORIGIN)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    const preflight = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'OPTIONS',
      headers: {
        origin: STUDIO_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type')
  })

  it('moves browser listeners on <project>.localhost to their own host, carrying the user in a ticket', async () => {
    const {request} = await import('node:http')
    const get = (host: string, path: string, headers: Record<string, string>) =>
      new Promise<{status: number; headers: Record<string, unknown>}>((resolve, reject) => {
        const req = request({host: '127.0.0.1', port: lake.port, path, headers: {host, ...headers}}, (res) => {
          resolve({status: res.statusCode ?? 0, headers: res.headers})
          res.destroy()
        })
        req.on('error', reject)
        req.end()
      })
    const path = '/v2025-02-19/data/listen/production?query=*'
    const first = await get(`pressroom.localhost:${lake.port}`, path, {
      origin: STUDIO_ORIGIN,
      authorization: `Bearer ${LAKE_TOKENS.viewer}`,
    })
    expect(first.status).toBe(307)
    const location = new URL(String(first.headers.location))
    expect(location.hostname).toMatch(/^s\d+\.pressroom\.localhost$/)
    const ticket = location.searchParams.get('lakeTicket')
    expect(ticket).toBeTruthy()
    // The browser follows with Origin: null and no Authorization header.
    const stream = await get(location.host, location.pathname + location.search, {origin: 'null'})
    expect(stream.status).toBe(200)
    expect(stream.headers['access-control-allow-origin']).toBe('null')
    const forged = await get(location.host, `${path}&lakeTicket=forged`, {origin: 'null'})
    expect(forged.headers['access-control-allow-origin']).toBeUndefined()
    // Node clients (no Origin) are never redirected.
    expect((await get(`pressroom.localhost:${lake.port}`, path, {})).status).toBe(200)
  })

  it('gives other origins no CORS headers and refuses their preflights', async () => {
    const res = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=1`, {headers: {origin: 'http://evil.example'}})
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'OPTIONS',
      headers: {origin: 'http://localhost:3333'},
    })
    expect(preflight.status).toBe(403)
  })
})

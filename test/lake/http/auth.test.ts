/**
 * The lake as the Studio's login provider (lake/http/auth.ts), over HTTP as Studio 6.9.2
 * drives it: the providers list, the provider's page, the form post that sends the
 * browser back with `#sid=…`, the exchange for a token, and sign-out. Attacks: a return
 * URL off the Studio's origins (open redirect), a cross-site form post (login CSRF), a
 * reused session id, markup in a user's name.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {DEFAULT_USERS} from '../../../lake/auth/users'
import {startLakeProcess, tempDir, type LakeProcess} from '../../support/lake'

const STUDIO = 'http://localhost:3333'
/** The API version Studio 6.9.2's auth client uses. */
const AUTH = '/v2026-05-04/auth'

let lake: LakeProcess
let base: string

/** A request as a browser sends it: no redirects followed, an Origin only when given. */
function send(pathAndQuery: string, init: {method?: string; origin?: string; body?: string; token?: string} = {}) {
  return fetch(`${base}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      ...(init.origin ? {origin: init.origin} : {}),
      ...(init.token ? {authorization: `Bearer ${init.token}`} : {}),
      ...(init.body ? {'content-type': 'application/x-www-form-urlencoded'} : {}),
    },
    body: init.body,
  })
}

const signInForm = (user: string, origin = `${STUDIO}/structure`) => new URLSearchParams({user, origin}).toString()

/** Posts the provider page's form as the page would, and returns the session id from the redirect. */
async function signIn(user: string): Promise<string> {
  const res = await send(`${AUTH}/login`, {method: 'POST', origin: base, body: signInForm(user)})
  expect(res.status).toBe(303)
  const location = new URL(res.headers.get('location')!)
  expect(location.origin + location.pathname).toBe(`${STUDIO}/structure`)
  return location.hash.match(/^#sid=([^&]{20,})$/)![1]!
}

beforeAll(async () => {
  const usersFile = path.join(tempDir('lake-users-'), 'users.json')
  fs.writeFileSync(
    usersFile,
    JSON.stringify([
      ...DEFAULT_USERS,
      {id: 'markup', name: '<img src=x onerror=alert(1)>', email: 'm@x.localhost', role: 'viewer', token: 'markup-token'},
    ]),
  )
  lake = await startLakeProcess({corsOrigins: [STUDIO], args: ['--users', usersFile]})
  base = `http://localhost:${lake.port}`
})
afterAll(async () => {
  await lake?.stop()
})

describe('sign-in for the Studio', () => {
  it('lists one provider per local user, by name and role, on the lake the Studio addressed', async () => {
    const res = await send(`${AUTH}/providers`, {origin: STUDIO})
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(STUDIO)
    const {providers} = (await res.json()) as {providers: {name: string; title: string; url: string}[]}
    expect(providers).toContainEqual({
      name: 'lake-local-editor',
      title: 'Local Editor (Editor)',
      url: `${base}${AUTH}/login/local-editor`,
    })
    expect(providers.map(({title}) => title)).toContain('Local Administrator (Administrator)')
  })

  it('serves a page listing the users, with nothing a name holds rendered as markup, and no script', async () => {
    const res = await send(`${AUTH}/login/local-editor?origin=${encodeURIComponent(`${STUDIO}/structure`)}&withSid=true`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*form-action 'self' http:\/\/localhost:3333/)
    const page = await res.text()
    expect(page.indexOf('Local Editor')).toBeLessThan(page.indexOf('Local Administrator'))
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page).not.toContain('<img')
    expect(page).not.toContain('<script')
  })

  it('signs in as the chosen user: the session id is exchanged once for that user’s token', async () => {
    const sid = await signIn('local-editor')
    const exchanged = await send(`${AUTH}/fetch?sid=${sid}`, {origin: STUDIO})
    expect(exchanged.status).toBe(200)
    const {token} = (await exchanged.json()) as {token: string}
    const me = await send('/v2026-05-04/users/me', {origin: STUDIO, token})
    expect(await me.json()).toMatchObject({id: 'local-editor', role: 'editor'})

    expect((await send(`${AUTH}/fetch?sid=${sid}`, {origin: STUDIO})).status).toBe(401)
    expect((await send(`${AUTH}/fetch?sid=not-a-session-id-at-all`, {origin: STUDIO})).status).toBe(401)
  })

  it('tells the Studio nobody is signed in without a token, so it shows its login screen', async () => {
    const me = await send('/v2026-05-04/users/me', {origin: STUDIO})
    expect(me.status).toBe(200)
    expect(await me.json()).toEqual({})
  })

  it('signs out with 200, and switching user is signing in as another', async () => {
    const res = await send(`${AUTH}/logout`, {method: 'POST', origin: STUDIO, token: 'lake-editor-token'})
    expect(res.status).toBe(200)
    const sid = await signIn('local-admin')
    const {token} = (await (await send(`${AUTH}/fetch?sid=${sid}`, {origin: STUDIO})).json()) as {token: string}
    expect(await (await send('/v2026-05-04/users/me', {origin: STUDIO, token})).json()).toMatchObject({id: 'local-admin'})
  })
})

describe('sign-in with --anonymous-role none', () => {
  it('answers the sign-in endpoints without a token, while data still needs one', async () => {
    const strict = await startLakeProcess({corsOrigins: [STUDIO], args: ['--anonymous-role', 'none']})
    try {
      const at = (pathAndQuery: string, init: RequestInit = {}) =>
        fetch(`http://localhost:${strict.port}${pathAndQuery}`, {redirect: 'manual', ...init})
      expect((await at(`${AUTH}/providers`)).status).toBe(200)
      const posted = await at(`${AUTH}/login`, {
        method: 'POST',
        headers: {origin: `http://localhost:${strict.port}`, 'content-type': 'application/x-www-form-urlencoded'},
        body: signInForm('local-viewer'),
      })
      const sid = new URL(posted.headers.get('location')!).hash.slice('#sid='.length)
      expect(((await (await at(`${AUTH}/fetch?sid=${sid}`)).json()) as {token: string}).token).toBe('lake-viewer-token')
      expect((await at('/v2025-02-19/data/query/production?query=*[0]')).status).toBe(401)
    } finally {
      await strict.stop()
    }
  })
})

describe('sign-in refuses', () => {
  it.each([
    ['another site', 'https://evil.example/steal'],
    ['a look-alike origin', 'http://localhost:3333.evil.example/'],
    ['another port', 'http://localhost:3334/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['no origin at all', ''],
  ])('to redirect to %s, on the page and on the post', async (_, origin) => {
    const page = await send(`${AUTH}/login/local-editor?origin=${encodeURIComponent(origin)}`)
    expect(page.status).toBe(400)
    expect(await page.text()).toMatch(/on one of this lake's Studio origins \(http:\/\/localhost:3333\)/)
    const post = await send(`${AUTH}/login`, {method: 'POST', origin: base, body: signInForm('local-editor', origin)})
    expect(post.status).toBe(400)
    expect(post.headers.get('location')).toBeNull()
  })

  it('a form posted from anywhere but the lake’s own page', async () => {
    for (const origin of [STUDIO, 'https://evil.example', undefined]) {
      const res = await send(`${AUTH}/login`, {method: 'POST', origin, body: signInForm('local-admin')})
      expect(res.status, `origin ${origin}`).toBe(403)
      expect(res.headers.get('location')).toBeNull()
    }
  })

  it('an unknown user', async () => {
    const res = await send(`${AUTH}/login`, {method: 'POST', origin: base, body: signInForm('nobody')})
    expect(res.status).toBe(400)
    expect(((await res.json()) as {error: {description: string}}).error.description).toMatch(
      /^No local user "nobody"; the lake's users are local-admin, local-editor/,
    )
  })
})

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeProcess, type LakeProcess} from '../support/lake'

const STUDIO = 'http://localhost:3333'
let lake: LakeProcess

beforeAll(async () => {
  lake = await startLakeProcess({corsOrigins: [STUDIO]})
})
afterAll(async () => {
  await lake?.stop()
})

/** What a form or a `fetch(…, {mode: 'no-cors'})` on another site can send without a preflight. */
const simplePost = (origin: string) =>
  fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
    method: 'POST',
    headers: {origin, 'content-type': 'text/plain'},
    body: JSON.stringify({
      mutations: [{create: {_id: `csrf-${origin.length}`, _type: 'category', title: 'written from another site'}}],
    }),
  })

describe('origins', () => {
  it('refuses a simple cross-site write from an origin it does not know, and writes nothing', async () => {
    const response = await simplePost('https://evil.example')
    expect(response.status).toBe(403)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(await lake.client().fetch('count(*[_id match "csrf-*"])')).toBe(0)
  })

  it('refuses `null` origins that carry no stream ticket', async () => {
    expect((await simplePost('null')).status).toBe(403)
  })

  it('serves the configured Studio origin, with credentials', async () => {
    const response = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=count(*)`, {headers: {origin: STUDIO}})
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(STUDIO)
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('serves clients that send no origin at all (scripts, @sanity/client in Node)', async () => {
    expect(await lake.client().fetch('count(*)')).toBe(0)
  })
})

/**
 * The reference server over HTTP with a stand-in client: status codes, headers, the
 * perspective it forces, and raw HTML in which document text is only ever text.
 */
import {spawn} from 'node:child_process'
import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {categoriesWithCountsQuery, publicReleaseBySlugQuery, publicReleasesQuery} from '../../queries/public'
import {requestUrl, startWebServer, type RunningWeb} from '../../web/app'
import {ROOT} from '../support/frontend-lake'

const TITLE = '</script><script>alert(1)</script>'
const RELEASE = {
  _id: 'pressRelease.x',
  title: TITLE,
  slug: 'x',
  language: 'en',
  publishedAt: '2026-01-07T10:00:00.000Z',
  dateline: {location: 'BERLIN', agency: null},
  categories: [],
  thirdParty: true,
  distributor: {name: 'Wire', website: 'https://wire.example/'},
  disclaimer: {text: 'Provided by a third party.', language: 'en'},
  body: [],
  receivedAt: null,
  usageTerms: null,
  infoSources: null,
}

/** Answers the three public queries; records the perspective each fetch asked for. */
function stubClient(fail = false) {
  const calls: {perspective: unknown; params: unknown}[] = []
  const answers = new Map<string, (params: Record<string, unknown>) => unknown>([
    [publicReleasesQuery, () => ({total: 1, items: [RELEASE]})],
    [publicReleaseBySlugQuery, (params) => (params.slug === 'x' ? RELEASE : null)],
    [categoriesWithCountsQuery, () => []],
  ])
  const client = {
    withConfig: (config: {perspective?: unknown}) => ({
      fetch: async (query: string, params: Record<string, unknown>) => {
        calls.push({perspective: config.perspective, params})
        if (fail) throw new Error('socket hang up')
        return answers.get(query)!(params)
      },
    }),
  }
  return {client: client as unknown as SanityClient, calls}
}

let web: RunningWeb
let failing: RunningWeb
const stub = stubClient()
const logged: string[] = []

beforeAll(async () => {
  web = await startWebServer({port: 0, client: stub.client, siteUrl: 'https://news.example'})
  failing = await startWebServer({port: 0, client: stubClient(true).client, log: (line) => logged.push(line)})
})

afterAll(async () => {
  await web?.close()
  await failing?.close()
})

describe('web server', () => {
  it('serves the list with the published perspective, no scripts allowed', async () => {
    const response = await fetch(`${web.url}/?language=en&page=1`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const body = await response.text()
    expect(body).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).not.toContain(TITLE)
    expect(stub.calls.every((call) => call.perspective === 'published')).toBe(true)
    expect(stub.calls[0]?.params).toEqual({start: 0, end: 20, language: 'en', category: null, distributor: null})
  })

  it('puts the title into JSON-LD without a way out of the script element', async () => {
    const body = await (await fetch(`${web.url}/releases/x`, {headers: {host: 'evil.example'}})).text()
    const scripts = body.match(/<script\b[^>]*>([\s\S]*?)<\/script>/g) ?? []
    expect(scripts).toHaveLength(1)
    const json = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]!) as Record<
      string,
      unknown
    >
    expect(json.headline).toBe(TITLE)
    // The page's URL comes from --site-url, never from the Host header.
    expect(json.url).toBe('https://news.example/releases/x')
    expect(json.sourceOrganization).toEqual({'@type': 'Organization', name: 'Wire', url: 'https://wire.example/'})
  })

  it('answers 404, 400 and 405 with pages that say what happened', async () => {
    expect((await fetch(`${web.url}/releases/nope`)).status).toBe(404)
    expect((await fetch(`${web.url}/nowhere`)).status).toBe(404)
    const bad = await fetch(`${web.url}/?page=0`)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('The page parameter takes a whole number from 1.')
    expect((await fetch(`${web.url}/?category=%3Cb%3E`)).status).toBe(400)
    const post = await fetch(`${web.url}/`, {method: 'POST'})
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })

  it('answers 502 and logs the request when the content service fails', async () => {
    const response = await fetch(`${failing.url}/releases/x`)
    expect(response.status).toBe(502)
    expect(await response.text()).not.toContain('socket hang up')
    expect(logged).toEqual(['web: GET /releases/x failed: socket hang up'])
  })

  it('takes only the path and query from a request target', () => {
    expect(requestUrl('/a?b=1', 'https://news.example')?.href).toBe('https://news.example/a?b=1')
    expect(requestUrl('//evil.example/a', 'https://news.example')?.href).toBe('https://news.example/a')
    expect(requestUrl('http://evil.example/a', 'https://news.example')?.href).toBe('https://news.example/a')
  })
})

describe('npm run web', () => {
  it('prints where it listens, serves pages, and stops cleanly on SIGTERM', async () => {
    // Port 9 has no lake: the page must say the content service is unavailable.
    const child = spawn(process.execPath, ['--import', 'tsx', 'web/server.ts', '--port', '0'], {
      cwd: ROOT,
      env: {...process.env, SANITY_API_HOST: 'http://127.0.0.1:9', SANITY_PROJECT_ID: '', SANITY_API_TOKEN: ''},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = ''
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const found =
          /web listening on (http:\/\/127\.0\.0\.1:\d+) \(reading local lake http:\/\/127\.0\.0\.1:9, dataset production\)/.exec(
            stdout,
          )
        if (found?.[1]) resolve(found[1])
      })
      void exited.then((code) => reject(new Error(`web exited with ${code} before listening`)))
    })
    expect((await fetch(`${url}/`)).status).toBe(502)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 60_000)
})

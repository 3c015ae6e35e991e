/**
 * The reference front-end as an HTTP handler: GET / (the list, with ?language=,
 * ?category=, ?distributor=, ?page=) and GET /releases/:slug. Read-only, loopback only,
 * no scripts: a strict Content-Security-Policy backs up the escaping.
 */
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import type {SanityClient} from '@sanity/client'
import {publicData, type PublicData} from './data'
import {html} from './render/html'
import {CONTENT_SECURITY_POLICY, page} from './render/layout'
import {listPage, type ListFilters} from './render/list'
import {releasePage} from './render/release'
import {Router, type Match} from './router'

/** Entries on one list page. */
export const PAGE_SIZE = 20

export interface WebAppOptions {
  /** Client for the content target; the app forces the `published` perspective. */
  client: SanityClient
  /** Entries per list page; PAGE_SIZE by default. */
  pageSize?: number
  /** Where failed requests are reported; stderr by default. */
  log?: (line: string) => void
  /**
   * The site's public origin for absolute URLs (JSON-LD `url`), e.g. https://news.example;
   * never taken from the Host header, which any client can set. Defaults to the address
   * the server listens on.
   */
  siteUrl?: string
}

interface Reply {
  status: number
  body: string
}

class BadRequest extends Error {}

const FILTER_VALUE = /^[a-z0-9][a-z0-9_-]{0,95}$/i

function filterParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name)
  if (value === null || value === '') return null
  if (!FILTER_VALUE.test(value))
    throw new BadRequest(`The ${name} filter takes a slug or language tag such as "de" or "top-story".`)
  return value
}

function pageParam(url: URL): number {
  const value = url.searchParams.get('page')
  if (value === null || value === '') return 1
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1 || number > 10_000)
    throw new BadRequest('The page parameter takes a whole number from 1.')
  return number
}

function messagePage(status: number, title: string, message: string): Reply {
  return {status, body: page({title, body: html`<h1>${title}</h1><p>${message}</p><p><a href="/">All press releases</a></p>`})}
}

function routes(data: PublicData, pageSize: number) {
  return [
    {
      pattern: '/',
      handler: async ({url}: Match): Promise<Reply> => {
        const filters: ListFilters = {
          language: filterParam(url, 'language'),
          category: filterParam(url, 'category'),
          distributor: filterParam(url, 'distributor'),
          page: pageParam(url),
        }
        const start = (filters.page - 1) * pageSize
        const [releases, categories] = await Promise.all([
          data.releases({
            start,
            end: start + pageSize,
            language: filters.language,
            category: filters.category,
            distributor: filters.distributor,
          }),
          data.categories(filters.language),
        ])
        return {status: 200, body: listPage({releases, categories, filters, pageSize})}
      },
    },
    {
      pattern: '/releases/:slug',
      handler: async ({params, url}: Match): Promise<Reply> => {
        const release = await data.release(params.slug ?? '')
        if (!release) return messagePage(404, 'Not found', 'No published press release has this address.')
        return {status: 200, body: releasePage({release, url: url.href})}
      },
    },
  ]
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
}

/**
 * The request's address on the site: only the path and query come from the request
 * (an absolute-form target or `//host/x` cannot change the origin). Undefined when
 * the target cannot be parsed.
 */
export function requestUrl(target: string | undefined, siteUrl: string): URL | undefined {
  try {
    const {pathname, search} = new URL(target ?? '/', 'http://request.invalid')
    return new URL(`${pathname}${search}`, siteUrl)
  } catch {
    return undefined
  }
}

export function createWebHandler(options: WebAppOptions & {siteUrl: string}): http.RequestListener {
  const router = new Router(routes(publicData(options.client), options.pageSize ?? PAGE_SIZE))
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  return (req, res) => {
    const send = ({status, body}: Reply, extra: Record<string, string> = {}) => {
      res.writeHead(status, {'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...extra})
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(messagePage(405, 'Method not allowed', 'This site is read-only.'), {allow: 'GET, HEAD'})
      return
    }
    const url = requestUrl(req.url, options.siteUrl)
    if (!url) return send(messagePage(400, 'Bad request', 'The address could not be read.'))
    router.dispatch(url).then(
      (reply) => send(reply ?? messagePage(404, 'Not found', 'There is no page at this address.')),
      (error: unknown) => {
        if (error instanceof BadRequest) return send(messagePage(400, 'Bad request', error.message))
        log(`web: GET ${url.pathname}${url.search} failed: ${error instanceof Error ? error.message : String(error)}`)
        send(messagePage(502, 'Content unavailable', 'The content service did not answer. Try again in a moment.'))
      },
    )
  }
}

export interface RunningWeb {
  /** http://127.0.0.1:<port> */
  url: string
  close(): Promise<void>
}

/** Listens on 127.0.0.1 only: a reference page, not a production server. */
export function startWebServer(options: WebAppOptions & {port: number}): Promise<RunningWeb> {
  const server = http.createServer()
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      const {port} = server.address() as AddressInfo
      const url = `http://127.0.0.1:${port}`
      server.on('request', createWebHandler({...options, siteUrl: options.siteUrl ?? url}))
      resolve({
        url,
        close: () =>
          new Promise((done) => {
            server.close(() => done())
            // Keep-alive connections from browsers would hold close() open.
            server.closeAllConnections()
          }),
      })
    })
  })
}

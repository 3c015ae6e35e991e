/**
 * The lake's HTTP server: loopback only, CORS for the configured Studio origins,
 * `<projectId>.localhost` or plain hosts, `/v<apiVersion>/…` paths, and one dispatch table.
 */
import {setMaxListeners} from 'node:events'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {canWrite, UserDirectory, type UserEntry} from './auth/users'
import {errors, LakeError} from './errors'
import {MAX_BODY_BYTES, sendError, type LakeApp, type RequestContext} from './http/context'
import {apiVersionRefusal, VERSION_SEGMENT} from './http/api-version'
import {applyCors} from './http/cors'
import {hostRefusal} from './http/hosts'
import {acceptSocket} from './http/socket'
import {STREAM_HOST_PREFIX, StreamHosts} from './http/stream-hosts'
import {Router} from './http/router'
import {routes} from './http/routes'
import {LakeStore, type LakeStoreOptions} from './store/lake-store'
import {DEFAULT_QUERY_TIMEOUT_MS, QueryPool} from './store/query-pool'
import {ReleaseScheduler} from './store/release-scheduler'
import type {CommitGuard, RoleName} from './store/types'
import type {DeliveryOptions} from './webhooks/delivery'
import {Webhooks} from './webhooks/service'

export interface LakeServerOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** Data directory (journal + snapshot). */
  dataDir: string
  /** Browser origins allowed by CORS (exact match, credentials allowed). */
  corsOrigins: string[]
  /** Project id used when a request names none. */
  projectId: string
  /** Dataset listed by `/projects/:id/datasets` even before it has documents. */
  dataset: string
  /** Users and tokens. */
  users: UserEntry[]
  /** Role of requests without a token, or 'none' to require a token. */
  anonymousRole: RoleName | 'none'
  /** Policy run before every commit (issue 6's editorial review gate); none by default. */
  guard?: CommitGuard
  /** Journal size that triggers compaction, in bytes. */
  compactAfterBytes?: number
  /** Log each request (method, path, status, duration; never headers or tokens) to stderr. */
  logRequests?: boolean
  /** Deadline of one query's parse and evaluation in a worker, ms (`--query-timeout-ms`); Sanity's 1 minute by default. */
  queryTimeoutMs?: number
  /** Query worker threads; default: cores minus the main thread, at least one. */
  queryWorkers?: number
  /** Store settings the command line does not expose: a fault-injecting file system, smaller limits (tests). */
  store?: Pick<LakeStoreOptions, 'fs' | 'maxDocumentBytes' | 'transactionIdsKept'>
  /** Webhook retry and queue limits (lake/webhooks/delivery.ts); tests shorten the backoff. */
  webhookDelivery?: Partial<DeliveryOptions>
}

export interface RunningLake {
  /** `http://127.0.0.1:<port>`. */
  url: string
  port: number
  store: LakeStore
  /** Webhook definitions and deliveries; `settled()` waits for pending deliveries. */
  webhooks: Webhooks
  close(): Promise<void>
}

const router = new Router(routes)

function projectIdFrom(req: http.IncomingMessage, fallback: string): string {
  // `<project>.localhost`, or a stream host `s<n>.<project>.localhost`.
  const host = ((req.headers.host ?? '').split(':')[0] ?? '').replace(STREAM_HOST_PREFIX, '')
  const sub = host.match(/^([a-z0-9-]+)\.localhost$/i)?.[1]
  const header = req.headers['x-sanity-project-id']
  return sub ?? (typeof header === 'string' && header ? header : fallback)
}

export async function startLake(options: LakeServerOptions): Promise<RunningLake> {
  const store = LakeStore.open({
    ...options.store,
    dataDir: options.dataDir,
    guard: options.guard,
    compactAfterBytes: options.compactAfterBytes,
  })
  // Scheduled content releases publish on time, through the same commit path and guard.
  const scheduler = new ReleaseScheduler(store)
  scheduler.start()
  const shutdown = new AbortController()
  // Every open listener and socket waits on this signal; there can be many.
  setMaxListeners(0, shutdown.signal)
  const queries = new QueryPool(store, {
    timeoutMs: options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    workers: options.queryWorkers,
  })
  const webhooks = new Webhooks(store, options.dataDir, options.webhookDelivery)
  const origins = new Set(options.corsOrigins)
  const app: LakeApp = {
    store,
    webhooks,
    queries,
    users: new UserDirectory(options.users, options.anonymousRole),
    defaultProjectId: options.projectId,
    defaultDataset: options.dataset,
    closing: shutdown.signal,
    keyValues: new Map(),
    streamHosts: new StreamHosts(),
    studioOrigins: origins,
  }
  // Known once listening (`--port 0` picks one); requests only arrive after that.
  let port = options.port

  const server = http.createServer((req, res) => {
    if (options.logRequests) logRequest(req, res)
    handle(app, origins, port, req, res).catch((err: unknown) => {
      const lakeError = err instanceof LakeError ? err : errors.internal(`Internal error: ${(err as Error).message}`)
      if (!(err instanceof LakeError))
        // The path only: query strings carry secrets (`lakeTicket`, and `$param` values may hold anything).
        process.stderr.write(`lake: ${req.method} ${(req.url ?? '').split('?')[0]}: ${(err as Error).stack ?? String(err)}\n`)
      sendError(res, lakeError)
    })
  })
  server.on('upgrade', (req, socket) => {
    const refusal = hostRefusal(req.headers.host, port)
    if (refusal) {
      const body = JSON.stringify(errors.hostNotAllowed(req.headers.host, refusal).body)
      socket.end(
        `HTTP/1.1 403 Forbidden\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      )
      return
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const version = VERSION_SEGMENT.exec(pathname)
    const path = version && !apiVersionRefusal(version[1]!) ? pathname.slice(version[0].length) : pathname
    const origin = req.headers.origin
    // Browsers don't apply CORS to WebSockets, so the origin check happens here.
    if (!/^\/socket\/[^/]+$/.test(path) || (typeof origin === 'string' && !origins.has(origin))) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n')
      return
    }
    acceptSocket(req, socket, shutdown.signal)
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  let closed: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    webhooks,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        shutdown.abort()
        webhooks.close()
        scheduler.stop()
        server.close(() => {
          // A compaction under way finishes first (stopping it would only waste the work), and a due one runs now.
          void Promise.all([queries.close(), store.compactionSettled()]).finally(() => {
            store.close()
            resolve()
          })
        })
        server.closeIdleConnections()
        // Long-lived listener responses were ended by the abort above; drop stragglers.
        setTimeout(() => server.closeAllConnections(), 1_000).unref()
      })),
  }
}

function logRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const started = performance.now()
  const line = `${req.method} ${(req.url ?? '').split('?')[0]}`
  const tag = new URL(req.url ?? '/', 'http://x').searchParams.get('tag') ?? ''
  res.on('close', () => {
    process.stderr.write(
      `lake: ${res.statusCode} ${line} ${tag} ${Math.round(performance.now() - started)}ms${res.writableFinished ? '' : ' (closed by client)'}\n`,
    )
  })
}

async function handle(
  app: LakeApp,
  origins: ReadonlySet<string>,
  port: number,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  // First, before CORS or auth: a rebound DNS name must learn nothing, not even a preflight answer.
  const refusal = hostRefusal(req.headers.host, port)
  if (refusal) throw errors.hostNotAllowed(req.headers.host, refusal)
  // Every route, not only those that read a body: Node would otherwise drain an unread body after answering.
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw errors.payloadTooLarge(MAX_BODY_BYTES)
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const ticket = app.streamHosts.ticketFor(req, url)
  if (applyCors(req, res, origins, ticket !== undefined)) return
  const version = url.pathname.match(VERSION_SEGMENT)
  if (!version) throw errors.notFound(`No API version in ${url.pathname}; expected /v<YYYY-MM-DD>/…`)
  const versionRefusal = apiVersionRefusal(version[1]!)
  if (versionRefusal) throw errors.invalidApiVersion(`v${version[1]}`, versionRefusal)
  const path = url.pathname.slice(version[0].length) || '/'
  const match = router.match(req.method ?? 'GET', path)
  if (!match) throw errors.notFound(`The local lake has no endpoint ${req.method} ${path}`)
  if ('methodNotAllowed' in match) throw errors.methodNotAllowed(req.method ?? '?', path)
  const user =
    ticket?.user ??
    (match.route.signIn && !req.headers.authorization ? app.users.signedOut : app.users.authenticate(req.headers.authorization))
  if (match.route.stream && app.streamHosts.shouldRedirect(req, url)) {
    app.streamHosts.redirect(req, res, url, user)
    return
  }
  if (match.route.write && !canWrite(user)) {
    throw errors.forbidden(`User "${user.id}" has the ${user.role} role and may not write (${req.method} ${path})`)
  }
  const ctx: RequestContext = {
    app,
    req,
    res,
    url,
    path,
    apiVersion: version[1]!,
    projectId: projectIdFrom(req, app.defaultProjectId),
    params: match.params,
    user,
  }
  await match.route.handler(ctx)
}

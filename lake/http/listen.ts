/**
 * `/data/listen/:dataset`: server-sent events for documents matching a GROQ filter.
 * Every event carries mendoza `effects` (the Studio refuses events without them); the
 * lake sends op 0 ("Value") with the whole document, which is a valid mendoza patch.
 */
import {randomUUID} from 'node:crypto'
import {evaluate, type ExprNode} from 'groq-js'
import {isVersionId} from '../store/ids'
import type {CommitEvent} from '../store/lake-store'
import {parseQuery} from '../store/query'
import type {Change, SanityDocument} from '../store/types'
import {LakeError} from '../errors'
import {datasetName, flag, type RequestContext} from './context'
import {effectsOf, mutationsOf} from './mendoza-effects'
import {paramsFromSearch} from './query'

/** How often a comment line is sent so proxies and clients keep the connection open. */
const KEEPALIVE_MS = 15_000

/**
 * A listener's backlog bound: bytes still queued in the process for it (the response's
 * `writableLength`, which includes the socket's write buffer; the kernel's socket buffers
 * come on top, outside the heap). A transaction's events are written whole, and only when
 * the backlog before them is at most this, so a listener holds at most this plus one
 * transaction; one that has fallen further behind is dropped. Loopback readers (the Studio,
 * scripts) drain megabytes in milliseconds, so only a client that stopped reading gets here.
 */
export const MAX_LISTENER_BACKLOG_BYTES = 4 * 1024 * 1024
/** How long a dropped listener's socket may take to drain its backlog and the final event before it is destroyed. */
const DROP_GRACE_MS = 5_000

async function matches(
  tree: ExprNode,
  doc: SanityDocument | null,
  params: Record<string, unknown>,
  identity: string,
): Promise<boolean> {
  if (!doc) return false
  const value = await (await evaluate(tree, {dataset: [doc], params, identity})).get()
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined
}

function write(ctx: RequestContext, event: string, data: unknown, id?: string): void {
  ctx.res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

export function listenHandler(ctx: RequestContext): Promise<void> {
  const dataset = datasetName(ctx)
  const query = ctx.url.searchParams.get('query') ?? ''
  const params = paramsFromSearch(ctx.url)
  const includeResult = flag(ctx.url, 'includeResult', true)
  const includePrevious = flag(ctx.url, 'includePreviousRevision')
  const includeMutations = flag(ctx.url, 'includeMutations', true)
  const includeAllVersions = flag(ctx.url, 'includeAllVersions')
  const mendoza = ctx.url.searchParams.get('effectFormat') === 'mendoza'

  ctx.res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  })
  let tree: ExprNode
  try {
    tree = parseQuery(query, params)
  } catch (err) {
    // Sanity reports bad listener queries in-band; @sanity/client turns this into a ChannelError.
    const body = err instanceof LakeError ? err.body : {error: {description: (err as Error).message}}
    write(ctx, 'channelError', {message: (err as Error).message, ...body})
    ctx.res.end()
    return Promise.resolve()
  }

  // Events are evaluated asynchronously; chaining keeps them in commit order.
  let chain = Promise.resolve()
  let dropped = false
  const onCommit = (event: CommitEvent) => {
    if (event.dataset !== dataset || dropped) return
    chain = chain
      .then(() => deliver(event))
      .catch((err: Error) => {
        process.stderr.write(`lake: listener on ${dataset} failed: ${err.message}\n`)
      })
  }
  const deliver = async (event: CommitEvent) => {
    const relevant: {change: Change; before: boolean; after: boolean}[] = []
    for (const change of event.changes) {
      if (!includeAllVersions && isVersionId(change.id)) continue
      const before = await matches(tree, change.before, params, ctx.user.id)
      const after = await matches(tree, change.after, params, ctx.user.id)
      if (before || after) relevant.push({change, before, after})
    }
    if (relevant.length === 0 || dropped || ctx.res.destroyed) return
    const backlog = ctx.res.writableLength
    if (backlog > MAX_LISTENER_BACKLOG_BYTES) return drop(backlog)
    relevant.forEach(({change, before, after}, i) => {
      const eventId = `${event.transactionId}#${change.id}`
      write(
        ctx,
        'mutation',
        {
          eventId,
          documentId: change.id,
          transactionId: event.transactionId,
          transition: before && after ? 'update' : after ? 'appear' : 'disappear',
          identity: event.identity,
          ...(includeMutations ? {mutations: mutationsOf(change)} : {}),
          ...(change.before?._rev ? {previousRev: change.before._rev} : {}),
          resultRev: event.transactionId,
          timestamp: event.timestamp,
          visibility: 'query',
          // Counted per listener: the Studio buffers a transaction until it has seen this many events.
          transactionTotalEvents: relevant.length,
          transactionCurrentEvent: i + 1,
          ...(mendoza ? {effects: effectsOf(change)} : {}),
          ...(includeResult && change.after ? {result: change.after} : {}),
          ...(includePrevious && change.before ? {previous: change.before} : {}),
        },
        eventId,
      )
    })
  }

  /**
   * Drops a listener that stopped reading. Sanity documents no event for a lagging listener;
   * `disconnect` means "never reconnect" to @sanity/client (DisconnectError), so the lake sends
   * `reconnect` with the reason, as on shutdown, and ends the stream: the client's EventSource
   * reconnects (listen() emits `reconnect`) and the Studio resyncs after the new `welcome`.
   */
  const drop = (backlog: number) => {
    dropped = true
    const reason = `listener fell behind: ${backlog} bytes not yet read (limit ${MAX_LISTENER_BACKLOG_BYTES}); reconnect and resync`
    write(ctx, 'reconnect', {reason})
    ctx.res.end()
    const socket = ctx.res.socket
    // The connection closes once the backlog and the event are out, or after the grace period regardless.
    const timer = setTimeout(() => socket?.destroy(), DROP_GRACE_MS).unref()
    ctx.res.once('finish', () => socket?.end())
    socket?.once('close', () => clearTimeout(timer))
    stop()
  }

  const unsubscribe = ctx.app.store.subscribe(onCommit)
  write(ctx, 'welcome', {listenerName: `lake-${randomUUID()}`})
  const keepAlive = setInterval(() => ctx.res.write(':\n\n'), KEEPALIVE_MS)
  let resolveDone!: () => void
  const done = new Promise<void>((resolve) => (resolveDone = resolve))
  const stop = () => {
    clearInterval(keepAlive)
    unsubscribe()
    ctx.app.closing.removeEventListener('abort', onShutdown)
    resolveDone()
  }
  const onShutdown = () => {
    // Tell the client to reconnect later rather than treat the end as an error.
    write(ctx, 'reconnect', {reason: 'lake shutting down'})
    ctx.res.end()
    stop()
  }
  ctx.app.closing.addEventListener('abort', onShutdown)
  ctx.res.on('close', stop)
  return done
}

/** What every handler receives, and the small response helpers they share. */
import {isUtf8} from 'node:buffer'
import type {IncomingMessage, ServerResponse} from 'node:http'
import {errors, LakeError} from '../errors'
import type {UserDirectory} from '../auth/users'
import type {LakeStore} from '../store/lake-store'
import type {QueryPool} from '../store/query-pool'
import type {LakeUser} from '../store/types'
import type {Webhooks} from '../webhooks/service'
import type {StreamHosts} from './stream-hosts'

/** Server-wide state handlers use. */
export interface LakeApp {
  /** The documents. */
  store: LakeStore
  /** Worker threads for queries the main thread must not evaluate (see query-pool.ts). */
  queries: QueryPool
  /** Token → user resolution. */
  users: UserDirectory
  /** Project id answered when a request names none (no `<id>.localhost` host, no header). */
  defaultProjectId: string
  /** Dataset listed even before its first write. */
  defaultDataset: string
  /** Set on shutdown so long-lived responses (listeners) end. */
  closing: AbortSignal
  /** Tickets for listen streams moved to their own host (see stream-hosts.ts). */
  streamHosts: StreamHosts
  /** Webhook definitions and their deliveries (lake/webhooks). */
  webhooks: Webhooks
  /** Browser origins of the Studio (`--cors-origin`): the only places sign-in redirects to. */
  studioOrigins: ReadonlySet<string>
  /** Per-user key/value settings (`/users/me/keyvalue`); in memory only. */
  keyValues: Map<string, Map<string, unknown>>
}

export interface RequestContext {
  app: LakeApp
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** Path without the `/v<version>` prefix, e.g. `/data/query/production`. */
  path: string
  /** API version from the path (`2025-02-19`, `1`, `X`). */
  apiVersion: string
  /** From the `<projectId>.localhost` host, the `X-Sanity-Project-ID` header, or the default. */
  projectId: string
  /** Route parameters (`:dataset`, `:ids`, ...). */
  params: Record<string, string>
  /** The authenticated (or default) user. */
  user: LakeUser
}

export type Handler = (ctx: RequestContext) => Promise<void> | void

// Sanity's hosted API refuses larger bodies: "Request body exceeds limit of 4000000 bytes" (sanity.io/answers/migration-api-mutation-error-request-body-exceeds-limit-of-4000000-bytes).
export const MAX_BODY_BYTES = 4_000_000
// Sanity documents no depth limit; Portable Text nests ~10 levels, and recursive walkers (mutator, groq-js, JSON.stringify) overflow the stack in the thousands.
export const MAX_JSON_DEPTH = 256

/**
 * Reads a request body, refusing it with 413 as soon as it is known to be too large: by
 * `Content-Length` before reading anything, else when the streamed bytes pass the limit.
 * The refusal closes the connection, so the rest of the body is never read.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) return Promise.reject(errors.payloadTooLarge(MAX_BODY_BYTES))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const settle = (err: Error | undefined, body?: Buffer) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose)
      if (err) reject(err)
      else resolve(body!)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk)
        return
      }
      // Stop pulling bytes off the socket; the 413 (with `connection: close`) ends the connection.
      req.pause()
      settle(errors.payloadTooLarge(MAX_BODY_BYTES))
    }
    const onEnd = () => settle(undefined, Buffer.concat(chunks))
    const onError = (err: Error) => settle(err)
    const onClose = () => settle(new Error('The client closed the connection before sending the whole body'))
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose)
  })
}

/** Nesting depth of a JSON text, counted without recursion, or Infinity once it passes `limit`. */
function jsonDepth(text: string, limit: number): number {
  let depth = 0
  let max = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      // Skip the string with native searches (bodies are mostly text): its end is the next quote
      // not escaped by an odd run of backslashes.
      let end = text.indexOf('"', i + 1)
      while (end !== -1) {
        let slashes = 0
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++
        if (slashes % 2 === 0) break
        end = text.indexOf('"', end + 1)
      }
      if (end === -1) return max // unterminated: JSON.parse reports it
      i = end
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return Infinity
      if (depth > max) max = depth
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return max
}

/** JSON.parse for untrusted input: refuses nesting past MAX_JSON_DEPTH before parsing, so later recursive walks cannot overflow. */
export function parseUntrustedJson(text: string, what: string): unknown {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    throw errors.badRequest(`${what} is nested deeper than the limit of ${MAX_JSON_DEPTH} levels`)
  try {
    return JSON.parse(text)
  } catch (err) {
    throw errors.badRequest(`${what} is not valid JSON: ${(err as Error).message}`)
  }
}

/**
 * The body as text. Invalid UTF-8 is refused rather than silently stored as U+FFFD;
 * `isUtf8` validates strictly, as a fatal TextDecoder does, at a fraction of its cost (an
 * import sends megabytes per request). A leading byte order mark is dropped, as TextDecoder drops it.
 */
function utf8Text(raw: Buffer): string | undefined {
  const body = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw
  return isUtf8(body) ? body.toString('utf8') : undefined
}

/** Parses a JSON body; an empty body is `{}`. */
export async function readJson(ctx: RequestContext): Promise<Record<string, unknown>> {
  const raw = await readBody(ctx.req)
  if (raw.length === 0) return {}
  const what = `Request body of ${ctx.req.method} ${ctx.path}`
  const text = utf8Text(raw)
  if (text === undefined) throw errors.badRequest(`${what} is not valid UTF-8`)
  const value = parseUntrustedJson(text, what)
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw errors.badRequest(`${what} is not valid JSON: expected a JSON object`)
  return value as Record<string, unknown>
}

export function sendJson(
  ctx: RequestContext | {res: ServerResponse},
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJsonText(ctx, status, JSON.stringify(body), headers)
}

/** Sends JSON that is already serialized. */
export function sendJsonText(
  ctx: RequestContext | {res: ServerResponse},
  status: number,
  payload: string,
  headers: Record<string, string> = {},
): void {
  ctx.res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  })
  ctx.res.end(payload)
}

// Long enough for a client to read the answer before the close resets the connection.
const LINGER_MS = 1_000

/**
 * For answers that close the connection with request bytes still unread (413): Node would
 * drain an untouched body after answering, and destroys the socket as soon as the answer
 * is flushed, which, with unread bytes, is a TCP reset that can discard the answer before
 * the client reads it. So the body is left unread (flow control stops the sender), the
 * socket is half-closed, and destroyed after a short linger.
 */
function closeWithoutReading(res: ServerResponse): void {
  const {req, socket} = res
  req.pause()
  // Marks the body as being consumed, so Node does not drain it; reads at most one buffer.
  req.read(0)
  if (!socket) return
  socket.destroySoon = () => {
    if (socket.writable) socket.end()
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  }
}

export function sendError(res: ServerResponse, err: LakeError): void {
  if (res.headersSent) {
    res.end()
    return
  }
  if (err.headers.connection === 'close') closeWithoutReading(res)
  sendJson({res}, err.status, err.body, err.headers)
}

/** Boolean query-string flags as Sanity accepts them (`true`, `1`, or bare). */
export function flag(url: URL, name: string, fallback = false): boolean {
  const value = url.searchParams.get(name)
  if (value === null) return fallback
  return value === '' || value === 'true' || value === '1'
}

/** Dataset names as Sanity allows them; checked so a typo can't silently create a dataset. */
export function datasetName(ctx: RequestContext): string {
  const name = ctx.params.dataset ?? ''
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name)) throw errors.badRequest(`Invalid dataset name "${name}"`)
  return name
}

/** True when the API version is at least `version` (`X` is the newest). */
export function apiVersionAtLeast(ctx: RequestContext, version: string): boolean {
  if (ctx.apiVersion === 'X') return true
  if (/^\d+$/.test(ctx.apiVersion)) return false
  return ctx.apiVersion >= version
}

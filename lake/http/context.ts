/** What every handler receives, and the small response helpers they share. */
import type {IncomingMessage, ServerResponse} from 'node:http'
import {errors, LakeError} from '../errors'
import type {UserDirectory} from '../auth/users'
import type {LakeStore} from '../store/lake-store'
import type {LakeUser} from '../store/types'
import type {StreamHosts} from './stream-hosts'

/** Server-wide state handlers use. */
export interface LakeApp {
  /** The documents. */
  store: LakeStore
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

const MAX_BODY_BYTES = 256 * 1024 * 1024

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw errors.payloadTooLarge(MAX_BODY_BYTES)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Parses a JSON body; an empty body is `{}`. */
export async function readJson(ctx: RequestContext): Promise<Record<string, unknown>> {
  const raw = await readBody(ctx.req)
  if (raw.length === 0) return {}
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'))
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('expected a JSON object')
    return value as Record<string, unknown>
  } catch (err) {
    throw errors.badRequest(`Request body of ${ctx.req.method} ${ctx.path} is not valid JSON: ${(err as Error).message}`)
  }
}

export function sendJson(ctx: RequestContext | {res: ServerResponse}, status: number, body: unknown): void {
  const payload = JSON.stringify(body)
  ctx.res.writeHead(status, {'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload)})
  ctx.res.end(payload)
}

export function sendError(res: ServerResponse, err: LakeError): void {
  if (res.headersSent) {
    res.end()
    return
  }
  sendJson({res}, err.status, err.body)
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

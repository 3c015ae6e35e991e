/**
 * Browsers allow 6 HTTP/1.1 connections per host. Sanity's API is HTTP/2, so the Studio
 * freely opens more than six event streams (releases, tasks, previews, document pairs…);
 * against a plain HTTP/1.1 lake the streams would take every connection and leave the
 * Studio's queries and mutations queued forever ("Trying to connect…").
 *
 * So a browser's listen request on `<project>.localhost` is redirected to a host of its
 * own, `s<n>.<project>.localhost` (browsers resolve every `*.localhost` to loopback), where
 * the stream holds a connection from that host's pool instead. After a cross-origin
 * redirect the browser drops the Authorization header and sends `Origin: null`, so the
 * redirect carries a short-lived ticket naming the already-authenticated user and
 * origin; only requests with a valid ticket get `null` allowed by CORS.
 */
import {randomBytes} from 'node:crypto'
import type {IncomingMessage, ServerResponse} from 'node:http'
import type {LakeUser} from '../store/types'

const TICKET_TTL_MS = 5 * 60_000
/** `<project>.localhost` (the Studio's default) or plain `localhost` (browsers with `useProjectHostname: false`). */
const BROWSER_HOST = /^(?:[a-z0-9-]+\.)?localhost(:\d+)?$/i
export const STREAM_HOST_PREFIX = /^s\d+\./
const STREAM_HOST = /^s\d+\.(?:[a-z0-9-]+\.)?localhost(:\d+)?$/i

export interface StreamTicket {
  user: LakeUser
  /** The Studio origin that was allowed by CORS when the ticket was issued. */
  origin: string
  expires: number
}

export class StreamHosts {
  private readonly tickets = new Map<string, StreamTicket>()
  private counter = 0

  /** True when this request should move to a stream host (a browser on the project host). */
  shouldRedirect(req: IncomingMessage, url: URL): boolean {
    const host = req.headers.host ?? ''
    return (
      BROWSER_HOST.test(host) &&
      !STREAM_HOST.test(host) &&
      typeof req.headers.origin === 'string' &&
      !url.searchParams.has('lakeTicket')
    )
  }

  redirect(req: IncomingMessage, res: ServerResponse, url: URL, user: LakeUser): void {
    this.sweep()
    const ticket = randomBytes(18).toString('base64url')
    this.tickets.set(ticket, {user, origin: String(req.headers.origin), expires: Date.now() + TICKET_TTL_MS})
    this.counter = (this.counter % 9999) + 1
    const target = new URL(url.pathname + url.search, `http://s${this.counter}.${req.headers.host}`)
    target.searchParams.set('lakeTicket', ticket)
    res.writeHead(307, {location: target.toString(), 'cache-control': 'no-store', 'content-length': 0})
    res.end()
  }

  /** The ticket of a request on a stream host, if valid. */
  ticketFor(req: IncomingMessage, url: URL): StreamTicket | undefined {
    const id = url.searchParams.get('lakeTicket')
    if (!id || !STREAM_HOST.test(req.headers.host ?? '')) return undefined
    const ticket = this.tickets.get(id)
    return ticket && ticket.expires > Date.now() ? ticket : undefined
  }

  private sweep(): void {
    const now = Date.now()
    for (const [id, t] of this.tickets) if (t.expires <= now) this.tickets.delete(id)
  }
}

/**
 * CORS for the configured Studio origins only. Credentials are allowed because a Studio
 * without a token uses cookie mode (`withCredentials`), which browsers only permit with
 * an exact origin echo, never `*`.
 */
import type {IncomingMessage, ServerResponse} from 'node:http'

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'

/**
 * Sets CORS headers for allowed origins; returns true when the request is already
 * answered: a preflight, or any request from an origin that is not allowed. Refusing
 * those outright matters because a "simple" cross-site POST needs no preflight, and a
 * request without a token acts as the local administrator: any web page open in the
 * same browser could otherwise write to the lake.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: ReadonlySet<string>,
  allowNullOrigin = false,
): boolean {
  const origin = req.headers.origin
  // `null` is what a browser sends after a cross-origin redirect; allowed only for ticketed stream requests.
  const allowed = typeof origin === 'string' && (allowedOrigins.has(origin) || (allowNullOrigin && origin === 'null'))
  res.setHeader('vary', 'Origin')
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-credentials', 'true')
    res.setHeader('access-control-expose-headers', 'x-sanity-shard, x-sanity-lake')
  }
  // The lake's own sign-in page posts its form same-origin; the host was checked to be loopback before this.
  const sameOrigin = origin === `http://${req.headers.host}`
  if (req.method !== 'OPTIONS' && (allowed || origin === undefined || sameOrigin)) return false
  if (!allowed) {
    res.writeHead(403, {'content-type': 'application/json'})
    res.end(
      JSON.stringify({
        statusCode: 403,
        error: 'Forbidden',
        message: `Origin ${String(origin)} is not allowed by this lake's CORS settings (--cors-origin)`,
      }),
    )
    return true
  }
  res.writeHead(204, {
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'authorization, content-type',
    'access-control-max-age': '600',
    // Chromium's private-network checks ask this of loopback servers.
    'access-control-allow-private-network': 'true',
  })
  res.end()
  return true
}

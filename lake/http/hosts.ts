/**
 * The `Host` check that stops DNS rebinding. The lake listens on 127.0.0.1 only, but a
 * page on `evil.example` whose name is re-pointed at 127.0.0.1 reaches it as same-origin,
 * with no `Origin` header on its GETs, and a request without a token acts as the local
 * administrator. Such a request still names its own host, so only loopback names (and
 * `*.localhost`, which browsers always resolve to loopback themselves) are served.
 */

/** Loopback names; `*.localhost` covers `<projectId>.localhost` and the stream hosts `s<n>.<projectId>.localhost`. */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]'])
const LOCALHOST_SUBDOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+localhost$/
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/

/** Why a request's `Host` header is not served on `port`, or undefined when it is. */
export function hostRefusal(host: string | undefined, port: number): string | undefined {
  if (!host) return 'the request names no Host'
  const m = HOST_HEADER.exec(host.toLowerCase())
  if (!m) return 'it is not a valid host name'
  const [, name = '', portText] = m
  if (!LOOPBACK_NAMES.has(name) && !LOCALHOST_SUBDOMAIN.test(name))
    return 'only loopback hosts (127.0.0.1, localhost, [::1], *.localhost) are served, so a rebound DNS name cannot reach the lake'
  if (portText !== undefined && Number(portText) !== port) return `the lake listens on port ${port}, not ${portText}`
  return undefined
}

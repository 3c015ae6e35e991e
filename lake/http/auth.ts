/**
 * The lake as the Studio's login provider, speaking what Studio 6.9.2's token login
 * expects: `GET /auth/providers` lists one provider per local user, so the Studio's login
 * screen shows each by name and role; the provider's page (served here) signs in as the
 * user chosen with a same-origin form post and sends the browser back to the Studio with
 * `#sid=…`; the Studio trades that one-time session id for the user's token at
 * `GET /auth/fetch`. Redirects go only to the configured Studio origins (`--cors-origin`).
 */
import {randomBytes} from 'node:crypto'
import {ROLES} from '../auth/users'
import {errors} from '../errors'
import type {LakeUser} from '../store/types'
import {readBody, sendJson, type LakeApp, type RequestContext} from './context'

/** How long a session id waits for the Studio to exchange it: the redirect takes a moment, never minutes. */
const SESSION_TTL_MS = 2 * 60_000

interface PendingSession {
  userId: string
  expiresAt: number
}

const sessionsByApp = new WeakMap<LakeApp, Map<string, PendingSession>>()

function sessions(app: LakeApp): Map<string, PendingSession> {
  let pending = sessionsByApp.get(app)
  if (!pending) sessionsByApp.set(app, (pending = new Map()))
  const now = Date.now()
  for (const [sid, session] of pending) if (session.expiresAt <= now) pending.delete(sid)
  return pending
}

const HTML_ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)

const roleTitle = (user: LakeUser) => ROLES[user.role].title

/** The lake's own origin as the browser addressed it; the host was checked to be loopback before routing. */
const lakeOrigin = (ctx: RequestContext) => `http://${ctx.req.headers.host}`

/**
 * Where to send the browser after sign-in: the Studio URL it came from, accepted only on a
 * configured Studio origin, so the lake is no open redirect for session ids.
 */
function studioReturnUrl(ctx: RequestContext, raw: string | null): URL {
  let url: URL | undefined
  try {
    url = raw ? new URL(raw) : undefined
  } catch {
    url = undefined
  }
  if (!url || !ctx.app.studioOrigins.has(url.origin)) {
    throw errors.badRequest(
      `Sign-in needs \`origin\`, the Studio URL to return to, on one of this lake's Studio origins (${[...ctx.app.studioOrigins].join(', ')}); got ${JSON.stringify(raw ?? '')}. Start the lake with --cors-origin <studio origin> to add one.`,
    )
  }
  url.hash = ''
  return url
}

/** `GET /auth/providers`: one provider per user, so the Studio's login screen lists the users by name and role. */
export function providersHandler(ctx: RequestContext): void {
  sendJson(ctx, 200, {
    providers: ctx.app.users.users.map((user) => ({
      name: `lake-${user.id}`,
      title: `${user.name} (${roleTitle(user)})`,
      url: `${lakeOrigin(ctx)}/v${ctx.apiVersion}/auth/login/${encodeURIComponent(user.id)}`,
    })),
  })
}

/**
 * `GET /auth/login/:user?origin=…`: the provider's page. It asks before signing in (a link
 * alone must not switch someone's Studio to another user) and lists the other users too.
 */
export function loginPageHandler(ctx: RequestContext): void {
  const returnUrl = studioReturnUrl(ctx, ctx.url.searchParams.get('origin'))
  const chosen = ctx.app.users.users.find((user) => user.id === ctx.params.user)
  const users = chosen ? [chosen, ...ctx.app.users.users.filter((user) => user !== chosen)] : ctx.app.users.users
  const action = `/v${escapeHtml(ctx.apiVersion)}/auth/login`
  const forms = users
    .map(
      (user, index) => `<form method="post" action="${action}">
  <input type="hidden" name="user" value="${escapeHtml(user.id)}">
  <input type="hidden" name="origin" value="${escapeHtml(returnUrl.href)}">
  <button type="submit"${index === 0 && chosen ? ' autofocus class="chosen"' : ''}>${escapeHtml(user.name)} <span>${escapeHtml(roleTitle(user))}</span></button>
</form>`,
    )
    .join('\n')
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to the local lake</title>
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}
button{display:flex;justify-content:space-between;width:100%;margin:.4rem 0;padding:.7rem 1rem;font:inherit;cursor:pointer}
button span{color:#666}.chosen{font-weight:600}</style></head>
<body><h1>Sign in as</h1><p>to the Studio at ${escapeHtml(returnUrl.origin)}</p>
${forms}
<p><small>Local development users of the lake; their tokens are fixtures (lake/README.md).</small></p></body></html>`
  ctx.res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(page),
    // No script at all; the form may post only here, and its redirect lands only on this Studio.
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${returnUrl.origin}; frame-ancestors 'none'; base-uri 'none'`,
    'x-frame-options': 'DENY',
    // Not `no-referrer`: under it the browser posts the form with `Origin: null`, which the post refuses.
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
  })
  ctx.res.end(page)
}

/** `POST /auth/login` (the page's form): checks it came from the lake's own page, then sends the Studio a session id. */
export async function loginHandler(ctx: RequestContext): Promise<void> {
  if (ctx.req.headers.origin !== lakeOrigin(ctx)) {
    throw errors.forbidden(
      `Sign-in is a form on the lake's own page (${lakeOrigin(ctx)}/v${ctx.apiVersion}/auth/login/<user>); a post from origin ${JSON.stringify(ctx.req.headers.origin ?? '')} is refused.`,
    )
  }
  const form = new URLSearchParams((await readBody(ctx.req)).toString('utf8'))
  const returnUrl = studioReturnUrl(ctx, form.get('origin'))
  const user = ctx.app.users.users.find(({id}) => id === form.get('user'))
  if (!user || !ctx.app.users.tokenOf(user.id)) {
    throw errors.badRequest(
      `No local user ${JSON.stringify(form.get('user') ?? '')}; the lake's users are ${ctx.app.users.users.map(({id}) => id).join(', ')}.`,
    )
  }
  const sid = randomBytes(24).toString('base64url')
  sessions(ctx.app).set(sid, {userId: user.id, expiresAt: Date.now() + SESSION_TTL_MS})
  returnUrl.hash = `sid=${sid}`
  ctx.res.writeHead(303, {location: returnUrl.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer'})
  ctx.res.end()
}

/** `GET /auth/fetch?sid=…`: the Studio trades the one-time session id for the user's token. */
export function fetchTokenHandler(ctx: RequestContext): void {
  const sid = ctx.url.searchParams.get('sid') ?? ''
  const pending = sessions(ctx.app)
  const session = pending.get(sid)
  pending.delete(sid)
  const token = session && ctx.app.users.tokenOf(session.userId)
  if (!token) throw errors.unauthorized('The session id is unknown, used or expired: sign in again.')
  sendJson(ctx, 200, {token})
}

/** `POST /auth/logout`: the tokens are fixtures, so signing out is the Studio forgetting its token. */
export function logoutHandler(ctx: RequestContext): void {
  sendJson(ctx, 200, {})
}

/** A dispatch table: `METHOD /path/:param` → handler, matched in order. */
import {escapeRegExp} from '../../plugins/editorial-review/core'
import {errors} from '../errors'
import type {Handler} from './context'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface Route {
  /** HTTP methods the route answers. */
  methods: Method[]
  /** Path pattern after the version prefix; `:name` matches one segment, a trailing `*` the rest. */
  pattern: string
  /** Answers the request; throws LakeError for Sanity-shaped failures. */
  handler: Handler
  /** Writes need a user allowed to write; checked before the handler runs. */
  write?: boolean
  /** A long-lived event stream; browsers are moved to a stream host for it (see stream-hosts.ts). */
  stream?: boolean
  /** Part of signing in, so it answers before anyone has a token, even with `--anonymous-role none`. */
  signIn?: boolean
}

interface CompiledRoute extends Route {
  regex: RegExp
  names: string[]
}

export type RouteMatch = {route: Route; params: Record<string, string>} | {methodNotAllowed: true} | undefined

export class Router {
  private readonly routes: CompiledRoute[]

  constructor(routes: Route[]) {
    this.routes = routes.map((route) => {
      const names: string[] = []
      const source = route.pattern
        .split('/')
        .map((segment) => {
          if (segment === '*') {
            names.push('rest')
            return '(.*)'
          }
          if (segment.startsWith(':')) {
            names.push(segment.slice(1))
            return '([^/]+)'
          }
          return escapeRegExp(segment)
        })
        .join('/')
      return {...route, regex: new RegExp(`^${source}/?$`), names}
    })
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false
    for (const route of this.routes) {
      const m = route.regex.exec(path)
      if (!m) continue
      pathMatched = true
      if (!route.methods.includes(method as Method)) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => (params[name] = decodeSegment(m[i + 1] ?? '')))
      return {route, params}
    }
    return pathMatched ? {methodNotAllowed: true} : undefined
  }
}

/** A path segment's text; malformed percent-encoding (`%ff`) is the client's mistake, a 400. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw errors.badRequest(`Malformed percent-encoding in path segment "${segment.slice(0, 80)}"`)
  }
}

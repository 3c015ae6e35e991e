/** A small router: a table of method + path pattern → handler, first match wins. */
import {escapeRegExp} from '../plugins/editorial-review/core'

export interface Match {
  /** Named path segments, already URI-decoded. */
  params: Record<string, string>
  /** The parsed request URL. */
  url: URL
}

export interface Route<Result> {
  /** e.g. '/releases/:slug'. */
  pattern: string
  handler: (match: Match) => Promise<Result>
}

interface Compiled<Result> {
  regex: RegExp
  names: string[]
  route: Route<Result>
}

function compile<Result>(route: Route<Result>): Compiled<Result> {
  const names: string[] = []
  const source = route.pattern
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return escapeRegExp(part)
      names.push(part.slice(1))
      return '([^/]+)'
    })
    .join('/')
  return {regex: new RegExp(`^${source}/?$`), names, route}
}

export class Router<Result> {
  private readonly compiled: Compiled<Result>[]

  constructor(routes: Route<Result>[]) {
    this.compiled = routes.map(compile)
  }

  /** The handler's result for the first matching route, or undefined; a malformed escape counts as no match. */
  async dispatch(url: URL): Promise<Result | undefined> {
    for (const {regex, names, route} of this.compiled) {
      const found = regex.exec(url.pathname)
      if (!found) continue
      const params: Record<string, string> = {}
      try {
        names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1] ?? '')))
      } catch {
        return undefined
      }
      return route.handler({params, url})
    }
    return undefined
  }
}

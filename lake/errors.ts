/**
 * Sanity-shaped errors. `@sanity/client` builds its error messages from these bodies
 * (`error.description`, `error.items[].error.description`, query parse positions), so the
 * lake's answers must match them for callers to see useful messages.
 */

/** One failed item of a mutation or action transaction. */
export interface ErrorItem {
  /** Index of the failing mutation/action in the request. */
  index: number
  /** Sanity error object for that item. */
  error: {description: string; type: string; id?: string}
}

/** An error with the HTTP status and the JSON body the lake answers with. */
export class LakeError extends Error {
  readonly status: number
  readonly body: Record<string, unknown>
  /** Extra response headers, e.g. `connection: close` when the rest of the request must not be read. */
  readonly headers: Record<string, string>
  constructor(status: number, body: Record<string, unknown>, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.name = 'LakeError'
    this.status = status
    this.body = body
    this.headers = headers
  }
}

function described(status: number, type: string, description: string, extra: Record<string, unknown> = {}): LakeError {
  return new LakeError(status, {error: {type, description, ...extra}, statusCode: status}, description)
}

export const errors = {
  badRequest: (description: string) => described(400, 'validationError', description),
  /** GROQ syntax error; start/end are UTF-16 offsets into `query`, as the client's code frame expects. */
  queryParse: (query: string, description: string, start: number, end: number) =>
    described(400, 'queryParseError', description, {query, start, end}),
  queryEvaluation: (query: string, description: string) => described(400, 'queryError', description, {query}),
  notFound: (description: string) => new LakeError(404, {statusCode: 404, error: 'Not Found', message: description}, description),
  /** Refused before routing, so in the flat shape of the other gateway answers (404, 401). */
  invalidApiVersion: (version: string, reason: string) => {
    const message = `Invalid API version "${version}": ${reason}`
    return new LakeError(400, {statusCode: 400, error: 'Bad Request', message}, message)
  },
  /** Sanity answers unknown/invalid tokens with this flat shape. */
  unauthorized: (description: string) =>
    new LakeError(401, {statusCode: 401, error: 'Unauthorized', message: description}, description),
  forbidden: (description: string) => described(403, 'insufficientPermissionsError', description),
  /** A `Host` outside loopback (DNS rebinding); the flat shape, as for a refused CORS origin. */
  hostNotAllowed: (host: string | undefined, reason: string) => {
    const message = `Host ${JSON.stringify(host ?? '')} is not allowed: ${reason}`
    return new LakeError(403, {statusCode: 403, error: 'Forbidden', message}, message)
  },
  /** Transaction failures (revision mismatch, duplicate id, guard rejection): 409 with per-item reasons. */
  mutation: (description: string, items: ErrorItem[], status = 409) => described(status, 'mutationError', description, {items}),
  action: (description: string, items: ErrorItem[], status = 409) => described(status, 'actionError', description, {items}),
  methodNotAllowed: (method: string, path: string) =>
    new LakeError(
      405,
      {statusCode: 405, error: 'Method Not Allowed', message: `${method} is not allowed on ${path}`},
      `${method} ${path}`,
    ),
  /** Sanity's wording; `connection: close` so the unread rest of the body is dropped with the connection. */
  payloadTooLarge: (limit: number) => {
    const description = `Request body exceeds limit of ${limit} bytes`
    return new LakeError(413, {error: {type: 'payloadTooLargeError', description}, statusCode: 413}, description, {
      connection: 'close',
    })
  },
  internal: (description: string) => described(500, 'internalError', description),
  /**
   * A query over the lake's size limit, refused before it is parsed. Sanity reports "Query size
   * exceeded" for queries past 300 kB; 413 because, as for bodies, it is the request that is too large.
   * The query itself is not echoed back.
   */
  queryTooLarge: (bytes: number, limit: number) =>
    described(413, 'queryTooLargeError', `Query size exceeded: the query is ${bytes} bytes, the limit is ${limit} bytes`),
  /**
   * A query stopped at its deadline (Sanity's limit is 1 minute of execution). 504, not 503: the
   * client retries 502/503/429 on queries, and a query that timed out would only time out again.
   */
  queryTimeout: (query: string, ms: number) =>
    described(504, 'queryTimeoutError', `Query timed out: evaluation exceeded the limit of ${ms} ms`, {
      query: query.length > 1000 ? `${query.slice(0, 1000)}…` : query,
    }),
}

/** `/data/query/:dataset` (GET and POST): GROQ with params and perspectives. */
import {errors} from '../errors'
import {checkQuerySize, fastPlan, parsePerspective, runQuery, type Perspective, type QueryOptions} from '../store/query'
import {apiVersionAtLeast, datasetName, parseUntrustedJson, readJson, sendJsonText, type RequestContext} from './context'

/** GET carries params as `$name=<json>`; Sanity rejects values that aren't JSON. */
export function paramsFromSearch(url: URL): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of url.searchParams) {
    if (!key.startsWith('$')) continue
    params[key.slice(1)] = parseUntrustedJson(value, `Query parameter "${key}"`)
  }
  return params
}

/** Since API version 2025-02-19 Sanity's default perspective is `published`; before, `raw`. */
export function defaultPerspective(ctx: RequestContext): Perspective {
  return apiVersionAtLeast(ctx, '2025-02-19') ? 'published' : 'raw'
}

export async function queryHandler(ctx: RequestContext): Promise<void> {
  const started = performance.now()
  const dataset = datasetName(ctx)
  let query: unknown
  let params: Record<string, unknown>
  let perspectiveValue: unknown = ctx.url.searchParams.get('perspective') ?? undefined
  if (ctx.req.method === 'POST') {
    const body = await readJson(ctx)
    query = body.query
    params = (body.params as Record<string, unknown> | undefined) ?? {}
    if (body.perspective !== undefined) perspectiveValue = body.perspective
    const options = body.options as Record<string, unknown> | undefined
    if (options?.perspective !== undefined) perspectiveValue = options.perspective
  } else {
    query = ctx.url.searchParams.get('query')
    params = paramsFromSearch(ctx.url)
  }
  if (typeof query !== 'string') throw errors.badRequest(`${ctx.req.method} ${ctx.path} needs a "query"`)
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw errors.badRequest('"params" must be an object')
  // Before anything parses it: the parse itself is what a huge query makes slow.
  checkQuerySize(query)
  const perspective = parsePerspective(perspectiveValue, defaultPerspective(ctx))
  const state = ctx.app.store.dataset(dataset)
  const options: QueryOptions = {perspective, params, identity: ctx.user.id, sanity: {projectId: ctx.projectId, dataset}}
  // Index-served lookups of a bounded shape run here (no thread hop); everything else in a worker.
  const prepared = fastPlan(state, query, options)
  let resultJson: string
  if (prepared) {
    resultJson = JSON.stringify((await runQuery(state, query, options, prepared)) ?? null)
  } else {
    const gone = new AbortController()
    const onClose = () => {
      if (!ctx.res.writableEnded) gone.abort()
    }
    ctx.res.once('close', onClose)
    try {
      resultJson = await ctx.app.queries.run(dataset, query, options, gone.signal)
    } finally {
      ctx.res.off('close', onClose)
    }
  }
  const ms = Math.round((performance.now() - started) * 1000) / 1000
  const returnQuery = ctx.url.searchParams.get('returnQuery') !== 'false'
  // The result arrives as JSON text from the worker; it is spliced in, not parsed and serialized again.
  sendJsonText(
    ctx,
    200,
    `{${returnQuery ? `"query":${JSON.stringify(query)},` : ''}"result":${resultJson},"syncTags":[],"ms":${ms}}`,
  )
}

/** `/data/doc/:dataset/:ids`: documents by id, in request order, as the client's getDocuments expects. */
import {datasetName, sendJson, type RequestContext} from './context'

export function docHandler(ctx: RequestContext): void {
  const state = ctx.app.store.dataset(datasetName(ctx))
  const ids = (ctx.params.ids ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  const documents = []
  const omitted = []
  for (const id of ids) {
    const doc = state.get(id)
    if (doc) documents.push(doc)
    else omitted.push({id, reason: 'existence'})
  }
  sendJson(ctx, 200, {documents, omitted})
}

/** `/data/export/:dataset`: every document as NDJSON, ordered by id (what `lake export` writes). */
export function exportHandler(ctx: RequestContext): void {
  const state = ctx.app.store.dataset(datasetName(ctx))
  const ids = [...state.docs.keys()].sort()
  ctx.res.writeHead(200, {'content-type': 'application/x-ndjson; charset=utf-8'})
  for (const id of ids) ctx.res.write(JSON.stringify(state.docs.get(id)) + '\n')
  ctx.res.end()
}

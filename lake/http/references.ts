/**
 * `/data/references/:dataset/documents/:id/to`: who refers to a document. The Studio's
 * delete and unpublish dialogs ask it for cross-dataset references
 * (`excludeInternalReferences=true`); the lake has one project and no cross-dataset
 * references, so that answer is always empty. Without the flag, the documents of this
 * dataset that reference the id are listed.
 */
import {publishedIdOf} from '../store/ids'
import {datasetName, flag, sendJson, type RequestContext} from './context'

/** True if `value` holds a reference (`_ref`) to one of `ids`, anywhere inside. */
function refersTo(value: unknown, ids: Set<string>): boolean {
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (!v || typeof v !== 'object') continue
    if (Array.isArray(v)) stack.push(...v)
    else {
      const ref = (v as {_ref?: unknown})._ref
      if (typeof ref === 'string' && ids.has(ref)) return true
      stack.push(...Object.values(v))
    }
  }
  return false
}

export function referencesToHandler(ctx: RequestContext): void {
  const dataset = datasetName(ctx)
  if (flag(ctx.url, 'excludeInternalReferences')) {
    sendJson(ctx, 200, {totalCount: 0, references: []})
    return
  }
  const id = ctx.params.id ?? ''
  // A reference names the published id; the draft and versions of the referrer count as the referrer.
  const targets = new Set([id, publishedIdOf(id)])
  const state = ctx.app.store.dataset(dataset)
  const referrers = new Set<string>()
  for (const [docId, doc] of state.docs)
    if (publishedIdOf(docId) !== publishedIdOf(id) && refersTo(doc, targets)) referrers.add(publishedIdOf(docId))
  const references = [...referrers].sort().map((documentId) => ({documentId, datasetName: dataset, projectId: ctx.projectId}))
  sendJson(ctx, 200, {totalCount: references.length, references})
}

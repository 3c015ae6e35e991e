/** `/data/mutate/:dataset`: Sanity mutations in one atomic transaction. */
import {errors} from '../errors'
import {applyMutation, type MutationOutcome, type MutationSpec} from '../store/mutations'
import {datasetName, flag, readJson, sendJson, type RequestContext} from './context'
import {runTransaction} from './transaction'

/**
 * `lake import` marks its batches (`lakeImport=true`) so the guard can tell a restore
 * from an edit, and may ask to let unreviewed copy through (`allowUnreviewed=true`).
 * Both need an administrator who sent a token: a request without one never gets a path
 * around review, whatever role the lake gives it.
 */
function restoreMode(ctx: RequestContext): 'restore' | 'allowUnreviewed' | undefined {
  const restore = flag(ctx.url, 'lakeImport')
  const allowUnreviewed = flag(ctx.url, 'allowUnreviewed')
  if (!restore && !allowUnreviewed) return undefined
  if (!restore)
    throw errors.badRequest('allowUnreviewed=true applies only to a restore (lakeImport=true, `npm run lake -- import`).')
  if (ctx.user.role !== 'administrator' || !ctx.req.headers.authorization) {
    throw errors.forbidden(
      `lakeImport=true is an administrator's restore and needs an administrator's token; "${ctx.user.id}" (${ctx.req.headers.authorization ? ctx.user.role : 'no token'}) may not use it.`,
    )
  }
  return allowUnreviewed ? 'allowUnreviewed' : 'restore'
}

export async function mutateHandler(ctx: RequestContext): Promise<void> {
  const dataset = datasetName(ctx)
  const body = await readJson(ctx)
  const mutations = body.mutations
  if (!Array.isArray(mutations) || mutations.length === 0) throw errors.badRequest('Body needs a non-empty "mutations" array')
  const transactionId =
    ctx.url.searchParams.get('transactionId') ?? (typeof body.transactionId === 'string' ? body.transactionId : undefined)
  const restore = restoreMode(ctx)
  const {results, commit} = await runTransaction(
    ctx,
    dataset,
    restore ? 'import' : 'mutate',
    mutations as MutationSpec[],
    transactionId || undefined,
    (ws, m) => applyMutation(ws, m),
    // `dryRun=true`: Sanity's "identical response, no documents affected".
    {allowUnreviewed: restore === 'allowUnreviewed', dryRun: flag(ctx.url, 'dryRun')},
  )
  const outcomes: MutationOutcome[] = results.flat()
  const returnDocuments = flag(ctx.url, 'returnDocuments')
  const returnIds = flag(ctx.url, 'returnIds')
  const byId = new Map(commit.changes.map((c) => [c.id, c]))
  sendJson(ctx, 200, {
    transactionId: commit.transactionId,
    results: outcomes.map(({id, operation}) => {
      const change = byId.get(id)
      const document = change ? (change.after ?? change.before) : ctx.app.store.dataset(dataset).get(id)
      return {id, operation, ...(returnDocuments && document ? {document} : {})}
    }),
    ...(returnIds ? {documentIds: outcomes.map((o) => o.id)} : {}),
  })
}

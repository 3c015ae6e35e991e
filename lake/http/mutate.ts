/** `/data/mutate/:dataset`: Sanity mutations in one atomic transaction. */
import {errors} from '../errors'
import {applyMutation, type MutationOutcome, type MutationSpec} from '../store/mutations'
import {datasetName, flag, readJson, sendJson, type RequestContext} from './context'
import {runTransaction} from './transaction'

export async function mutateHandler(ctx: RequestContext): Promise<void> {
  const dataset = datasetName(ctx)
  const body = await readJson(ctx)
  const mutations = body.mutations
  if (!Array.isArray(mutations) || mutations.length === 0) throw errors.badRequest('Body needs a non-empty "mutations" array')
  const transactionId =
    ctx.url.searchParams.get('transactionId') ?? (typeof body.transactionId === 'string' ? body.transactionId : undefined)
  // `lake import` marks its batches so guards can tell a restore from an edit; only administrators may.
  const isImport = ctx.url.searchParams.get('lakeImport') === 'true'
  if (isImport && ctx.user.role !== 'administrator')
    throw errors.forbidden(`lakeImport=true requires the administrator role; "${ctx.user.id}" is ${ctx.user.role}`)
  const {results, commit} = await runTransaction(
    ctx,
    dataset,
    isImport ? 'import' : 'mutate',
    mutations as MutationSpec[],
    transactionId || undefined,
    (ws, m) => applyMutation(ws, m),
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

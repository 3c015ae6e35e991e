/** `/data/actions/:dataset`: document and release actions in one atomic transaction. */
import {errors} from '../errors'
import {applyAction, type ActionSpec} from '../store/actions'
import {datasetName, readJson, sendJson, type RequestContext} from './context'
import {runTransaction} from './transaction'

export async function actionsHandler(ctx: RequestContext): Promise<void> {
  const dataset = datasetName(ctx)
  const body = await readJson(ctx)
  const raw = body.actions
  const actions = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : []
  if (actions.length === 0) throw errors.badRequest('Body needs an "actions" array (or object)')
  const transactionId =
    typeof body.transactionId === 'string' ? body.transactionId : (ctx.url.searchParams.get('transactionId') ?? undefined)
  // The Studio sends `dryRun: true` to ask whether an action would be allowed (e.g. "New release"):
  // the same checks and the same answer, nothing written, except a release's state (store/actions.ts).
  if (body.dryRun !== undefined && typeof body.dryRun !== 'boolean') throw errors.badRequest('"dryRun" must be a boolean')
  const {commit} = await runTransaction(
    ctx,
    dataset,
    'action',
    actions as ActionSpec[],
    transactionId || undefined,
    (ws, action) => applyAction(ws, action, {dryRun: body.dryRun === true}),
    {dryRun: body.dryRun === true},
  )
  sendJson(ctx, 200, {transactionId: commit.transactionId})
}

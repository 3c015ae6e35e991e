/**
 * Shared commit path for /data/mutate and /data/actions: role checks, the injected
 * guard, and mapping failures to Sanity's `mutationError`/`actionError` bodies with the
 * index of the failing item.
 */
import {forbiddenReason} from '../auth/users'
import {errors, LakeError} from '../errors'
import {StoreError, type StoreErrorKind} from '../store/errors'
import {GuardRejection} from '../store/lake-store'
import type {CommitResult} from '../store/types'
import type {WorkingSet} from '../store/working-set'
import type {RequestContext} from './context'

export type TransactionKind = 'mutate' | 'action' | 'import'

/** How each store failure is answered: the HTTP status and Sanity's error type of the failing item. */
const STORE_ERRORS: Record<StoreErrorKind, {status: number; type: string}> = {
  invalid: {status: 400, type: 'validationError'},
  invalidQuery: {status: 400, type: 'queryParseError'},
  invalidPatch: {status: 400, type: 'patchError'},
  missingDocument: {status: 409, type: 'documentNotFoundError'},
  missingPatchTarget: {status: 404, type: 'documentNotFoundError'},
  alreadyExists: {status: 409, type: 'documentAlreadyExistsError'},
  revisionMismatch: {status: 409, type: 'documentRevisionIDDoesNotMatchError'},
  // Sanity: a transaction id "must be unique in the dataset"; the lake answers 409 like its other conflicts.
  transactionIdTaken: {status: 409, type: 'transactionIdConflictError'},
  documentTooLarge: {status: 413, type: 'documentTooLargeError'},
  // Not 502/503 for a full disk: nothing was written, but retrying at once would not help either.
  storageFull: {status: 507, type: 'insufficientStorageError'},
  // 503: @sanity/client does not retry a mutation on it (only GETs and queries), and the message says what to do.
  storageFailed: {status: 503, type: 'storageError'},
}

/** Applies `items` one by one through `apply`, then commits; any failure rolls back everything. */
export async function runTransaction<I, R>(
  ctx: RequestContext,
  dataset: string,
  kind: TransactionKind,
  items: I[],
  transactionId: string | undefined,
  apply: (ws: WorkingSet, item: I) => Promise<R> | R,
  options: {allowUnreviewed?: boolean; dryRun?: boolean} = {},
): Promise<{results: R[]; commit: CommitResult}> {
  const fail = kind === 'action' ? errors.action : errors.mutation
  const noun = kind === 'action' ? 'action' : 'mutation'
  let index = 0
  try {
    const {result, commit} = await ctx.app.store.commit(
      dataset,
      ctx.user,
      {
        kind,
        transactionId,
        allowUnreviewed: options.allowUnreviewed,
        dryRun: options.dryRun,
        authenticated: Boolean(ctx.req.headers.authorization),
        authorize: (changes) => {
          const reason = forbiddenReason(ctx.user, changes)
          if (reason) throw errors.forbidden(reason)
        },
      },
      async (ws) => {
        const results: R[] = []
        for (index = 0; index < items.length; index++) results.push(await apply(ws, items[index]!))
        return results
      },
    )
    return {results: result, commit}
  } catch (err) {
    if (err instanceof LakeError) throw err
    if (err instanceof StoreError) {
      const {status, type} = STORE_ERRORS[err.kind]
      throw fail(
        `The ${noun} could not be applied: ${err.message}`,
        [{index, error: {description: err.message, type, ...(err.documentId ? {id: err.documentId} : {})}}],
        status,
      )
    }
    if (err instanceof GuardRejection) {
      const reasons = err.reasons.length ? err.reasons : ['rejected by the commit guard']
      // Items name the documents at fault, so a restore can set them aside and write the rest.
      const items = err.refusals.length
        ? err.refusals.map(({id, reason}) => ({index: 0, error: {description: reason, type: 'guardRejectedError', id}}))
        : reasons.map((description) => ({index: 0, error: {description, type: 'guardRejectedError'}}))
      throw fail(`Transaction rejected: ${reasons.join('; ')}`, items, 409)
    }
    throw err
  }
}

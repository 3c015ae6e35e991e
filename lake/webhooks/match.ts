/**
 * Which hooks a committed change triggers, and with what body: Sanity's document webhook
 * semantics. The operation comes from the change (no document before: create; none after:
 * delete); the filter and projection are delta GROQ evaluated with groq-js, on the document
 * after the change (before it for a delete), with `before()`, `after()`, `delta::…`,
 * `sanity::projectId()`/`sanity::dataset()`, and references resolved in the dataset.
 */
import {evaluate, parse, type ExprNode} from 'groq-js'
import {isDraftId, isVersionId} from '../store/ids'
import type {Change, SanityDocument} from '../store/types'
import type {HookOperation, WebhookDefinition} from './types'

export interface Trigger {
  operation: HookOperation
  /** The projection's result (the whole document without one). */
  body: unknown
}

export interface ChangeContext {
  dataset: string
  /** The user who committed, for GROQ's `identity()`. */
  identity: string
  /** The dataset as the commit left it, for `->` and `*`. */
  documents: () => SanityDocument[]
}

function operationOf(change: Change): HookOperation | undefined {
  if (!change.before && change.after) return 'create'
  if (change.before && change.after) return 'update'
  if (change.before && !change.after) return 'delete'
  return undefined
}

/** Parsed trees per query text: definitions change rarely, changes are many. */
const parsed = new Map<string, ExprNode>()
function tree(source: string): ExprNode {
  let node = parsed.get(source)
  if (!node) {
    node = parse(source, {mode: 'delta'})
    if (parsed.size > 1000) parsed.clear()
    parsed.set(source, node)
  }
  return node
}

/** True when the hook watches this kind of id: drafts and release versions only when asked to. */
export function watchesId(hook: WebhookDefinition, id: string): boolean {
  if (isVersionId(id)) return hook.includeAllVersions
  if (isDraftId(id)) return hook.includeDrafts
  return true
}

export async function triggerOf(
  hook: WebhookDefinition,
  projectId: string,
  change: Change,
  context: ChangeContext,
): Promise<Trigger | undefined> {
  const operation = operationOf(change)
  if (!operation || !hook.rule.on.includes(operation) || !watchesId(hook, change.id)) return undefined
  if (hook.dataset !== '*' && hook.dataset !== context.dataset) return undefined
  const subject = (operation === 'delete' ? change.before : change.after)!
  const options = {
    root: subject,
    before: change.before,
    after: change.after,
    identity: context.identity,
    sanity: {projectId, dataset: context.dataset},
    dataset: context.documents(),
  }
  if (hook.rule.filter) {
    const verdict = await (await evaluate(tree(hook.rule.filter), options)).get()
    if (verdict !== true) return undefined
  }
  // `@` is the document, so the projection reads it as `*[…]{…}` would, with joins into the dataset.
  const body = hook.rule.projection ? await (await evaluate(tree(`@${hook.rule.projection}`), options)).get() : subject
  return {operation, body}
}

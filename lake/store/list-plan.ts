/**
 * The planner for document lists, the query the Studio sends for every list pane:
 *
 *   *[_type in $__types && (_type == $type)] {_type, _id, _originalId, "orderings": [_updatedAt]}
 *     | order(orderings[0] desc) [0...$__limit]
 *
 * groq-js would filter the whole dataset, project and sort the type, then keep 100 rows.
 * Here the types' sorted indexes (order-index.ts) are merged and read from the top until
 * enough rows pass the filter, and only the rows the slice can show are handed to groq-js,
 * which evaluates the unchanged query over them. So the answer is groq-js's own, because:
 *
 * - groq-js's sort is stable: among equal keys it keeps dataset order (views.ts `fullView`).
 *   The indexes order by key and then dataset order, so the merge of the types' indexes is
 *   the order groq-js sorts the perspective's rows into; the first `end` passing rows of it
 *   are exactly the rows the slice can show, ties at the cut included.
 * - They are handed over in dataset order, so groq-js sorts them into that same order.
 * - Whether a row passes is decided by groq-js itself (the filter evaluated over the read
 *   rows, batch by batch), unless the filter is nothing but the `_type` conditions the
 *   index already applies.
 *
 * Recognised: one `*[filter]` whose filter pins `_type` (`==` / `in` literals, And/Or),
 * ordered directly or through a `{...}` projection, by attribute paths or `lower(path)`
 * (not `_id`/`_originalId`, which perspectives rewrite), then sliced `[a...b]`, `[a..b]`
 * or indexed `[n]` with non-negative literals. Anything else returns undefined and is
 * planned as before.
 */
import {evaluateSync, type ExprNode} from 'groq-js'
import type {DatasetState} from './dataset'
import {isDraftId, isVersionId, publishedIdOf} from './ids'
import {compareKeys, type OrderSpec, type OrderTerm, type Place, type SortedDocs} from './order-index'
import type {SanityDocument} from './types'
import {asShown, chosenCopy, dereferencer, type Perspective} from './views'

type Node = {type: string; [key: string]: unknown}

export interface ListPlanOptions {
  perspective: Perspective
  params?: Record<string, unknown>
  identity?: string
  sanity?: {projectId: string; dataset: string}
}

/** Below this many documents of the pinned types, sorting them all is as cheap as an index. */
const SMALL_TYPE = 1_000

function isNode(value: unknown): value is Node {
  return !!value && typeof value === 'object' && typeof (value as Node).type === 'string'
}

/** The nodes from the query's one `*` up to the root, or undefined when there is not exactly one `*`. */
function ancestorsOfEverything(tree: ExprNode): Node[] | undefined {
  let found: Node[] | undefined
  let count = 0
  const visit = (node: unknown, path: Node[]): void => {
    if (count > 1 || !node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) visit(child, path)
      return
    }
    if (isNode(node)) {
      if (node.type === 'Everything') {
        if (++count === 1) found = [node, ...path].slice(0, 6)
        return
      }
      // Inlined `$params` are data, not query.
      if (node.type === 'Value') return
      path = [node, ...path]
    }
    for (const value of Object.values(node)) visit(value, path)
  }
  visit(tree, [])
  return count === 1 ? found : undefined
}

function isAttr(node: unknown, name: string): boolean {
  return isNode(node) && node.type === 'AccessAttribute' && node.name === name && node.base === undefined
}

/** String literals of an `in` list: a `$param` array or `["a", "b"]`. */
function literalList(node: unknown): string[] | undefined {
  if (!isNode(node)) return undefined
  if (node.type === 'Value')
    return Array.isArray(node.value) && node.value.every((v) => typeof v === 'string') ? (node.value as string[]) : undefined
  if (node.type !== 'Array') return undefined
  const out: string[] = []
  for (const el of node.elements as Node[]) {
    const value = el.value as Node
    if (el.isSplat || value.type !== 'Value' || typeof value.value !== 'string') return undefined
    out.push(value.value)
  }
  return out
}

/** A `_type == "t"` / `_type in [...]` condition's types. */
function typeCondition(node: Node): Set<string> | undefined {
  if (node.type !== 'OpCall') return undefined
  if (node.op === '==') {
    const [attr, other] = isAttr(node.left, '_type') ? [node.left, node.right] : [node.right, node.left]
    if (!isAttr(attr, '_type') || !isNode(other) || other.type !== 'Value' || typeof other.value !== 'string') return undefined
    return new Set([other.value])
  }
  if (node.op === 'in' && isAttr(node.left, '_type')) {
    const list = literalList(node.right)
    return list && new Set(list)
  }
  return undefined
}

/**
 * The types a filter admits (a superset), and whether the filter is nothing but those type
 * conditions (then every document of the types passes, and the filter need not be evaluated).
 */
function pinnedTypes(expr: unknown): {types: Set<string>; exact: boolean} | undefined {
  if (!isNode(expr)) return undefined
  switch (expr.type) {
    case 'Group':
      return pinnedTypes(expr.base)
    case 'And': {
      const left = pinnedTypes(expr.left)
      const right = pinnedTypes(expr.right)
      if (!left) return right && {types: right.types, exact: false}
      if (!right) return {types: left.types, exact: false}
      return {types: new Set([...left.types].filter((t) => right.types.has(t))), exact: left.exact && right.exact}
    }
    case 'Or': {
      const left = pinnedTypes(expr.left)
      const right = pinnedTypes(expr.right)
      return left && right ? {types: new Set([...left.types, ...right.types]), exact: left.exact && right.exact} : undefined
    }
    default: {
      const types = typeCondition(expr)
      return types && {types, exact: true}
    }
  }
}

function usesTextQuery(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false
  if (isNode(node) && node.type === 'FuncCall' && node.namespace === 'text') return true
  if (isNode(node) && node.type === 'Value') return false
  return Object.values(node).some(usesTextQuery)
}

/** An attribute path read from the document itself (`a`, `a.b`, `@.a`). */
function documentPath(node: unknown): string[] | undefined {
  if (!isNode(node) || node.type !== 'AccessAttribute' || typeof node.name !== 'string') return undefined
  const base = node.base as Node | undefined
  const prefix = base === undefined || base.type === 'This' ? [] : documentPath(base)
  return prefix && [...prefix, node.name]
}

/** An order key over the stored document: a path or `lower(path)`; `_id`/`_originalId` differ per perspective. */
function documentTerm(node: unknown): Omit<OrderTerm, 'desc'> | undefined {
  let lower = false
  if (isNode(node) && node.type === 'FuncCall' && node.namespace === 'global' && node.name === 'lower') {
    const args = node.args as unknown[]
    if (args.length !== 1) return undefined
    lower = true
    node = args[0]
  }
  const path = documentPath(node)
  if (!path || path[0] === '_id' || path[0] === '_originalId') return undefined
  return {path, lower}
}

/** What a projection puts under `name`, as an expression over the document; undefined when unsure. */
function projectedAttribute(object: Node, name: string): Node | undefined {
  let definition: Node | undefined
  for (const attribute of object.attributes as Node[]) {
    if (attribute.type === 'ObjectAttributeValue') {
      if (attribute.name === name) definition = attribute.value as Node
    } else if (attribute.type === 'ObjectSplat' && isNode(attribute.value) && attribute.value.type === 'This') {
      // `...` after an explicit definition overrides it only when the document has the attribute.
      if (definition) return undefined
      definition = {type: 'AccessAttribute', name}
    } else {
      return undefined
    }
  }
  return definition
}

/** An order key over a projected row (`orderings[0]`, `lower(title)`), translated to the document. */
function projectedTerm(node: unknown, object: Node): Omit<OrderTerm, 'desc'> | undefined {
  const resolve = (expr: unknown): Node | undefined => {
    if (!isNode(expr)) return undefined
    if (expr.type === 'AccessAttribute' && expr.base === undefined) return projectedAttribute(object, String(expr.name))
    const base = expr.base as Node | undefined
    if (expr.type === 'AccessElement' && base?.type === 'AccessAttribute' && base.base === undefined) {
      const list = projectedAttribute(object, String(base.name))
      const index = expr.index as number
      if (!list || list.type !== 'Array' || !Number.isInteger(index) || index < 0) return undefined
      const elements = list.elements as Node[]
      if (index >= elements.length || elements.slice(0, index + 1).some((el) => el.isSplat)) return undefined
      return elements[index]!.value as Node
    }
    return undefined
  }
  if (isNode(node) && node.type === 'FuncCall' && node.namespace === 'global' && node.name === 'lower') {
    const args = node.args as unknown[]
    const inner = args.length === 1 ? documentTerm(resolve(args[0])) : undefined
    return inner && !inner.lower ? {path: inner.path, lower: true} : undefined
  }
  return documentTerm(resolve(node))
}

function orderSpec(args: Node[], object: Node | undefined): OrderSpec | undefined {
  const spec: OrderSpec = []
  for (let arg of args) {
    let desc = false
    if (arg.type === 'Desc' || arg.type === 'Asc') {
      desc = arg.type === 'Desc'
      arg = arg.base as Node
    }
    const term = object ? projectedTerm(arg, object) : documentTerm(arg)
    if (!term) return undefined
    spec.push({...term, desc})
  }
  return spec.length > 0 ? spec : undefined
}

/** How many sorted rows the slice reads (its exclusive end), for non-negative literal bounds. */
function sliceEnd(node: Node | undefined): number | undefined {
  if (!node) return undefined
  const natural = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0
  if (node.type === 'Slice' && natural(node.left) && natural(node.right)) return node.isInclusive ? node.right + 1 : node.right
  if (node.type === 'AccessElement' && natural(node.index)) return node.index + 1
  return undefined
}

/** The recognised list shape's parts, or undefined. */
function listShape(tree: ExprNode) {
  const chain = ancestorsOfEverything(tree)
  if (!chain) return undefined
  const [everything, filter, ...up] = chain
  if (filter?.type !== 'Filter' || filter.base !== everything) return undefined
  let sorted: Node = filter
  let object: Node | undefined
  let next = up.shift()
  if (next?.type === 'Map' && next.base === filter) {
    const projection = next.expr as Node
    if (projection.type !== 'Projection' || (projection.base as Node).type !== 'This') return undefined
    object = projection.expr as Node
    if (object.type !== 'Object') return undefined
    sorted = next
    next = up.shift()
  }
  if (next?.type !== 'PipeFuncCall' || next.name !== 'order' || next.base !== sorted) return undefined
  const order = next
  const slice = up.shift()
  if (slice?.base !== order) return undefined
  const end = sliceEnd(slice)
  const spec = orderSpec(order.args as Node[], object)
  if (end === undefined || !spec || usesTextQuery(filter.expr)) return undefined
  const pinned = pinnedTypes(filter.expr)
  return pinned && {filter, end, spec, ...pinned}
}

/** A row the perspective shows, with its order key and its place in dataset order. */
interface ListRow extends Place {
  row: SanityDocument
  key: unknown
}

/** Reads one type's index from the top, yielding the rows the perspective shows. */
class Cursor {
  private position = 0
  private readonly index: SortedDocs
  private readonly shown: (doc: SanityDocument) => SanityDocument | undefined
  /** The next row, read ahead so cursors can be merged. */
  head: ListRow | undefined

  constructor(index: SortedDocs, shown: (doc: SanityDocument) => SanityDocument | undefined) {
    this.index = index
    this.shown = shown
    this.advance()
  }

  advance(): void {
    const {docs, keys, groups, members} = this.index
    while (this.position < docs.length) {
      const i = this.position++
      const row = this.shown(docs[i]!)
      if (row) {
        this.head = {row, key: keys[i], group: groups[i]!, member: members[i]!}
        return
      }
    }
    this.head = undefined
  }
}

function compareRows(a: ListRow, b: ListRow, spec: OrderSpec): number {
  return compareKeys(a.key, b.key, spec) || a.group - b.group || a.member - b.member
}

/**
 * The types' indexes merged into one sequence: the shown rows of all the types in exactly the
 * order groq-js's stable `order()` gives them (key, then dataset order), each read only once.
 */
function merged(cursors: Cursor[], spec: OrderSpec): () => ListRow | undefined {
  return () => {
    let first: Cursor | undefined
    for (const cursor of cursors) if (cursor.head && (!first || compareRows(cursor.head, first.head!, spec) < 0)) first = cursor
    const row = first?.head
    first?.advance()
    return row
  }
}

/** The perspective's row for a stored copy, when the perspective shows that copy. */
function shownRow(state: DatasetState, perspective: Perspective): (doc: SanityDocument) => SanityDocument | undefined {
  if (perspective === 'raw') return (doc) => doc
  if (perspective === 'published') return (doc) => (isDraftId(doc._id) || isVersionId(doc._id) ? undefined : doc)
  return (doc) => {
    const members = state.groups.get(publishedIdOf(doc._id))
    return members && chosenCopy(members, state, perspective) === doc ? asShown(doc, perspective) : undefined
  }
}

/** Rows whose filter is evaluated in one groq-js call, at first; doubled per call while too few pass. */
const FIRST_BATCH = 64

/**
 * The rows groq-js needs to answer a list query exactly, or undefined when the query is not
 * a recognised list, its types are small enough to hand over whole, or more than `maxRows`
 * would have to be read.
 */
export function listPlan(
  tree: ExprNode,
  state: DatasetState,
  options: ListPlanOptions,
  maxRows = Infinity,
): SanityDocument[] | undefined {
  const shape = listShape(tree)
  if (!shape) return undefined
  const {filter, end, spec, types, exact} = shape
  const stored = [...types].reduce((sum, type) => sum + (state.byType.get(type)?.size ?? 0), 0)
  if (stored <= Math.max(SMALL_TYPE, 2 * end)) return undefined
  const shown = shownRow(state, options.perspective)
  const cursors: Cursor[] = []
  for (const type of types) {
    const ids = state.byType.get(type)
    if (!ids) continue
    const index = state.orderIndexes.get(type, spec, () => [...ids].map((id) => state.placed(state.docs.get(id)!)))
    cursors.push(new Cursor(index, shown))
  }
  const next = merged(cursors, spec)
  const passing: ListRow[] = []
  const failing: ListRow[] = []
  const filterOnly = {type: 'Filter', base: {type: 'Everything'}, expr: filter.expr} as unknown as ExprNode
  let read = 0
  for (let batchSize = exact ? end : Math.max(FIRST_BATCH, end); passing.length < end; batchSize *= 2) {
    const batch: ListRow[] = []
    for (let row = next(); row; row = batch.length < batchSize ? next() : undefined) batch.push(row)
    if (batch.length === 0) break
    read += batch.length
    if (read > maxRows) return undefined
    if (exact) {
      passing.push(...batch)
      continue
    }
    let passed: Set<SanityDocument>
    try {
      passed = new Set(
        evaluateSync(filterOnly, {
          dataset: batch.map((entry) => entry.row),
          params: options.params,
          identity: options.identity,
          sanity: options.sanity,
          dereference: dereferencer(state, options.perspective),
        }).data as SanityDocument[],
      )
    } catch {
      // Whatever groq-js cannot do synchronously (or fails at) is left to the full evaluation.
      return undefined
    }
    for (const entry of batch) (passed.has(entry.row) ? passing : failing).push(entry)
  }
  // The first `end` passing rows are what the slice can show; rows after them in the merge
  // order never come before them. Rows that failed are dropped, since groq-js would drop them
  // too; unless the filter reads `now()`, which the final evaluation reads afresh.
  const top = passing.slice(0, end)
  if (usesNow(filter.expr)) top.push(...failing)
  // In dataset order, so groq-js's stable sort settles their ties as over the whole dataset.
  return top.sort((a, b) => a.group - b.group || a.member - b.member).map((entry) => entry.row)
}

function usesNow(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false
  if (isNode(node) && node.type === 'FuncCall' && node.name === 'now') return true
  if (isNode(node) && node.type === 'Value') return false
  return Object.values(node).some(usesNow)
}

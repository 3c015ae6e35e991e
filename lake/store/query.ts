/**
 * GROQ over a dataset with Sanity's perspectives, through groq-js. groq-js scans
 * whatever array it is given, so the planner narrows that array first: when the query
 * reads the dataset only through one `*[filter]` and the filter pins `_id` or `_type`,
 * only the matching documents (from the indexes) are handed over. groq-js still
 * evaluates the full filter, so narrowing only has to return a superset.
 */
import {evaluate, evaluateSync, parse, type ExprNode} from 'groq-js'
import {errors, LakeError} from '../errors'
import type {DatasetState} from './dataset'
import {publishedIdOf} from './ids'
import {listPlan, type ListPlanOptions} from './list-plan'
import {applyTextSearch, settleMatchAll, usesTextQuery, type EvaluateOptions} from './text-search'
import {unsupportedConstruct} from './unsupported-groq'
import type {SanityDocument} from './types'
import {dereferencer, fullView, inDatasetOrder, viewOfGroups, type Perspective} from './views'

export type {Perspective} from './views'

export interface QueryOptions {
  /** Perspective to evaluate under. */
  perspective: Perspective
  /** Query parameters (without the leading `$`). */
  params: Record<string, unknown>
  /** `identity()` inside the query. */
  identity?: string
  /** `sanity::projectId()` / `sanity::dataset()`. */
  sanity?: {projectId: string; dataset: string}
}

/** Parses `perspective` as sent in a query string or body. */
export function parsePerspective(value: unknown, fallback: Perspective): Perspective {
  if (value === undefined || value === null || value === '') return fallback
  const list = Array.isArray(value)
    ? value.map(String)
    : String(value)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
  if (list.length === 1 && (list[0] === 'raw' || list[0] === 'drafts' || list[0] === 'published')) return list[0]
  if (list.includes('raw')) throw errors.badRequest('Perspective "raw" cannot be combined with other perspectives')
  if (list.length === 0) return fallback
  return list
}

type Node = {type: string; [key: string]: unknown}

function isNode(value: unknown): value is Node {
  return !!value && typeof value === 'object' && typeof (value as Node).type === 'string'
}

/** Every `*` in the tree, with the node that holds it. */
function findEverything(node: unknown, parent: Node | undefined, found: {parent: Node | undefined}[]): void {
  if (Array.isArray(node)) {
    for (const child of node) findEverything(child, parent, found)
    return
  }
  if (!node || typeof node !== 'object') return
  if (isNode(node) && node.type === 'Everything') {
    found.push({parent})
    return
  }
  for (const value of Object.values(node)) findEverything(value, isNode(node) ? node : parent, found)
}

function isAttr(node: unknown, name: string): boolean {
  return isNode(node) && node.type === 'AccessAttribute' && node.name === name && node.base === undefined
}

function literalStrings(node: unknown): string[] | undefined {
  if (!isNode(node)) return undefined
  if (node.type === 'Value') {
    const v = node.value
    if (typeof v === 'string') return [v]
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[]
    return undefined
  }
  if (node.type === 'Array') {
    const out: string[] = []
    for (const el of node.elements as Node[]) {
      if (el.isSplat) return undefined
      const values = literalStrings(el.value)
      if (!values || values.length !== 1) return undefined
      out.push(values[0]!)
    }
    return out
  }
  return undefined
}

/** Candidate published-id groups for a filter expression, or undefined when it pins nothing. */
function candidates(expr: unknown, state: DatasetState): Set<string> | undefined {
  if (!isNode(expr)) return undefined
  switch (expr.type) {
    case 'Group':
      return candidates(expr.base, state)
    case 'And': {
      const left = candidates(expr.left, state)
      const right = candidates(expr.right, state)
      if (!left) return right
      if (!right) return left
      const [small, big] = left.size <= right.size ? [left, right] : [right, left]
      return new Set([...small].filter((g) => big.has(g)))
    }
    case 'Or': {
      const left = candidates(expr.left, state)
      const right = candidates(expr.right, state)
      return left && right ? new Set([...left, ...right]) : undefined
    }
    case 'FuncCall': {
      // `sanity::versionOf("x")` holds for x, drafts.x and versions.*.x (groq-js): the groups
      // of x and of x's published id cover them all. The Studio sends one per list row.
      if (expr.namespace !== 'sanity' || expr.name !== 'versionOf') return undefined
      const [arg] = expr.args as unknown[]
      if (!isNode(arg) || arg.type !== 'Value' || typeof arg.value !== 'string') return undefined
      return new Set([arg.value, publishedIdOf(arg.value)])
    }
    case 'OpCall': {
      if (expr.op !== '==' && expr.op !== 'in') return undefined
      let [attr, other] = [expr.left, expr.right]
      if (expr.op === '==' && !isAttr(attr, '_id') && !isAttr(attr, '_type')) [attr, other] = [other, attr]
      const values = literalStrings(other)
      if (!values) return undefined
      if (expr.op === '==' && values.length !== 1) return undefined
      if (isAttr(attr, '_id')) return new Set(values.map(publishedIdOf))
      if (isAttr(attr, '_type')) {
        const groups = new Set<string>()
        for (const type of values) for (const id of state.byType.get(type) ?? []) groups.add(publishedIdOf(id))
        return groups
      }
      return undefined
    }
    default:
      return undefined
  }
}

/** Every `*[filter]` node of the query, or undefined when some `*` is read another way (bare, `count(*)`). */
function datasetFilters(tree: ExprNode): Node[] | undefined {
  const found: {parent: Node | undefined}[] = []
  findEverything(tree, undefined, found)
  const filters = found.map(({parent}) => parent)
  return filters.every((node) => node?.type === 'Filter' && isNode(node.base) && node.base.type === 'Everything')
    ? (filters as Node[])
    : undefined
}

/** The `*[filter]` node when it is the query's only read of the dataset. */
function soleDatasetFilter(tree: ExprNode): Node | undefined {
  const filters = datasetFilters(tree)
  return filters?.length === 1 ? filters[0] : undefined
}

/**
 * The candidate groups of a query that reads the dataset several times (`[*[a], *[b]]`, as the
 * Studio batches its per-row lookups): the union of every read's candidates, so each read
 * still sees a superset of what it can match; undefined when one read pins nothing.
 */
function unionOfCandidates(filters: Node[], state: DatasetState): Set<string> | undefined {
  const union = new Set<string>()
  for (const filter of filters) {
    const groups = candidates(filter.expr, state)
    if (!groups) return undefined
    for (const group of groups) union.add(group)
  }
  return union
}

/**
 * A narrowed set of documents that is provably enough for this query (a list plan, or the
 * id/type candidates), or undefined when the query needs the whole dataset or the set would
 * exceed `maxDocs`.
 */
export function narrow(
  tree: ExprNode,
  state: DatasetState,
  options: ListPlanOptions,
  maxDocs = Infinity,
): SanityDocument[] | undefined {
  const filters = datasetFilters(tree)
  if (!filters || filters.length === 0) return undefined
  if (filters.length === 1) {
    const listed = listPlan(tree, state, options, maxDocs)
    if (listed) return listed
  }
  const groups = filters.length === 1 ? candidates(filters[0]!.expr, state) : unionOfCandidates(filters, state)
  // A perspective shows at most one document per group; `raw` may show more, checked below.
  if (!groups || groups.size > maxDocs) return undefined
  const docs = viewOfGroups(state, inDatasetOrder(state, groups), options.perspective)
  return docs.length > maxDocs ? undefined : docs
}

/** The documents groq-js needs to see for this query: a narrowed set when provably enough. */
export function plan(tree: ExprNode, state: DatasetState, options: ListPlanOptions): {docs: SanityDocument[]; narrowed: boolean} {
  const docs = narrow(tree, state, options)
  return docs ? {docs, narrowed: true} : {docs: fullView(state, options.perspective), narrowed: false}
}

/**
 * The documents a delete or patch by query evaluates: the dataset as the transaction has it
 * so far (`touched` overrides the committed state, null for deleted), narrowed by the
 * id/type planner like a read, so `*[_type == "x" && ...]` does not scan the dataset.
 */
export function workingDocs(
  tree: ExprNode,
  base: DatasetState,
  touched: ReadonlyMap<string, SanityDocument | null>,
): SanityDocument[] {
  const filter = soleDatasetFilter(tree)
  const groups = filter && candidates(filter.expr, base)
  const out: SanityDocument[] = []
  const committed = groups ? viewOfGroups(base, inDatasetOrder(base, groups), 'raw') : base.docs.values()
  for (const doc of committed) if (!touched.has(doc._id)) out.push(doc)
  // A touched document may have gained the pinned type or id: all of them are candidates.
  for (const doc of touched.values()) if (doc) out.push(doc)
  return out
}

/** Names of the `$params` a parse tree reads (groq-js has no function definitions, so every `Parameter` node is one). */
export function referencedParams(tree: ExprNode): Set<string> {
  const names = new Set<string>()
  // A stack, not recursion: the tree is as deep as the query is nested.
  const stack: unknown[] = [tree]
  while (stack.length) {
    const node = stack.pop()
    if (!node || typeof node !== 'object') continue
    if (isNode(node) && node.type === 'Parameter' && typeof node.name === 'string') names.add(node.name)
    stack.push(...(Array.isArray(node) ? node : Object.values(node)))
  }
  return names
}

/** UTF-16 span of the first `$name` outside string literals, for the client's code frame. */
function paramSpan(query: string, name: string): [number, number] {
  const token = new RegExp(`"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|\\$${name}(?![A-Za-z0-9_])`, 'g')
  for (const m of query.matchAll(token)) if (m[0].startsWith('$')) return [m.index, m.index + m[0].length]
  return [0, 0]
}

/** The first `$param` the tree reads that `params` lacks, with its span; Sanity refuses such queries rather than reading null. */
export function missingParam(tree: ExprNode, query: string, params: Record<string, unknown>) {
  for (const name of referencedParams(tree)) {
    if (!Object.hasOwn(params, name)) {
      const [start, end] = paramSpan(query, name)
      return {description: `param $${name} referenced, but not provided`, start, end}
    }
  }
  return undefined
}

export function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  let tree: ExprNode
  try {
    tree = parse(query, {params})
  } catch (err) {
    const e = err as Error & {position?: number}
    const start = typeof e.position === 'number' ? e.position : 0
    const description = e.message.replace(/^Syntax error in GROQ query at position \d+: /, '')
    throw errors.queryParse(query, description, start, Math.min(query.length, start + 1))
  }
  const missing = missingParam(tree, query, params)
  if (missing) throw errors.queryParse(query, missing.description, missing.start, missing.end)
  return tree
}

/** A query's parse tree as it is planned and evaluated: an empty search's text match settled first. */
function plannedTree(query: string, params: Record<string, unknown>): ExprNode {
  const tree = parseQuery(query, params)
  return usesTextQuery(query) ? settleMatchAll(tree) : tree
}

// Sanity's guides name "300kb Query Size Exceeded"; a query is text a person or a client writes, and
// past this size it is generated (100,000-term `||` chains, 40,000-item `in` lists), which belongs in `$params`.
export const MAX_QUERY_BYTES = 300_000

/** Refuses a query over MAX_QUERY_BYTES before anything parses it (413 queryTooLargeError). */
export function checkQuerySize(query: string): void {
  // UTF-16 length bounds the UTF-8 size from below by a third, so most queries skip the byte count.
  if (query.length * 3 <= MAX_QUERY_BYTES) return
  const bytes = Buffer.byteLength(query)
  if (bytes > MAX_QUERY_BYTES) throw errors.queryTooLarge(bytes, MAX_QUERY_BYTES)
}

// Fast path limits: groq-js parsing is superlinear (a 5,000-term `||` chain takes seconds), so only
// short queries are parsed on the main thread; `$params` and the narrowed document set are bounded
// so that evaluating a bounded query over them stays in the tens of milliseconds. Measured (bench
// lake, 100,000 documents): a 10,000-document `_type` list answers faster through a worker (118 ms,
// the worker serializes) than on the main thread (155 ms, which also stalls everyone meanwhile).
const FAST_PATH_MAX_QUERY_CHARS = 2_000
const FAST_PATH_MAX_PARAM_NODES = 2_000
export const FAST_PATH_MAX_DOCS = 5_000

/**
 * Node types a fast-path query may contain. What is left out is what can multiply work: a
 * second `*` or filter (nested scans), `^` (correlated subqueries), `[]` traversals (each can
 * nest inside another, and dereferencing inside them walks the document graph).
 */
const FAST_NODES = new Set([
  'Everything',
  'Filter',
  'Map',
  'Projection',
  'Object',
  'ObjectAttributeValue',
  'ObjectSplat',
  'ObjectConditionalSplat',
  'This',
  'AccessAttribute',
  'AccessElement',
  'Slice',
  'Value',
  'Parameter',
  'OpCall',
  'And',
  'Or',
  'Not',
  'Neg',
  'Pos',
  'Group',
  'Deref',
  'Asc',
  'Desc',
  'FuncCall',
  'PipeFuncCall',
  'Select',
  'SelectAlternative',
  'Array',
  'ArrayElement',
  'InRange',
])
/** Functions linear in their arguments (so bounded per document). */
const FAST_FUNCTIONS = new Set([
  'global::count',
  'global::defined',
  'global::coalesce',
  'global::lower',
  'global::upper',
  'global::length',
  'global::round',
  'global::string',
  'global::now',
  'global::dateTime',
  'global::references',
  'global::identity',
  'global::select',
  'global::order',
  'pt::text',
  'text::query',
  'sanity::projectId',
  'sanity::dataset',
  'string::startsWith',
])

/** True when the tree has only FAST_NODES, the one top-level `*[…]` and at most one Map (over it). */
function isBounded(tree: ExprNode): boolean {
  let scans = 0
  let maps = 0
  const stack: unknown[] = [tree]
  while (stack.length) {
    const node = stack.pop()
    if (!node || typeof node !== 'object') continue
    if (Array.isArray(node)) {
      stack.push(...node)
      continue
    }
    if (isNode(node)) {
      if (!FAST_NODES.has(node.type)) return false
      if (node.type === 'Filter' && ++scans > 1) return false
      if (node.type === 'Map' && ++maps > 1) return false
      if (
        (node.type === 'FuncCall' || node.type === 'PipeFuncCall') &&
        !FAST_FUNCTIONS.has(`${node.namespace ?? 'global'}::${node.name}`)
      )
        return false
      // Values (inlined params) are data, not more query.
      if (node.type === 'Value') continue
    }
    stack.push(...Object.values(node))
  }
  return true
}

/** True when a JSON value has at most `budget` nodes (stops counting early). */
function smallValue(value: unknown, budget: number): boolean {
  const stack: unknown[] = [value]
  let seen = 0
  while (stack.length) {
    const v = stack.pop()
    if (++seen > budget) return false
    if (typeof v === 'string' && v.length > 10_000) return false
    if (v && typeof v === 'object') stack.push(...(Array.isArray(v) ? v : Object.values(v)))
  }
  return true
}

/**
 * The parse tree and documents of a query the main thread may evaluate itself: short, served
 * by the id/type index planner over at most FAST_PATH_MAX_DOCS documents, and of a shape whose
 * cost is linear in those documents. Anything else (undefined) goes to a query worker.
 */
export function fastPlan(state: DatasetState, query: string, options: QueryOptions): Prepared | undefined {
  if (query.length > FAST_PATH_MAX_QUERY_CHARS || !query.trim()) return undefined
  if (!smallValue(options.params, FAST_PATH_MAX_PARAM_NODES)) return undefined
  // Parse errors are thrown as they would be from the worker.
  const tree = plannedTree(query, options.params)
  // The shape first: it is cheap, and a query that goes to a worker anyway must not make this
  // thread build a view of the dataset (`plan` would, for a query it cannot narrow).
  if (!isBounded(tree)) return undefined
  const docs = narrow(tree, state, options, FAST_PATH_MAX_DOCS)
  return docs && {tree, docs}
}

/** A parsed query and the documents it is evaluated over. */
export interface Prepared {
  tree: ExprNode
  docs: SanityDocument[]
}

/** Runs a query; throws Sanity-shaped 400s for syntax and evaluation errors. */
export async function runQuery(state: DatasetState, query: string, options: QueryOptions, prepared?: Prepared): Promise<unknown> {
  if (typeof query !== 'string' || !query.trim()) throw errors.badRequest('Missing "query"')
  checkQuerySize(query)
  const tree = prepared?.tree ?? plannedTree(query, options.params)
  const planned = prepared ?? plan(tree, state, options)
  const unsupported = unsupportedConstruct(tree)
  if (unsupported) throw errors.queryEvaluation(query, unsupported)
  const evaluateOptions: EvaluateOptions = {
    params: options.params,
    identity: options.identity,
    sanity: options.sanity,
    dereference: dereferencer(state, options.perspective),
  }
  try {
    // text::query() and the score() over it are computed by text-search.ts, which hands groq-js a query it can run.
    const {tree: runnable, docs} = usesTextQuery(query)
      ? await applyTextSearch(tree, planned.docs, evaluateOptions, query)
      : {tree, docs: planned.docs}
    const context = {...evaluateOptions, dataset: docs}
    try {
      // groq-js's synchronous evaluator does the same work without a promise per value, which
      // makes it many times faster (2,000 list rows: 5 ms against 200 ms).
      return evaluateSync(runnable, context).data
    } catch {
      // It cannot do everything (`diff::`/`delta::` are async-only): the async evaluator answers, or reports the error.
    }
    return await (await evaluate(runnable, context)).get()
  } catch (err) {
    if (err instanceof LakeError) throw err
    throw errors.queryEvaluation(query, (err as Error).message)
  }
}

/**
 * Full-text search for the lake: `text::query()`, `match` scoring and `score()`/`boost()`,
 * as Studio 6.9.2 sends them for global, list and reference search (the `groq2024`
 * strategy). groq-js parses `text::query()` but cannot evaluate it, and its `score()`
 * only counts booleans, so before groq-js runs, the query is rewritten here:
 *
 * - a conjunct of the query's one `*[…]` filter that holds a text match is decided here,
 *   per document: the documents handed to groq-js are narrowed to those it holds for, and
 *   the conjunct becomes `true`;
 * - a `score(…)` piped directly from that filter is computed here (groq-js's own rules:
 *   `boost(e, w)` adds w when e scores, `||` sums, `&&` needs both) and replaced by its
 *   result, the filter's documents with `_score`, best first.
 *
 * Everything in those expressions that is not a text match (`_type in […]`,
 * `references($ids)`, a boost's weight) is computed directly when it has one of the shapes
 * Studio search uses (search-leaves.ts), and otherwise by groq-js, in one batch per
 * expression over all documents. A text match anywhere else (inside a projection, a
 * nested filter, a `select()`) is refused with a 400 naming it rather than answered wrong.
 */
import {evaluate, type ExprNode} from 'groq-js'
import {errors} from '../errors'
import {directLeaf} from './search-leaves'
import {compileTextQuery, textScore, wordsOf, type TextQuery} from './text-query'
import type {SanityDocument} from './types'

type Node = {type: string; [key: string]: unknown}
/** The options the query itself is evaluated with (params, identity, dereference…). */
export type EvaluateOptions = NonNullable<Parameters<typeof evaluate>[1]>

function isNode(value: unknown): value is Node {
  return !!value && typeof value === 'object' && typeof (value as Node).type === 'string'
}

function isTextQueryCall(node: unknown): node is Node & {args: Node[]} {
  return isNode(node) && node.type === 'FuncCall' && node.namespace === 'text' && node.name === 'query'
}

/** `L match text::query(Q)`. */
function isTextMatch(node: unknown): node is Node & {left: Node; right: Node & {args: Node[]}} {
  return isNode(node) && node.type === 'OpCall' && node.op === 'match' && isTextQueryCall(node.right)
}

/** True if the query uses text::query anywhere (cheap check before walking the tree). */
export function usesTextQuery(query: string): boolean {
  return query.includes('text::query')
}

function someNode(node: unknown, test: (n: Node) => boolean): boolean {
  const stack: unknown[] = [node]
  while (stack.length) {
    const n = stack.pop()
    if (!n || typeof n !== 'object') continue
    if (Array.isArray(n)) {
      stack.push(...n)
      continue
    }
    if (isNode(n)) {
      if (test(n)) return true
      if (n.type === 'Value') continue
    }
    stack.push(...Object.values(n))
  }
  return false
}

const hasTextQuery = (node: unknown) => someNode(node, (n) => isTextQueryCall(n))

/** Rebuilds `tree` with the given nodes replaced; the input tree is never changed (callers may cache it). */
function replaceNodes(tree: unknown, replacements: Map<unknown, unknown>): unknown {
  if (replacements.has(tree)) return replacements.get(tree)
  if (Array.isArray(tree)) return tree.map((child) => replaceNodes(child, replacements))
  if (!isNode(tree) || tree.type === 'Value') return tree
  const copy: Node = {type: tree.type}
  for (const [key, value] of Object.entries(tree)) copy[key] = replaceNodes(value, replacements)
  return copy
}

/** The `*[…]` filter when it is the query's only read of the dataset. */
function soleDatasetFilter(tree: ExprNode): Node | undefined {
  const found: Node[] = []
  const visit = (node: unknown, parent: Node | undefined) => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, parent))
    if (!isNode(node) || node.type === 'Value') return
    if (node.type === 'Everything') return void (parent && found.push(parent))
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value, node)
  }
  visit(tree, undefined)
  const only = found.length === 1 ? found[0] : undefined
  return only?.type === 'Filter' && isNode(only.base) && only.base.type === 'Everything' ? only : undefined
}

/** The text query's string: Studio passes `$__query`, which the parser has inlined as a value. */
function textQueryOf(match: Node & {right: Node & {args: Node[]}}, query: string): TextQuery {
  const arg = match.right.args[0]
  if (match.right.args.length !== 1 || !isNode(arg) || arg.type !== 'Value' || typeof arg.value !== 'string') {
    throw errors.queryEvaluation(query, 'text::query() takes one string: a literal or a $parameter')
  }
  return compileTextQuery(arg.value)
}

const NOT_DOCUMENT_SCOPE =
  'text::query() is supported in the query’s one *[…] filter and in a score() piped from it, combined with &&, || and !; it was used elsewhere'

/**
 * Decides boolean expressions over documents (GROQ's three-valued logic) where text matches
 * are computed here and every other sub-expression by groq-js, batched per expression.
 */
class DocumentEvaluator {
  private readonly columns = new Map<Node, unknown[]>()
  private readonly compiled = new Map<Node, TextQuery>()

  constructor(
    private readonly docs: SanityDocument[],
    private readonly options: EvaluateOptions,
    private readonly query: string,
  ) {}

  /** A sub-expression's value for every document, evaluated once by groq-js. */
  private async column(node: Node): Promise<unknown[]> {
    let values = this.columns.get(node)
    const direct = values ? undefined : directLeaf(node)
    if (direct) {
      values = this.docs.map((doc) => direct(doc))
      this.columns.set(node, values)
    } else if (!values) {
      const batch = {
        type: 'Map',
        base: {type: 'Everything'},
        expr: {
          type: 'Projection',
          base: {type: 'This'},
          expr: {type: 'Object', attributes: [{type: 'ObjectAttributeValue', name: 'v', value: node}]},
        },
      } as unknown as ExprNode
      const rows = (await (await evaluate(batch, {...this.options, dataset: this.docs})).get()) as {v?: unknown}[]
      values = rows.map((row) => row.v ?? null)
      this.columns.set(node, values)
    }
    return values
  }

  private textQuery(match: Node & {right: Node & {args: Node[]}}): TextQuery {
    let compiled = this.compiled.get(match)
    if (!compiled) this.compiled.set(match, (compiled = textQueryOf(match, this.query)))
    return compiled
  }

  /** A text match's score for every document (0 = no match). */
  private async textScores(match: Node & {left: Node; right: Node & {args: Node[]}}): Promise<number[]> {
    const textQuery = this.textQuery(match)
    if (textQuery.matchesEverything) return this.docs.map(() => 1)
    const left = await this.column(match.left)
    return left.map((value) => textScore(wordsOf(value), textQuery))
  }

  /** true / false / null for every document. */
  async truth(node: Node): Promise<(boolean | null)[]> {
    if (!hasTextQuery(node)) {
      const values = await this.column(node)
      return values.map((v) => (typeof v === 'boolean' ? v : null))
    }
    switch (node.type) {
      case 'Group':
        return this.truth(node.base as Node)
      case 'Not':
        return (await this.truth(node.base as Node)).map((v) => (v === null ? null : !v))
      case 'And': {
        const l = await this.truth(node.left as Node)
        if (l.every((v) => v === false)) return l
        const r = await this.truth(node.right as Node)
        return l.map((a, i) => (a === false || r[i] === false ? false : a === true && r[i] === true ? true : null))
      }
      case 'Or': {
        // `*` (an empty search box) matches everything: the other side need not be evaluated.
        const l = await this.truth(node.left as Node)
        if (l.every((v) => v === true)) return l
        const r = await this.truth(node.right as Node)
        return l.map((a, i) => (a === true || r[i] === true ? true : a === false && r[i] === false ? false : null))
      }
      case 'OpCall':
        if (isTextMatch(node)) {
          if (hasTextQuery(node.left)) throw errors.queryEvaluation(this.query, NOT_DOCUMENT_SCOPE)
          return (await this.textScores(node)).map((score) => score > 0)
        }
    }
    throw errors.queryEvaluation(this.query, NOT_DOCUMENT_SCOPE)
  }

  /** What groq-js's score() adds for one argument, for every document. */
  async score(node: Node): Promise<number[]> {
    if (node.type === 'OpCall' && node.op === 'match') {
      if (isTextMatch(node)) return this.textScores(node)
      // A plain `match`: its right side is data (a string or strings), scored as a text query.
      const [left, right] = await Promise.all([this.column(node.left as Node), this.column(node.right as Node)])
      return left.map((value, i) => {
        const pattern = right[i]
        const text = typeof pattern === 'string' ? pattern : Array.isArray(pattern) ? pattern.join(' ') : undefined
        return text === undefined ? 0 : textScore(wordsOf(value), compileTextQuery(text, {exact: true}))
      })
    }
    if (node.type === 'FuncCall' && node.name === 'boost' && (node.namespace ?? 'global') === 'global') {
      const [inner, weight] = node.args as Node[]
      if (!inner || !weight || hasTextQuery(weight))
        throw errors.queryEvaluation(this.query, 'boost() takes an expression and a number')
      const [scores, weights] = await Promise.all([this.score(inner), this.column(weight)])
      return scores.map((s, i) => (s > 0 && typeof weights[i] === 'number' ? s + (weights[i] as number) : 0))
    }
    if (node.type === 'Or') {
      const [l, r] = await Promise.all([this.score(node.left as Node), this.score(node.right as Node)])
      return l.map((a, i) => a + r[i]!)
    }
    if (node.type === 'And') {
      const [l, r] = await Promise.all([this.score(node.left as Node), this.score(node.right as Node)])
      return l.map((a, i) => (a === 0 || r[i] === 0 ? 0 : a + r[i]!))
    }
    return (await this.truth(node)).map((v) => (v === true ? 1 : 0))
  }
}

/** The `&&`-separated parts of a filter, through parentheses. */
function conjuncts(node: Node, out: Node[] = []): Node[] {
  if (node.type === 'And') {
    conjuncts(node.left as Node, out)
    conjuncts(node.right as Node, out)
  } else if (node.type === 'Group' && isNode(node.base) && node.base.type === 'And') conjuncts(node.base, out)
  else out.push(node)
  return out
}

const TRUE: Node = {type: 'Value', value: true}

/** True when a text match holds for every document: `text::query("*")` or `("")`, whatever it is matched against. */
function matchesEverything(node: Node): boolean {
  if (node.type === 'Group') return isNode(node.base) && matchesEverything(node.base)
  // GROQ's `||` is true when either side is, whatever the other (null included).
  if (node.type === 'Or') return [node.left, node.right].some((side) => isNode(side) && matchesEverything(side))
  if (node.type === 'And') return [node.left, node.right].every((side) => isNode(side) && matchesEverything(side))
  if (!isTextMatch(node) || hasTextQuery(node.left)) return false
  const [arg] = node.right.args
  return (
    node.right.args.length === 1 &&
    isNode(arg) &&
    arg.type === 'Value' &&
    typeof arg.value === 'string' &&
    compileTextQuery(arg.value).matchesEverything
  )
}

/**
 * The query with the filter's text matches that hold for every document (an empty search
 * box: the Studio's every document list sends `text::query("*")`) replaced by `true`, so the
 * list planner can serve it from its sorted index like any list. Anything else is unchanged
 * (and the input tree is never changed).
 */
export function settleMatchAll(tree: ExprNode): ExprNode {
  const filter = soleDatasetFilter(tree)
  if (!filter || !hasTextQuery(filter.expr)) return tree
  const replacements = new Map<unknown, unknown>()
  for (const part of conjuncts(filter.expr as Node))
    if (hasTextQuery(part) && matchesEverything(part)) replacements.set(part, TRUE)
  return replacements.size === 0 ? tree : (replaceNodes(tree, replacements) as ExprNode)
}

/**
 * Rewrites a query that uses `text::query()` into one groq-js can evaluate, with the
 * documents it is to be evaluated over. Throws a 400 naming the construct it cannot serve.
 */
export async function applyTextSearch(
  tree: ExprNode,
  docs: SanityDocument[],
  options: EvaluateOptions,
  query: string,
): Promise<{tree: ExprNode; docs: SanityDocument[]}> {
  const filter = soleDatasetFilter(tree)
  if (!filter) {
    throw errors.queryEvaluation(
      query,
      `${NOT_DOCUMENT_SCOPE} (this query reads the dataset more than once, or not through *[…])`,
    )
  }
  const replacements = new Map<unknown, unknown>()
  let narrowed = docs
  // 1. The filter: conjuncts with a text match are decided here.
  for (const part of conjuncts(filter.expr as Node)) {
    if (!hasTextQuery(part)) continue
    const truth = await new DocumentEvaluator(narrowed, options, query).truth(part)
    narrowed = narrowed.filter((_, i) => truth[i] === true)
    replacements.set(part, TRUE)
  }
  // 2. score() piped directly from the filter: computed over the documents the filter keeps.
  const scorePipes: Node[] = []
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!isNode(node) || node.type === 'Value') return
    if (node.type === 'PipeFuncCall' && node.name === 'score' && node.base === filter && hasTextQuery(node.args))
      scorePipes.push(node)
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value)
  }
  visit(tree)
  for (const pipe of scorePipes) {
    const filtered = replaceNodes(filter, replacements) as ExprNode
    const kept = (await (await evaluate(filtered, {...options, dataset: narrowed})).get()) as SanityDocument[]
    const evaluator = new DocumentEvaluator(kept, options, query)
    const total = kept.map(() => 0)
    for (const arg of pipe.args as Node[]) (await evaluator.score(arg)).forEach((s, i) => (total[i]! += s))
    const scored = kept.map((doc, i) => ({...doc, _score: total[i]!})).sort((a, b) => (b._score as number) - (a._score as number))
    replacements.set(pipe, {type: 'Value', value: scored})
  }
  const rewritten = replaceNodes(tree, replacements) as ExprNode
  if (hasTextQuery(rewritten)) throw errors.queryEvaluation(query, NOT_DOCUMENT_SCOPE)
  return {tree: rewritten, docs: narrowed}
}

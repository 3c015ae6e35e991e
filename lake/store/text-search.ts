/**
 * `text::query()` for the Studio's list search (`[@, _id] match text::query($q)`).
 * groq-js parses it but cannot evaluate it, so before evaluation each such `match` in the
 * top-level filter is replaced by `_id in [...]`, computed here: every term of the query
 * must prefix-match a word somewhere in the left-hand values (deeply, for `@`); `-term`
 * excludes. Deliberately simpler than Sanity's ranking, but it finds the same documents
 * for plain word searches.
 */
import {evaluate, parse, unparse, type ExprNode} from 'groq-js'
import type {SanityDocument} from './types'

type Node = {type: string; [key: string]: unknown}

function isTextQuery(node: unknown): node is Node & {args: Node[]} {
  const n = node as Node | undefined
  return !!n && n.type === 'FuncCall' && n.namespace === 'text' && n.name === 'query'
}

function words(value: unknown, out: string[]): string[] {
  if (typeof value === 'string')
    out.push(
      ...value
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    )
  else if (Array.isArray(value)) for (const v of value) words(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) words(v, out)
  return out
}

function terms(query: string): {include: string[]; exclude: string[]} {
  const include: string[] = []
  const exclude: string[] = []
  for (const raw of query.match(/-?"[^"]*"|\S+/g) ?? []) {
    const negative = raw.startsWith('-')
    const cleaned = raw.replace(/^-/, '').replace(/"/g, '').replace(/\*/g, '').toLowerCase()
    for (const word of cleaned.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) (negative ? exclude : include).push(word)
  }
  return {include, exclude}
}

function matchesTerms(haystack: string[], {include, exclude}: {include: string[]; exclude: string[]}): boolean {
  const has = (term: string) => haystack.some((w) => w.startsWith(term))
  return include.every(has) && !exclude.some(has)
}

/** True if the query uses text::query anywhere (cheap check before walking the tree). */
export function usesTextQuery(query: string): boolean {
  return query.includes('text::query')
}

/**
 * Rewrites `L match text::query(Q)` inside `filter` (evaluated against `docs`) into
 * `_id in [matching ids]`. Returns false if some occurrence could not be rewritten.
 */
export async function rewriteTextQueries(
  filter: Node,
  docs: SanityDocument[],
  params: Record<string, unknown>,
): Promise<boolean> {
  let ok = true
  const visit = async (node: unknown, holder: Record<string, unknown> | unknown[], key: string | number): Promise<void> => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) await visit(node[i], node, i)
      return
    }
    if (!node || typeof node !== 'object') return
    const n = node as Node
    if (n.type === 'OpCall' && n.op === 'match' && isTextQuery(n.right)) {
      const arg = n.right.args[0] as Node | undefined
      const q = arg?.type === 'Value' && typeof arg.value === 'string' ? arg.value : undefined
      if (q === undefined) {
        ok = false
        return
      }
      const wanted = terms(q)
      const tree = parse(`*{"_id": _id, "v": ${unparse(n.left as ExprNode)}}`, {params})
      const rows = (await (await evaluate(tree, {dataset: docs, params})).get()) as {_id: string; v: unknown}[]
      const ids = rows.filter((row) => matchesTerms(words(row.v, []), wanted)).map((row) => row._id)
      ;(holder as Record<string | number, unknown>)[key] = {
        type: 'OpCall',
        op: 'in',
        left: {type: 'AccessAttribute', name: '_id'},
        right: {type: 'Value', value: ids},
      }
      return
    }
    for (const [k, v] of Object.entries(n)) if (v && typeof v === 'object') await visit(v, n, k)
  }
  await visit(filter.expr, filter, 'expr')
  return ok
}

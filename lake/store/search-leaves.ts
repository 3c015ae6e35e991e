/**
 * The few expression shapes Studio search puts next to its text matches, computed per
 * document without groq-js: `title`, `@`, `[@, _id]`, `_type in ["a", "b"]`, `_type == "a"`
 * and `references("id")` / `references(["id", …])`. groq-js spends most of a search over
 * 10,000 documents building scopes for these; anything else returns undefined and is left to
 * groq-js (text-search.ts). Each mirrors groq-js's own semantics for that shape.
 */
type Node = {type: string; [key: string]: unknown}
type Leaf = (doc: Record<string, unknown>) => unknown

function isNode(value: unknown): value is Node {
  return !!value && typeof value === 'object' && typeof (value as Node).type === 'string'
}

/** `a`, `a.b` (attribute access from the document): undefined attributes read as null, as in GROQ. */
function attributePath(node: Node): string[] | undefined {
  if (node.type !== 'AccessAttribute' || typeof node.name !== 'string') return undefined
  if (node.base === undefined) return [node.name]
  if (!isNode(node.base)) return undefined
  const base = attributePath(node.base)
  return base && [...base, node.name]
}

function read(doc: unknown, path: string[]): unknown {
  let value = doc
  for (const key of path) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return null
    value = (value as Record<string, unknown>)[key]
  }
  return value ?? null
}

/** groq-js's hasReference: the first `_ref` on the way down decides for its object. */
function hasReference(value: unknown, ids: Set<string>): boolean {
  if (Array.isArray(value)) return value.some((v) => hasReference(v, ids))
  if (value && typeof value === 'object') {
    const ref = (value as {_ref?: unknown})._ref
    if (ref) return typeof ref === 'string' && ids.has(ref)
    return Object.values(value).some((v) => hasReference(v, ids))
  }
  return false
}

function stringValues(node: unknown): string[] | undefined {
  if (!isNode(node) || node.type !== 'Value') return undefined
  const v = node.value
  if (typeof v === 'string') return [v]
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined
}

/** A direct evaluator for `node`, or undefined when groq-js must evaluate it. */
export function directLeaf(node: Node): Leaf | undefined {
  if (node.type === 'This') return (doc) => doc
  const path = attributePath(node)
  if (path) return (doc) => read(doc, path)
  if (node.type === 'Array') {
    const elements = (node.elements as Node[]).map((el) => (el.isSplat ? undefined : directLeaf(el.value as Node)))
    if (elements.some((el) => !el)) return undefined
    return (doc) => elements.map((el) => el!(doc))
  }
  if (node.type === 'OpCall' && (node.op === 'in' || node.op === '==') && isNode(node.left)) {
    const left = attributePath(node.left)
    const values = stringValues(node.right)
    if (!left || !values || (node.op === '==' && typeof (node.right as Node).value !== 'string')) return undefined
    const set = new Set(values)
    return (doc) => {
      const v = read(doc, left)
      return typeof v === 'string' && set.has(v)
    }
  }
  if (node.type === 'FuncCall' && node.name === 'references' && (node.namespace ?? 'global') === 'global') {
    const args = node.args as Node[]
    const ids = args.map(stringValues)
    if (ids.some((v) => !v)) return undefined
    const set = new Set(ids.flat() as string[])
    return (doc) => set.size > 0 && hasReference(doc, set)
  }
  if (node.type === 'Value' && (typeof node.value === 'number' || typeof node.value === 'boolean')) {
    const value = node.value
    return () => value
  }
  return undefined
}

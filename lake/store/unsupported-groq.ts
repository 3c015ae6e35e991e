/**
 * GROQ the lake parses but cannot answer. groq-js stubs these functions with a bare
 * "not implemented"; the client gets a 400 that names the function and says why instead.
 * (`text::query()` is answered by text-search.ts; `boost()` inside `score()` by groq-js
 * or text-search.ts.)
 */
type Node = {type: string; [key: string]: unknown}

/** Why each stubbed function has no answer here. */
const UNSUPPORTED: Record<string, string> = {
  'text::semanticSimilarity': 'needs Sanity’s embeddings index, which the local lake does not have',
  'documents::get': 'is not available in the local lake',
  'documents::incomingRefCount': 'is not available in the local lake',
  'documents::incomingGlobalDocumentReferenceCount': 'is not available in the local lake',
  'geo::latLng': 'is not available in the local lake (no geo support)',
  'geo::contains': 'is not available in the local lake (no geo support)',
  'geo::intersects': 'is not available in the local lake (no geo support)',
  'geo::distance': 'is not available in the local lake (no geo support)',
  'media::aspect': 'is not available in the local lake (no Media Library)',
  'user::attributes': 'is not available in the local lake',
}

/** A description of the first construct in `tree` the lake cannot evaluate, or undefined. */
export function unsupportedConstruct(tree: unknown): string | undefined {
  const stack: unknown[] = [tree]
  while (stack.length) {
    const node = stack.pop()
    if (!node || typeof node !== 'object') continue
    if (Array.isArray(node)) {
      stack.push(...node)
      continue
    }
    const n = node as Node
    if (n.type === 'Value') continue
    if (n.type === 'FuncCall') {
      const name = `${String(n.namespace ?? 'global')}::${String(n.name)}`
      const why = UNSUPPORTED[name]
      if (why) return `${name}() ${why}`
      if (name === 'global::boost') {
        // Outside score() groq-js would fail with "unexpected boost call"; score() arguments are never visited here.
        return 'boost() is only allowed as an argument of score()'
      }
    }
    if (n.type === 'PipeFuncCall' && n.name === 'score') {
      // score()'s arguments may hold boost(); its base is an ordinary expression.
      stack.push(n.base, ...(n.args as unknown[]).flatMap((arg) => scoreArgChildren(arg)))
      continue
    }
    stack.push(...Object.values(n))
  }
  return undefined
}

/** Inside a score() argument, boost() is allowed at the top and under &&, || and other boost()s (as Sanity scores them). */
function scoreArgChildren(arg: unknown): unknown[] {
  const n = arg as Node
  if (!n || typeof n !== 'object') return []
  if ((n.type === 'FuncCall' && n.name === 'boost') || n.type === 'And' || n.type === 'Or') {
    const children = n.type === 'FuncCall' ? (n.args as unknown[]) : [n.left, n.right]
    return children.flatMap((child) => scoreArgChildren(child))
  }
  return [n]
}

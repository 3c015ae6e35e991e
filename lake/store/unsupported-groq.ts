/**
 * GROQ the lake parses but cannot answer. groq-js stubs these functions with a bare
 * "not implemented"; the client gets a 400 that names the function and says why instead.
 * (`text::query()` is answered by text-search.ts; groq-js's parser itself refuses
 * `boost()` outside `score()`.)
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
    }
    stack.push(...Object.values(n))
  }
  return undefined
}

/**
 * The documents a hook's GROQ may read besides the changed one, taken when the commit
 * happens (matching runs later, when the dataset may have moved on). Webhook GROQ has no
 * subqueries (validate.ts refuses `*`, as Sanity does), so all it can reach is what the
 * change refers to: groq-js resolves `->` by scanning the array it is given, which stays
 * small however large the dataset.
 */
import type {Change, SanityDocument} from '../store/types'

/** References followed from the changed document: its references, and theirs. */
const REFERENCE_HOPS = 2

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into)
  else if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (key === '_ref' && typeof field === 'string') into.add(field)
      else collectRefs(field, into)
    }
  }
}

/** The documents the changes refer to, up to REFERENCE_HOPS away, as they are now. */
export function referencedDocuments(changes: Change[], get: (id: string) => SanityDocument | null): SanityDocument[] {
  const found = new Map<string, SanityDocument>()
  let frontier: unknown[] = changes.flatMap((change) => [change.before, change.after])
  for (let hop = 0; hop < REFERENCE_HOPS && frontier.length > 0; hop++) {
    const refs = new Set<string>()
    collectRefs(frontier, refs)
    frontier = []
    for (const id of refs) {
      if (found.has(id)) continue
      const doc = get(id)
      if (!doc) continue
      found.set(id, doc)
      frontier.push(doc)
    }
  }
  return [...found.values()]
}

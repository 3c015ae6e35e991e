/**
 * Sorted indexes for list queries (`*[_type == $t] | order(_updatedAt desc)[0...50]`): per
 * document type and order spec, the type's documents (every copy: published, drafts,
 * versions) sorted by the order keys, so the planner can read the first rows of a list
 * instead of sorting the whole type.
 *
 * The keys compare exactly as groq-js's `order()` compares them (its `totalCompare`:
 * numbers < strings < booleans < everything else, which ties), so a prefix of an index,
 * closed under ties, holds every document groq-js could put first.
 *
 * Indexes are built on first use and kept current by the commits the dataset applies:
 * a small commit moves single entries (binary search, splice); a large one (an import)
 * filters the index once and merges the sorted newcomers, so no commit ever re-sorts a
 * whole type. At most MAX_INDEXES live per dataset (least recently used dropped), each
 * two arrays of references as long as its type, so a client's odd orderings cannot grow
 * memory without bound.
 */
import type {SanityDocument} from './types'

/** One `order()` term the index can compute from a stored document: an attribute path, optionally `lower()`ed. */
export interface OrderTerm {
  path: string[]
  lower: boolean
  desc: boolean
}

export type OrderSpec = OrderTerm[]

/** Indexes one dataset keeps at most; each costs two references per document of its type. */
export const MAX_INDEXES = 16

/** Above this many changed documents of an index's type in one commit, merge instead of splicing one by one. */
const SPLICE_LIMIT = 32

function specKey(type: string, spec: OrderSpec): string {
  return JSON.stringify([type, spec.map((t) => [t.path, t.lower, t.desc])])
}

/** The value of an attribute path as groq-js reads it: only plain objects have attributes. */
function valueAt(doc: unknown, path: string[]): unknown {
  let value = doc
  for (const segment of path) {
    if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, segment)) return null
    value = (value as Record<string, unknown>)[segment]
  }
  return value ?? null
}

function termValue(doc: SanityDocument, term: OrderTerm): unknown {
  const value = valueAt(doc, term.path)
  if (!term.lower) return value
  // groq-js `lower()` is null for anything but a string.
  return typeof value === 'string' ? value.toLowerCase() : null
}

/** The order key of a document: the single term's value, or a tuple for several terms. */
export function keyOf(doc: SanityDocument, spec: OrderSpec): unknown {
  return spec.length === 1 ? termValue(doc, spec[0]!) : spec.map((term) => termValue(doc, term))
}

/** groq-js's type ranks in `order()`: datetimes (never in stored JSON), numbers, strings, booleans, then the rest. */
function rank(value: unknown): number {
  switch (typeof value) {
    case 'number':
      return 2
    case 'string':
      return 3
    case 'boolean':
      return 4
    default:
      return 100
  }
}

/** groq-js's `totalCompare` for JSON values. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  if (ra === 2) return (a as number) - (b as number)
  if (ra === 3) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0
  if (ra === 4) return Number(a) - Number(b)
  return 0
}

export function compareKeys(a: unknown, b: unknown, spec: OrderSpec): number {
  if (spec.length === 1) {
    const c = compareValues(a, b)
    return spec[0]!.desc ? -c : c
  }
  const ta = a as unknown[]
  const tb = b as unknown[]
  for (let i = 0; i < spec.length; i++) {
    const c = compareValues(ta[i], tb[i])
    if (c !== 0) return spec[i]!.desc ? -c : c
  }
  return 0
}

/** One type's documents in order: `docs[i]` has key `keys[i]`; equal keys in no particular order. */
export class SortedDocs {
  readonly spec: OrderSpec
  docs: SanityDocument[]
  keys: unknown[]

  constructor(spec: OrderSpec, docs: Iterable<SanityDocument>) {
    this.spec = spec
    const entries = [...docs].map((doc) => ({doc, key: keyOf(doc, spec)}))
    entries.sort((x, y) => compareKeys(x.key, y.key, spec))
    this.docs = entries.map((e) => e.doc)
    this.keys = entries.map((e) => e.key)
  }

  get size(): number {
    return this.docs.length
  }

  /** First position whose key is not before `key` (or after it, with `after`). */
  private bound(key: unknown, after: boolean): number {
    let lo = 0
    let hi = this.keys.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const c = compareKeys(this.keys[mid], key, this.spec)
      if (c < 0 || (after && c === 0)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private remove(doc: SanityDocument): void {
    const key = keyOf(doc, this.spec)
    for (let i = this.bound(key, false); i < this.docs.length; i++) {
      if (this.docs[i] === doc) {
        this.docs.splice(i, 1)
        this.keys.splice(i, 1)
        return
      }
      if (compareKeys(this.keys[i], key, this.spec) !== 0) return
    }
  }

  private insert(doc: SanityDocument): void {
    const key = keyOf(doc, this.spec)
    const at = this.bound(key, true)
    this.docs.splice(at, 0, doc)
    this.keys.splice(at, 0, key)
  }

  /** Takes out `removed` and adds `added` (document objects; a changed document is one of each). */
  update(removed: SanityDocument[], added: SanityDocument[]): void {
    if (removed.length + added.length <= SPLICE_LIMIT) {
      for (const doc of removed) this.remove(doc)
      for (const doc of added) this.insert(doc)
      return
    }
    const gone = new Set(removed)
    const incoming = new SortedDocs(this.spec, added)
    const docs: SanityDocument[] = []
    const keys: unknown[] = []
    let j = 0
    for (let i = 0; i < this.docs.length; i++) {
      const doc = this.docs[i]!
      if (gone.has(doc)) continue
      const key = this.keys[i]
      while (j < incoming.docs.length && compareKeys(incoming.keys[j], key, this.spec) < 0) {
        docs.push(incoming.docs[j]!)
        keys.push(incoming.keys[j++])
      }
      docs.push(doc)
      keys.push(key)
    }
    for (; j < incoming.docs.length; j++) {
      docs.push(incoming.docs[j]!)
      keys.push(incoming.keys[j])
    }
    this.docs = docs
    this.keys = keys
  }
}

/** The sorted indexes of one dataset, by type and order spec. */
export class OrderIndexes {
  /** Insertion order is recency of use: the first entry is the least recently used. */
  private readonly indexes = new Map<string, {type: string; sorted: SortedDocs}>()

  /** True when there is something to keep current (commits skip the bookkeeping otherwise). */
  get active(): boolean {
    return this.indexes.size > 0
  }

  get count(): number {
    return this.indexes.size
  }

  /** The index of `type` by `spec`, built from `docsOfType` when there is none yet. */
  get(type: string, spec: OrderSpec, docsOfType: () => Iterable<SanityDocument>): SortedDocs {
    const key = specKey(type, spec)
    let entry = this.indexes.get(key)
    if (entry) {
      this.indexes.delete(key)
    } else {
      entry = {type, sorted: new SortedDocs(spec, docsOfType())}
      if (this.indexes.size >= MAX_INDEXES) this.indexes.delete(this.indexes.keys().next().value!)
    }
    this.indexes.set(key, entry)
    return entry.sorted
  }

  /** Applies one commit's document changes, `[before, after]` per changed id. */
  update(changes: [SanityDocument | null, SanityDocument | null][]): void {
    if (!this.active) return
    const removedByType = new Map<string, SanityDocument[]>()
    const addedByType = new Map<string, SanityDocument[]>()
    const push = (map: Map<string, SanityDocument[]>, doc: SanityDocument) => {
      let list = map.get(doc._type)
      if (!list) map.set(doc._type, (list = []))
      list.push(doc)
    }
    for (const [before, after] of changes) {
      if (before) push(removedByType, before)
      if (after) push(addedByType, after)
    }
    for (const {type, sorted} of this.indexes.values()) {
      const removed = removedByType.get(type) ?? []
      const added = addedByType.get(type) ?? []
      if (removed.length || added.length) sorted.update(removed, added)
    }
  }

  clear(): void {
    this.indexes.clear()
  }
}

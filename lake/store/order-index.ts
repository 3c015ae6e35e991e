/**
 * Sorted indexes for list queries (`*[_type == $t] | order(_updatedAt desc)[0...50]`): per
 * document type and order spec, the type's documents (every copy: published, drafts,
 * versions) sorted by the order keys and then by dataset order, so the planner can read the
 * first rows of a list instead of sorting the whole type.
 *
 * The keys compare exactly as groq-js's `order()` compares them (its `totalCompare`:
 * numbers < strings < booleans < everything else, which ties), and equal keys are kept in
 * dataset order (the document's `Place`: its group's ordinal, then when it joined the group),
 * which is where groq-js's stable sort leaves them. So any prefix of an index is exactly the
 * first rows groq-js would sort out of the type, ties included, and indexes of several types
 * merge into the order groq-js gives their union: an import that stamps 5,000 documents with
 * one `_updatedAt` costs a list nothing more than distinct stamps would.
 *
 * Indexes are built on first use and kept current by the commits the dataset applies:
 * a small commit moves single entries (binary search, splice); a large one (an import)
 * filters the index once and merges the sorted newcomers, so no commit ever re-sorts a
 * whole type. At most MAX_INDEXES live per dataset (least recently used dropped), each
 * four arrays as long as its type, so a client's odd orderings cannot grow memory without
 * bound.
 */
import type {SanityDocument} from './types'

/** One `order()` term the index can compute from a stored document: an attribute path, optionally `lower()`ed. */
export interface OrderTerm {
  path: string[]
  lower: boolean
  desc: boolean
}

export type OrderSpec = OrderTerm[]

/** Indexes one dataset keeps at most; each costs four array slots per document of its type. */
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

/**
 * A stored document's place in dataset order (views.ts `fullView`): its published-id group's
 * ordinal, then the order in which its copies joined the group (`member`, unique per stored
 * copy). Fixed while the copy is stored: a commit that changes a document replaces the copy.
 */
export interface Place {
  group: number
  member: number
}

/** A stored copy with its place, as the indexes take them. */
export interface PlacedDoc extends Place {
  doc: SanityDocument
}

/** One type's documents in order: `docs[i]` has key `keys[i]` and place (`groups[i]`, `members[i]`). */
export class SortedDocs {
  readonly spec: OrderSpec
  docs: SanityDocument[]
  keys: unknown[]
  groups: number[]
  members: number[]

  constructor(spec: OrderSpec, placed: Iterable<PlacedDoc>) {
    this.spec = spec
    const entries = [...placed].map((p) => ({...p, key: keyOf(p.doc, spec)}))
    entries.sort((x, y) => compareKeys(x.key, y.key, spec) || x.group - y.group || x.member - y.member)
    this.docs = entries.map((e) => e.doc)
    this.keys = entries.map((e) => e.key)
    this.groups = entries.map((e) => e.group)
    this.members = entries.map((e) => e.member)
  }

  get size(): number {
    return this.docs.length
  }

  /** Orders position `i` against a key and place: negative when `i` comes first. */
  compareAt(i: number, key: unknown, place: Place): number {
    return compareKeys(this.keys[i], key, this.spec) || this.groups[i]! - place.group || this.members[i]! - place.member
  }

  /** First position not before (key, place): where it is, or where it belongs. */
  private bound(key: unknown, place: Place): number {
    let lo = 0
    let hi = this.keys.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.compareAt(mid, key, place) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private remove({doc, ...place}: PlacedDoc): void {
    const at = this.bound(keyOf(doc, this.spec), place)
    if (this.docs[at] !== doc) return
    this.docs.splice(at, 1)
    this.keys.splice(at, 1)
    this.groups.splice(at, 1)
    this.members.splice(at, 1)
  }

  private insert({doc, group, member}: PlacedDoc): void {
    const key = keyOf(doc, this.spec)
    const at = this.bound(key, {group, member})
    this.docs.splice(at, 0, doc)
    this.keys.splice(at, 0, key)
    this.groups.splice(at, 0, group)
    this.members.splice(at, 0, member)
  }

  /** Takes out `removed` and adds `added` (a changed document is one of each: the old copy and the new). */
  update(removed: PlacedDoc[], added: PlacedDoc[]): void {
    if (removed.length + added.length <= SPLICE_LIMIT) {
      for (const doc of removed) this.remove(doc)
      for (const doc of added) this.insert(doc)
      return
    }
    const gone = new Set(removed.map((p) => p.doc))
    const incoming = new SortedDocs(this.spec, added)
    const docs: SanityDocument[] = []
    const keys: unknown[] = []
    const groups: number[] = []
    const members: number[] = []
    const take = (from: SortedDocs, i: number) => {
      docs.push(from.docs[i]!)
      keys.push(from.keys[i])
      groups.push(from.groups[i]!)
      members.push(from.members[i]!)
    }
    let j = 0
    for (let i = 0; i < this.docs.length; i++) {
      if (gone.has(this.docs[i]!)) continue
      const place = {group: this.groups[i]!, member: this.members[i]!}
      while (j < incoming.size && incoming.compareAt(j, this.keys[i], place) < 0) take(incoming, j++)
      take(this, i)
    }
    while (j < incoming.size) take(incoming, j++)
    this.docs = docs
    this.keys = keys
    this.groups = groups
    this.members = members
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
  get(type: string, spec: OrderSpec, docsOfType: () => Iterable<PlacedDoc>): SortedDocs {
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

  /** Applies one commit's document changes: the copies it replaced or deleted, and the copies it stored. */
  update(removed: PlacedDoc[], added: PlacedDoc[]): void {
    if (!this.active) return
    const removedByType = new Map<string, PlacedDoc[]>()
    const addedByType = new Map<string, PlacedDoc[]>()
    const push = (map: Map<string, PlacedDoc[]>, placed: PlacedDoc) => {
      let list = map.get(placed.doc._type)
      if (!list) map.set(placed.doc._type, (list = []))
      list.push(placed)
    }
    for (const placed of removed) push(removedByType, placed)
    for (const placed of added) push(addedByType, placed)
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

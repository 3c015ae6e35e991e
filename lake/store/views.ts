/**
 * What a perspective shows of a dataset: per published-id group, the one copy the
 * perspective picks (or every copy, for `raw`), as the documents groq-js evaluates.
 */
import type {DatasetState} from './dataset'
import {isDraftId, isVersionId, publishedIdOf, releaseOf} from './ids'
import type {SanityDocument} from './types'

/** `raw`, `drafts`, `published`, or a release stack (highest priority first; may contain 'drafts'). */
export type Perspective = 'raw' | 'drafts' | 'published' | string[]

/**
 * The stored copy a perspective shows for one published-id group, or undefined (none, or a
 * version marked for unpublishing hides it). Stacks list releases by priority; published is the base.
 */
export function chosenCopy(
  ids: Iterable<string>,
  state: DatasetState,
  perspective: Exclude<Perspective, 'raw'>,
): SanityDocument | undefined {
  let published: SanityDocument | undefined
  let draft: SanityDocument | undefined
  let versions: Map<string, SanityDocument> | undefined
  for (const id of ids) {
    const doc = state.docs.get(id)
    if (!doc) continue
    if (isDraftId(id)) draft = doc
    else if (isVersionId(id)) (versions ??= new Map()).set(releaseOf(id) ?? '', doc)
    else published = doc
  }
  if (perspective === 'published') return published
  let chosen: SanityDocument | undefined
  if (perspective === 'drafts') chosen = draft
  else
    for (const layer of perspective) {
      chosen = layer === 'drafts' ? draft : layer === 'published' ? published : versions?.get(layer)
      if (chosen) break
    }
  chosen ??= published
  if (!chosen) return undefined
  if ((chosen._system as {delete?: boolean} | undefined)?.delete) return undefined
  return chosen
}

/** A stored copy as the perspective shows it: `_id` is the published id, `_originalId` the copy's own. */
export function asShown(copy: SanityDocument, perspective: Perspective): SanityDocument {
  if (perspective === 'raw' || perspective === 'published') return copy
  if (!isDraftId(copy._id) && !isVersionId(copy._id)) return {...copy, _originalId: copy._id}
  return {...copy, _id: publishedIdOf(copy._id), _originalId: copy._id}
}

function pick(ids: Iterable<string>, state: DatasetState, perspective: Exclude<Perspective, 'raw'>): SanityDocument | undefined {
  const copy = chosenCopy(ids, state, perspective)
  return copy && asShown(copy, perspective)
}

/** Group ids in dataset order (see `fullView`); unknown ids are dropped. */
export function inDatasetOrder(state: DatasetState, groupIds: Iterable<string>): string[] {
  const known: string[] = []
  for (const id of groupIds) if (state.groups.has(id)) known.push(id)
  return known.sort((a, b) => state.groups.get(a)!.ordinal - state.groups.get(b)!.ordinal)
}

export function viewOfGroups(state: DatasetState, groups: Iterable<string>, perspective: Perspective): SanityDocument[] {
  const out: SanityDocument[] = []
  for (const group of groups) {
    const members = state.groups.get(group)
    if (!members) continue
    if (perspective === 'raw') {
      for (const id of members) {
        const doc = state.docs.get(id)
        if (doc) out.push(doc)
      }
      continue
    }
    const doc = pick(members, state, perspective)
    if (doc) out.push(doc)
  }
  return out
}

const fullViews = new WeakMap<DatasetState, {generation: number; views: Map<string, SanityDocument[]>}>()

/**
 * The whole dataset as the perspective shows it; cached until the next commit. Its order is
 * the dataset order (groups as `state.groups` lists them, a group's copies as it lists them),
 * which groq-js keeps wherever a query does not order, and among equal keys where it does.
 */
export function fullView(state: DatasetState, perspective: Perspective): SanityDocument[] {
  let cache = fullViews.get(state)
  if (!cache || cache.generation !== state.generation)
    fullViews.set(state, (cache = {generation: state.generation, views: new Map()}))
  const key = JSON.stringify(perspective)
  let view = cache.views.get(key)
  if (!view) {
    view = viewOfGroups(state, state.groups.keys(), perspective)
    cache.views.set(key, view)
  }
  return view
}

/** groq-js's `dereference` for a perspective: `->` sees the whole perspective even when the evaluated array was narrowed. */
export function dereferencer(state: DatasetState, perspective: Perspective): (ref: {_ref: string}) => SanityDocument | null {
  const byId = new Map<string, SanityDocument>()
  return ({_ref}) => {
    const hit = byId.get(_ref)
    if (hit) return hit
    const group = state.groups.get(publishedIdOf(_ref))
    if (!group) return null
    const doc =
      perspective === 'raw'
        ? state.docs.get(_ref)
        : viewOfGroups(state, [publishedIdOf(_ref)], perspective).find((d) => d._id === _ref)
    if (doc) byId.set(_ref, doc)
    return doc ?? null
  }
}

/**
 * Sanity's mutation semantics (`/data/mutate`) on a working set. Patches are applied with
 * `@sanity/mutator`, the same code the Studio uses to predict their outcome locally.
 */
import {Mutation, type Mut} from '@sanity/mutator'
import {StoreError} from './errors'
import {resolveNewId, validDocumentId} from './ids'
import type {SanityDocument} from './types'
import type {WorkingSet} from './working-set'

/** Patch operations as sent by clients; `id` or `query` selects the documents. */
export interface PatchSpec {
  id?: string
  query?: string
  params?: Record<string, unknown>
  ifRevisionID?: string
  set?: Record<string, unknown>
  setIfMissing?: Record<string, unknown>
  unset?: string[]
  insert?: Record<string, unknown>
  inc?: Record<string, number>
  dec?: Record<string, number>
  diffMatchPatch?: Record<string, string>
}

export type MutationSpec =
  | {create: Partial<SanityDocument>}
  | {createOrReplace: Partial<SanityDocument>}
  | {createIfNotExists: Partial<SanityDocument>}
  | {delete: {id?: string; query?: string; params?: Record<string, unknown>}}
  | {patch: PatchSpec}

/** What happened to one document, as `/data/mutate` reports it. */
export interface MutationOutcome {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
}

const KINDS = ['create', 'createOrReplace', 'createIfNotExists', 'delete', 'patch'] as const
type Kind = (typeof KINDS)[number]

export function mutationKind(mutation: unknown): Kind {
  if (!mutation || typeof mutation !== 'object') throw new StoreError('invalid', 'Mutation must be an object')
  const keys = Object.keys(mutation)
  const kind = keys[0] as Kind
  if (keys.length !== 1 || !KINDS.includes(kind)) {
    throw new StoreError('invalid', `Unknown mutation ${JSON.stringify(keys)}; expected one of ${KINDS.join(', ')}`)
  }
  return kind
}

function newDocument(input: Partial<SanityDocument> | undefined, kind: string): SanityDocument {
  if (!input || typeof input !== 'object') throw new StoreError('invalid', `${kind} needs a document`)
  const id = validDocumentId(resolveNewId(typeof input._id === 'string' ? input._id : undefined))
  if (typeof input._type !== 'string' || !input._type) {
    throw new StoreError('invalid', `${kind} of "${id}": document is missing the required _type`, id)
  }
  const {_rev: _ignoredRev, ...rest} = input
  return {...rest, _id: id, _type: input._type}
}

/** Applies one mutation to the working set. */
export async function applyMutation(ws: WorkingSet, mutation: MutationSpec): Promise<MutationOutcome[]> {
  const kind = mutationKind(mutation)
  switch (kind) {
    case 'create': {
      const doc = newDocument((mutation as {create: Partial<SanityDocument>}).create, 'create')
      if (ws.get(doc._id)) {
        throw new StoreError('alreadyExists', `Document by ID "${doc._id}" already exists`, doc._id)
      }
      ws.put(doc._id, doc)
      return [{id: doc._id, operation: 'create'}]
    }
    case 'createOrReplace': {
      const doc = newDocument((mutation as {createOrReplace: Partial<SanityDocument>}).createOrReplace, 'createOrReplace')
      const existed = ws.get(doc._id)
      ws.put(doc._id, existed && !doc._createdAt ? {...doc, _createdAt: existed._createdAt} : doc)
      return [{id: doc._id, operation: existed ? 'update' : 'create'}]
    }
    case 'createIfNotExists': {
      const doc = newDocument((mutation as {createIfNotExists: Partial<SanityDocument>}).createIfNotExists, 'createIfNotExists')
      if (ws.get(doc._id)) return [{id: doc._id, operation: 'none'}]
      ws.put(doc._id, doc)
      return [{id: doc._id, operation: 'create'}]
    }
    case 'delete': {
      const spec = (mutation as {delete: {id?: string; query?: string; params?: Record<string, unknown>}}).delete ?? {}
      const ids = await selectIds(ws, spec, 'delete')
      return ids.map((id) => {
        const existed = ws.get(id) !== null
        ws.put(id, null)
        return {id, operation: existed ? ('delete' as const) : ('none' as const)}
      })
    }
    case 'patch': {
      const spec = (mutation as {patch: PatchSpec}).patch ?? {}
      const ids = await selectIds(ws, spec, 'patch')
      return ids.map((id) => {
        const current = ws.get(id)
        if (!current) {
          throw new StoreError('missingPatchTarget', `Cannot patch document "${id}": it does not exist`, id)
        }
        if (spec.ifRevisionID !== undefined && spec.ifRevisionID !== current._rev) {
          throw new StoreError(
            'revisionMismatch',
            `Document "${id}" has unexpected revision ID ("${String(current._rev)}"), expected "${spec.ifRevisionID}"`,
            id,
          )
        }
        ws.put(id, patchDocument(current, id, spec))
        return {id, operation: 'update' as const}
      })
    }
  }
}

async function selectIds(
  ws: WorkingSet,
  spec: {id?: string; query?: string; params?: Record<string, unknown>},
  kind: string,
): Promise<string[]> {
  if (spec.id !== undefined) return [validDocumentId(spec.id)]
  if (typeof spec.query === 'string') return ws.idsMatching(spec.query, spec.params)
  throw new StoreError('invalid', `${kind} needs an "id" or a "query"`)
}

export function patchDocument(current: SanityDocument, id: string, spec: PatchSpec): SanityDocument {
  const {query: _q, params: _p, ifRevisionID: _r, ...operations} = spec
  let next: SanityDocument | null
  try {
    // The mutator treats documents as immutable and returns a new object.
    next = new Mutation({mutations: [{patch: {...operations, id}} as Mut]}).apply(current) as SanityDocument | null
  } catch (err) {
    throw new StoreError('invalidPatch', `Cannot apply patch to "${id}": ${(err as Error).message}`, id)
  }
  if (!next) throw new StoreError('invalidPatch', `Patch removed document "${id}"`, id)
  if (next._id !== current._id || typeof next._type !== 'string') {
    throw new StoreError('invalidPatch', `Patch may not change _id or remove _type of "${id}"`, id)
  }
  return next
}

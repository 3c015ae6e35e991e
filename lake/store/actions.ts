/**
 * The Actions API (`/data/actions`): document lifecycle operations expressed over the
 * draft/published/version ids, as the Studio sends them. Each action becomes plain
 * document writes on the working set, so it commits (and notifies listeners) like any
 * mutation.
 */
import {StoreError} from './errors'
import {draftIdOf, isDraftId, isVersionId, publishedIdOf, releaseOf, validDocumentId} from './ids'
import {patchDocument, type PatchSpec} from './mutations'
import type {SanityDocument} from './types'
import type {WorkingSet} from './working-set'

/** An action as sent by clients; fields depend on `actionType`. */
export interface ActionSpec {
  actionType: string
  [field: string]: unknown
}

/** How the transaction runs: a dry run writes nothing and answers what the Studio asks of it (see `releaseIn`). */
export interface ActionRun {
  dryRun: boolean
}

type ActionHandler = (ws: WorkingSet, action: ActionSpec, run: ActionRun) => void

const RELEASE_PREFIX = '_.releases.'

function str(action: ActionSpec, field: string, required = true): string {
  const value = action[field]
  if (typeof value === 'string' && value) return value
  if (!required) return ''
  throw new StoreError('invalid', `${action.actionType} needs a string "${field}"`)
}

/** A field naming a document id, validated as Sanity does; '' when optional and absent. */
function idField(action: ActionSpec, field: string, required = true): string {
  const value = str(action, field, required)
  return value ? validDocumentId(value) : value
}

/** An explicit `_id` in a document/attributes object, validated; undefined when absent. */
function givenId(doc: Partial<SanityDocument>): string | undefined {
  return doc._id === undefined || doc._id === '' ? undefined : validDocumentId(doc._id)
}

function must(ws: WorkingSet, id: string, what: string): SanityDocument {
  const doc = ws.get(id)
  if (!doc) throw new StoreError('missingDocument', `Cannot ${what}: document "${id}" does not exist`, id)
  return doc
}

function checkRev(doc: SanityDocument | null, expected: unknown, id: string): void {
  if (typeof expected === 'string' && expected && doc?._rev !== expected) {
    throw new StoreError(
      'revisionMismatch',
      `Document "${id}" has unexpected revision ID ("${String(doc?._rev)}"), expected "${expected}"`,
      id,
    )
  }
}

function withId(doc: Partial<SanityDocument>, id: string): SanityDocument {
  const {_rev: _r, _originalId: _o, ...rest} = doc as SanityDocument & {_originalId?: unknown}
  if (typeof rest._type !== 'string') throw new StoreError('invalid', `Document "${id}" is missing _type`, id)
  return {...rest, _id: id, _type: rest._type}
}

function attributes(action: ActionSpec, field: string): Partial<SanityDocument> {
  const value = action[field]
  if (!value || typeof value !== 'object') throw new StoreError('invalid', `${action.actionType} needs an object "${field}"`)
  return value as Partial<SanityDocument>
}

/** The id an edit/create addresses: an explicit draft/version id, else the draft of the published id. */
function draftTarget(action: ActionSpec): string {
  const draftId = idField(action, 'draftId', false)
  if (draftId) return draftId
  return draftIdOf(idField(action, 'publishedId'))
}

const documentActions: Record<string, ActionHandler> = {
  'sanity.action.document.create': (ws, action) => {
    const attrs = attributes(action, 'attributes')
    const publishedId = idField(action, 'publishedId')
    const id = givenId(attrs) ?? draftIdOf(publishedId)
    if (publishedIdOf(id) !== publishedId) {
      throw new StoreError('invalid', `attributes._id "${id}" does not belong to publishedId "${publishedId}"`, id)
    }
    if (ws.get(id)) {
      if (action.ifExists === 'ignore') return
      throw new StoreError('alreadyExists', `Document by ID "${id}" already exists`, id)
    }
    ws.put(id, withId(attrs, id))
  },
  'sanity.action.document.edit': (ws, action) => {
    const id = draftTarget(action)
    const publishedId = idField(action, 'publishedId', false) || publishedIdOf(id)
    // Editing a document that has no draft yet starts the draft from the published version.
    const base = ws.get(id) ?? (ws.get(publishedId) ? withId(ws.get(publishedId)!, id) : null)
    if (!base) throw new StoreError('missingDocument', `Cannot edit "${id}": neither it nor "${publishedId}" exists`, id)
    const patch = action.patch
    if (!patch || typeof patch !== 'object') throw new StoreError('invalid', 'edit needs a "patch" object', id)
    ws.put(id, patchDocument(base, id, patch as PatchSpec))
  },
  'sanity.action.document.replaceDraft': (ws, action) => {
    const attrs = attributes(action, 'attributes')
    const publishedId = idField(action, 'publishedId')
    const id = givenId(attrs) ?? draftIdOf(publishedId)
    ws.put(id, withId(attrs, id))
  },
  'sanity.action.document.publish': (ws, action) => {
    const draftId = idField(action, 'draftId')
    const publishedId = idField(action, 'publishedId')
    const draft = must(ws, draftId, `publish "${publishedId}"`)
    checkRev(draft, action.ifDraftRevisionId, draftId)
    checkRev(ws.get(publishedId), action.ifPublishedRevisionId, publishedId)
    const {_system: _s, ...content} = draft
    const previous = ws.get(publishedId)
    ws.put(publishedId, {...withId(content, publishedId), ...(previous?._createdAt ? {_createdAt: previous._createdAt} : {})})
    ws.put(draftId, null)
  },
  'sanity.action.document.unpublish': (ws, action) => {
    const publishedId = idField(action, 'publishedId')
    const draftId = idField(action, 'draftId', false) || draftIdOf(publishedId)
    const published = must(ws, publishedId, `unpublish "${publishedId}"`)
    if (!ws.get(draftId)) ws.put(draftId, withId(published, draftId))
    ws.put(publishedId, null)
  },
  'sanity.action.document.discard': (ws, action) => {
    const draftId = idField(action, 'draftId')
    if (!isDraftId(draftId) && !isVersionId(draftId)) {
      throw new StoreError('invalid', `discard needs a draft or version id, got "${draftId}"`, draftId)
    }
    must(ws, draftId, `discard "${draftId}"`)
    ws.put(draftId, null)
  },
  'sanity.action.document.delete': (ws, action) => {
    const publishedId = idField(action, 'publishedId')
    const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts.map(validDocumentId) : []
    const ids = [publishedId, draftIdOf(publishedId), ...drafts]
    if (!ids.some((id) => ws.get(id))) {
      throw new StoreError('missingDocument', `Cannot delete "${publishedId}": it does not exist`, publishedId)
    }
    for (const id of ids) ws.put(id, null)
  },
  'sanity.action.document.version.create': (ws, action) => {
    const publishedId = idField(action, 'publishedId')
    const doc = action.document as Partial<SanityDocument> | undefined
    if (doc && typeof doc === 'object') {
      const id = givenId(doc) ?? ''
      if (!isVersionId(id) || publishedIdOf(id) !== publishedId) {
        throw new StoreError('invalid', `document._id "${id}" must be a version of "${publishedId}"`, id)
      }
      if (ws.get(id)) throw new StoreError('alreadyExists', `Document by ID "${id}" already exists`, id)
      ws.put(id, withId(doc, id))
      return
    }
    const baseId = idField(action, 'baseId')
    const versionId = idField(action, 'versionId')
    const base = must(ws, baseId, `create version "${versionId}"`)
    checkRev(base, action.ifBaseRevisionId, baseId)
    if (publishedIdOf(versionId) !== publishedId) {
      throw new StoreError('invalid', `versionId "${versionId}" does not belong to "${publishedId}"`, versionId)
    }
    if (ws.get(versionId)) throw new StoreError('alreadyExists', `Document by ID "${versionId}" already exists`, versionId)
    ws.put(versionId, withId(base, versionId))
  },
  'sanity.action.document.version.discard': (ws, action) => {
    const versionId = idField(action, 'versionId')
    must(ws, versionId, `discard version "${versionId}"`)
    ws.put(versionId, null)
  },
  'sanity.action.document.version.replace': (ws, action) => {
    const doc = attributes(action, 'document')
    const id = givenId(doc) ?? ''
    if (!isVersionId(id) && !isDraftId(id)) throw new StoreError('invalid', `version.replace needs a version id, got "${id}"`, id)
    must(ws, id, `replace version "${id}"`)
    ws.put(id, withId(doc, id))
  },
  'sanity.action.document.version.unpublish': (ws, action) => {
    const versionId = idField(action, 'versionId')
    const publishedId = idField(action, 'publishedId')
    const published = must(ws, publishedId, `unpublish "${publishedId}" in a release`)
    const version = ws.get(versionId) ?? withId(published, versionId)
    ws.put(versionId, {...version, _system: {delete: true}})
  },
}

function releaseDocId(action: ActionSpec): string {
  return validDocumentId(RELEASE_PREFIX + str(action, 'releaseId'))
}

/**
 * Release states an action may start from, as Sanity's release state machine allows. Not in a
 * dry run: the Releases tool sends one for every action of its menu, whatever the release's
 * state, to learn whether the user may take it, and takes any refusal as a missing permission
 * for the rest of the session (so "Archive" would stay shut after "Unschedule"). The Studio
 * decides from the state itself which actions to offer; roles and the review gate still answer.
 */
function releaseIn(ws: WorkingSet, action: ActionSpec, run: ActionRun, what: string, from: string[]): SanityDocument {
  const id = releaseDocId(action)
  const release = must(ws, id, `${what} release "${id}"`)
  const state = String(release.state ?? 'active')
  if (!from.includes(state) && !run.dryRun) {
    throw new StoreError('invalid', `Cannot ${what} release "${id}": it is ${state} (allowed from ${from.join(', ')})`, id)
  }
  return release
}

function setReleaseState(what: string, from: string[], state: string): ActionHandler {
  return (ws, action, run) => {
    const {publishAt: _p, error: _e, ...release} = releaseIn(ws, action, run, what, from)
    ws.put(release._id, {...release, state})
  }
}

/** The release's versions as they stand in this transaction. */
function versionsOf(ws: WorkingSet, name: string): SanityDocument[] {
  const versions: SanityDocument[] = []
  for (const [docId] of ws.base.docs) {
    const version = releaseOf(docId) === name ? ws.get(docId) : null
    if (version) versions.push(version)
  }
  return versions
}

/** Publishes every version in the release (unpublishing those marked for it) and marks the release published. */
function publishRelease(ws: WorkingSet, action: ActionSpec, run: ActionRun): void {
  const release = releaseIn(ws, action, run, 'publish', ['active', 'scheduled'])
  const finalDocumentStates: {id: string}[] = []
  for (const version of versionsOf(ws, str(action, 'releaseId'))) {
    const docId = version._id
    const publishedId = publishedIdOf(docId)
    const system = version._system as {delete?: boolean} | undefined
    if (system?.delete) ws.put(publishedId, null)
    else {
      const {_system: _s, ...content} = version
      const previous = ws.get(publishedId)
      ws.put(publishedId, {...withId(content, publishedId), ...(previous?._createdAt ? {_createdAt: previous._createdAt} : {})})
    }
    finalDocumentStates.push({id: docId})
    ws.put(docId, null)
  }
  const {error: _e, ...rest} = release
  ws.put(release._id, {...rest, state: 'published', publishedAt: new Date().toISOString(), finalDocumentStates})
}

/**
 * Archiving an active release deletes its versions, as Sanity does: they stay readable in the
 * history, which is where the Releases tool reads an archived release's documents from
 * (`finalDocumentStates`, `lastRevision=true`). A published release has no versions left.
 */
function archiveRelease(ws: WorkingSet, action: ActionSpec, run: ActionRun): void {
  const {publishAt: _p, error: _e, ...release} = releaseIn(ws, action, run, 'archive', ['active', 'published'])
  if (release.state === 'published') return ws.put(release._id, {...release, state: 'archived'})
  const versions = versionsOf(ws, str(action, 'releaseId'))
  for (const version of versions) ws.put(version._id, null)
  ws.put(release._id, {...release, state: 'archived', finalDocumentStates: versions.map(({_id}) => ({id: _id}))})
}

/**
 * Unarchiving brings the versions back with the content they had when the release was archived
 * (their last state in the history); a release that had been published goes back to published.
 */
function unarchiveRelease(ws: WorkingSet, action: ActionSpec, run: ActionRun): void {
  const {finalDocumentStates, ...release} = releaseIn(ws, action, run, 'unarchive', ['archived'])
  if (release.publishedAt) return ws.put(release._id, {...release, finalDocumentStates, state: 'published'})
  const ids = Array.isArray(finalDocumentStates) ? (finalDocumentStates as {id?: unknown}[]).map(({id}) => id) : []
  for (const id of ids) {
    if (typeof id !== 'string' || ws.get(id)) continue
    const last = ws.base.historyOf(id).findLast((entry) => entry.after)?.after
    if (last) ws.put(id, withId(last, id))
  }
  ws.put(release._id, {...release, state: 'active'})
}

/** Release documents live at `_.releases.<releaseId>`, as in Sanity. */
const releaseActions: Record<string, ActionHandler> = {
  'sanity.action.release.create': (ws, action) => {
    const id = releaseDocId(action)
    if (ws.get(id)) throw new StoreError('alreadyExists', `Release "${id}" already exists`, id)
    ws.put(id, {
      _id: id,
      _type: 'system.release',
      name: str(action, 'releaseId'),
      state: 'active',
      metadata: action.metadata ?? {},
    })
  },
  'sanity.action.release.edit': (ws, action) => {
    const id = releaseDocId(action)
    ws.put(id, patchDocument(must(ws, id, `edit release "${id}"`), id, (action.patch ?? {}) as PatchSpec))
  },
  'sanity.action.release.archive': archiveRelease,
  'sanity.action.release.unarchive': unarchiveRelease,
  'sanity.action.release.schedule': (ws, action, run) => {
    const release = releaseIn(ws, action, run, 'schedule', ['active'])
    const publishAt = str(action, 'publishAt')
    if (Number.isNaN(Date.parse(publishAt))) {
      throw new StoreError('invalid', `schedule needs "publishAt" as an ISO date-time, got "${publishAt}"`, release._id)
    }
    const {error: _e, ...rest} = release
    ws.put(release._id, {...rest, state: 'scheduled', publishAt: new Date(publishAt).toISOString()})
  },
  'sanity.action.release.unschedule': setReleaseState('unschedule', ['scheduled'], 'active'),
  'sanity.action.release.delete': (ws, action, run) => {
    const release = releaseIn(ws, action, run, 'delete', ['archived', 'published'])
    ws.put(release._id, null)
  },
  'sanity.action.release.publish': publishRelease,
}

const handlers: Record<string, ActionHandler> = {...documentActions, ...releaseActions}

export function applyAction(ws: WorkingSet, action: ActionSpec, run: ActionRun = {dryRun: false}): void {
  if (!action || typeof action !== 'object' || typeof action.actionType !== 'string') {
    throw new StoreError('invalid', 'Each action needs an "actionType"')
  }
  const handler = handlers[action.actionType]
  if (!handler) throw new StoreError('invalid', `Unsupported action type "${action.actionType}"`)
  handler(ws, action, run)
}

export const supportedActionTypes = Object.keys(handlers)

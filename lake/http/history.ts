/**
 * History endpoints the document pane's timeline and "restore" use:
 * `/data/history/:dataset/transactions/:ids` (NDJSON) and
 * `/data/history/:dataset/documents/:ids?revision=|time=|lastRevision=true`.
 */
import type {DatasetState, HistoryEntry} from '../store/dataset'
import {publishedIdOf} from '../store/ids'
import type {SanityDocument} from '../store/types'
import {errors} from '../errors'
import {datasetName, flag, sendJson, type RequestContext} from './context'
import {effectsOf, mutationsOf} from './mendoza-effects'

function idsOf(ctx: RequestContext): string[] {
  return (ctx.params.ids ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

interface TransactionView {
  seq: number
  id: string
  timestamp: string
  author: string
  /** Set when an administrator's restore let unreviewed copy through; the audit reports such transactions. */
  allowedUnreviewed: boolean
  entries: {docId: string; entry: HistoryEntry}[]
}

export function transactionsHandler(ctx: RequestContext): void {
  const state = ctx.app.store.dataset(datasetName(ctx))
  const byTx = new Map<string, TransactionView>()
  for (const docId of idsOf(ctx)) {
    for (const entry of state.historyOf(docId)) {
      let tx = byTx.get(entry.transactionId)
      if (!tx)
        byTx.set(
          entry.transactionId,
          (tx = {
            seq: entry.seq,
            id: entry.transactionId,
            timestamp: entry.timestamp,
            author: entry.author,
            allowedUnreviewed: entry.allowedUnreviewed === true,
            entries: [],
          }),
        )
      tx.entries.push({docId, entry})
    }
  }
  let list = [...byTx.values()].sort((a, b) => a.seq - b.seq || a.timestamp.localeCompare(b.timestamp))
  const q = ctx.url.searchParams
  const from = q.get('fromTransaction')
  const to = q.get('toTransaction')
  if (from) {
    const i = list.findIndex((t) => t.id === from)
    if (i >= 0) list = list.slice(i)
  }
  if (to) {
    const i = list.findIndex((t) => t.id === to)
    if (i >= 0) list = list.slice(0, i + 1)
  }
  const fromTime = q.get('fromTime')
  const toTime = q.get('toTime')
  if (fromTime) list = list.filter((t) => t.timestamp >= fromTime)
  if (toTime) list = list.filter((t) => t.timestamp <= toTime)
  const authors = q.get('authors')?.split(',').filter(Boolean)
  if (authors?.length) list = list.filter((t) => authors.includes(t.author))
  if (flag(ctx.url, 'reverse')) list.reverse()
  const limit = Number(q.get('limit'))
  if (Number.isInteger(limit) && limit > 0) list = list.slice(0, limit)

  const excludeContent = flag(ctx.url, 'excludeContent')
  const excludeMutations = flag(ctx.url, 'excludeMutations')
  const mendoza = q.get('effectFormat') === 'mendoza'
  ctx.res.writeHead(200, {'content-type': 'application/x-ndjson; charset=utf-8'})
  for (const tx of list) {
    const line: Record<string, unknown> = {
      id: tx.id,
      timestamp: tx.timestamp,
      author: tx.author,
      documentIDs: tx.entries.map((e) => e.docId),
      // Not in Sanity's format: the lake's record that a restore overrode the review gate.
      ...(tx.allowedUnreviewed ? {lakeAllowedUnreviewed: true} : {}),
    }
    if (!excludeMutations)
      line.mutations = tx.entries.flatMap(({docId, entry}) => mutationsOf({id: docId, before: entry.before, after: entry.after}))
    if (mendoza || !excludeContent) {
      line.effects = Object.fromEntries(
        tx.entries.map(({docId, entry}) => [docId, effectsOf({id: docId, before: entry.before, after: entry.after})]),
      )
    }
    ctx.res.write(JSON.stringify(line) + '\n')
  }
  ctx.res.end()
}

export function documentsAtHandler(ctx: RequestContext): void {
  const state = ctx.app.store.dataset(datasetName(ctx))
  const ids = idsOf(ctx)
  const q = ctx.url.searchParams
  const revision = q.get('revision')
  const time = q.get('time')
  const lastRevision = flag(ctx.url, 'lastRevision')
  if (!revision && !time && !lastRevision)
    throw errors.badRequest('History lookup needs "revision", "time" or "lastRevision=true"')
  let pick: (entries: HistoryEntry[]) => SanityDocument | null | undefined
  if (lastRevision) {
    pick = (entries) => [...entries].reverse().find((e) => e.after)?.after
  } else if (revision) {
    // The state of every requested document as of the transaction `revision`, which need not
    // have changed them (the Studio asks for the draft as of a release version's creation).
    const seq = seqOfTransaction(state, ids, revision)
    if (seq === undefined) throw errors.notFound(`Revision "${revision}" not found for ${ids.join(', ')}`)
    pick = (entries) => [...entries].reverse().find((e) => e.seq <= seq)?.after
  } else {
    pick = (entries) => [...entries].reverse().find((e) => e.timestamp <= time!)?.after
  }
  const documents = ids.map((id) => pick(state.historyOf(id))).filter((d): d is SanityDocument => !!d)
  sendJson(ctx, 200, {documents})
}

/** The commit sequence of transaction `id`: looked up in the documents' histories, then their groups', then everywhere. */
function seqOfTransaction(state: DatasetState, ids: string[], id: string): number | undefined {
  const find = (docIds: Iterable<string>) => {
    for (const docId of docIds) {
      const hit = state.historyOf(docId).find((e) => e.transactionId === id)
      if (hit) return hit.seq
    }
    return undefined
  }
  const groups = ids.flatMap((docId) => {
    const publishedId = publishedIdOf(docId)
    return [publishedId, `drafts.${publishedId}`, ...state.groupOf(docId)]
  })
  return find(ids) ?? find(groups) ?? find(state.history.keys())
}

/** A document lifecycle event as the Studio's history panel reads it (edits it derives from transactions). */
type LifecycleEvent = Record<string, unknown> & {type: string; timestamp: string}

/**
 * Lifecycle events of a document group (published + draft + versions), newest first,
 * derived from the per-document history: creations, publishes, unpublishes, discards
 * and deletions.
 */
export function groupEvents(ctx: RequestContext, publishedId: string): LifecycleEvent[] {
  const state = ctx.app.store.dataset(datasetName(ctx))
  const members = new Set<string>([publishedId, `drafts.${publishedId}`, ...(state.groups.get(publishedId) ?? [])])
  for (const id of state.history.keys()) if (id.endsWith(`.${publishedId}`) && id.startsWith('versions.')) members.add(id)
  const byTx = new Map<number, {tx: HistoryEntry; changes: Map<string, HistoryEntry>}>()
  for (const id of members) {
    for (const entry of state.historyOf(id)) {
      let tx = byTx.get(entry.seq)
      if (!tx) byTx.set(entry.seq, (tx = {tx: entry, changes: new Map()}))
      tx.changes.set(id, entry)
    }
  }
  const events: LifecycleEvent[] = []
  for (const {tx, changes} of [...byTx.values()].sort((a, b) => b.tx.seq - a.tx.seq)) {
    const base = {timestamp: tx.timestamp, author: tx.author, documentId: publishedId}
    const published = changes.get(publishedId)
    const variants = [...changes].filter(([id]) => id !== publishedId)
    const releaseOfId = (id: string) => (id.startsWith('versions.') ? id.split('.')[1] : undefined)
    const removedVariant = variants.find(([, e]) => e.before && !e.after)
    if (published && !published.before && !published.after) continue
    if (published?.after && removedVariant) {
      const [versionId, e] = removedVariant
      events.push({
        ...base,
        type: 'publishDocumentVersion',
        revisionId: tx.transactionId,
        versionId,
        versionRevisionId: e.before?._rev,
        releaseId: releaseOfId(versionId),
        publishCause: 'document.publish',
      })
      continue
    }
    if (published?.before && !published.after) {
      const stillThere =
        variants.some(([, e]) => e.after) || [...members].some((id) => id !== publishedId && !changes.has(id) && state.get(id))
      if (stillThere)
        events.push({...base, type: 'unpublishDocument', versionId: `drafts.${publishedId}`, versionRevisionId: tx.transactionId})
      else events.push({...base, type: 'deleteDocumentGroup'})
      continue
    }
    for (const [versionId, e] of variants) {
      if (!e.before && e.after)
        events.push({
          ...base,
          type: 'createDocumentVersion',
          versionId,
          versionRevisionId: tx.transactionId,
          releaseId: releaseOfId(versionId),
        })
      else if (e.before && !e.after)
        events.push({
          ...base,
          type: 'deleteDocumentVersion',
          versionId,
          versionRevisionId: e.before._rev,
          releaseId: releaseOfId(versionId),
        })
    }
    if (published && !published.before && published.after) {
      events.push({
        ...base,
        type: 'createDocumentVersion',
        versionId: publishedId,
        revisionId: tx.transactionId,
        versionRevisionId: tx.transactionId,
      })
    }
  }
  return events
}

/** `/data/history/:dataset/events/documents/:id` → `{events: {[id]: [...]}, nextCursor}`. */
export function documentEventsHandler(ctx: RequestContext): void {
  const id = ctx.params.id ?? ''
  const publishedId = id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')
  const limit = Number(ctx.url.searchParams.get('limit')) || 100
  const events = groupEvents(ctx, publishedId).slice(0, limit)
  sendJson(ctx, 200, {events: {[id]: events}, nextCursor: ''})
}

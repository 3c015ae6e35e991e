/**
 * History endpoints the document pane's timeline and "restore" use:
 * `/data/history/:dataset/transactions/:ids` (NDJSON) and
 * `/data/history/:dataset/documents/:ids?revision=|time=|lastRevision=true`.
 */
import type {HistoryEntry} from '../store/dataset'
import type {SanityDocument} from '../store/types'
import {errors} from '../errors'
import {datasetName, flag, sendJson, type RequestContext} from './context'
import {effectsOf, mutationsOf} from './listen'

function idsOf(ctx: RequestContext): string[] {
  return (ctx.params.ids ?? '').split(',').map((s) => s.trim()).filter(Boolean)
}

interface TransactionView {
  seq: number
  id: string
  timestamp: string
  author: string
  entries: {docId: string; entry: HistoryEntry}[]
}

export function transactionsHandler(ctx: RequestContext): void {
  const state = ctx.app.store.dataset(datasetName(ctx))
  const byTx = new Map<string, TransactionView>()
  for (const docId of idsOf(ctx)) {
    for (const entry of state.historyOf(docId)) {
      let tx = byTx.get(entry.transactionId)
      if (!tx) byTx.set(entry.transactionId, (tx = {seq: entry.seq, id: entry.transactionId, timestamp: entry.timestamp, author: entry.author, entries: []}))
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
    const line: Record<string, unknown> = {id: tx.id, timestamp: tx.timestamp, author: tx.author, documentIDs: tx.entries.map((e) => e.docId)}
    if (!excludeMutations) line.mutations = tx.entries.flatMap(({docId, entry}) => mutationsOf({id: docId, before: entry.before, after: entry.after}))
    if (mendoza || !excludeContent) {
      line.effects = Object.fromEntries(tx.entries.map(({docId, entry}) => [docId, effectsOf({id: docId, before: entry.before, after: entry.after})]))
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
  if (!revision && !time && !lastRevision) throw errors.badRequest('History lookup needs "revision", "time" or "lastRevision=true"')
  let pick: (entries: HistoryEntry[]) => SanityDocument | null | undefined
  if (lastRevision) {
    pick = (entries) => [...entries].reverse().find((e) => e.after)?.after
  } else if (revision) {
    // The state of every requested document as of the transaction `revision`.
    const seq = ids.flatMap((id) => state.historyOf(id)).find((e) => e.transactionId === revision)?.seq
    if (seq === undefined) throw errors.notFound(`Revision "${revision}" not found for ${ids.join(', ')}`)
    pick = (entries) => [...entries].reverse().find((e) => e.seq <= seq)?.after
  } else {
    pick = (entries) => [...entries].reverse().find((e) => e.timestamp <= time!)?.after
  }
  const documents = ids.map((id) => pick(state.historyOf(id))).filter((d): d is SanityDocument => !!d)
  sendJson(ctx, 200, {documents})
}

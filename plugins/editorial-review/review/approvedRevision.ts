/**
 * Where the content hash of a decision came from: the first revision in the History API
 * whose document carries the decision. The Studio reads the approved content there to
 * show what changed since; the audit checks who wrote it. Pure: the caller hands in how
 * to read the History API (`/data/history/:dataset/transactions/:ids` and
 * `/documents/:id?revision=`), which hosted Sanity and the local lake both serve.
 */
import type {PressReleaseDocument} from '../rules/types'
import type {Decision} from './types'

/** The parts of one `/transactions` NDJSON line this needs. */
export interface HistoryTransaction {
  /** Transaction id, which is also the `_rev` of every document it wrote. */
  id: string
  author: string
  timestamp: string
  /** The documents it touched (hosted Sanity lists all of them, the lake only the requested ones). */
  documentIDs: string[]
  /** Present unless excluded; hosted Sanity squashes history past retention into `createSquashed`. */
  mutations?: Record<string, unknown>[]
}

export interface HistorySource {
  /** Oldest first, with mutations. */
  transactions(ids: string[]): Promise<HistoryTransaction[]>
  /** The document as it was after `revision`, or undefined when it did not exist then. */
  documentAt(id: string, revision: string): Promise<PressReleaseDocument | undefined>
}

export interface DecisionRevision {
  transaction: HistoryTransaction
  /** Which of the group's documents (draft, published, release version) the transaction wrote. */
  documentId: string
  /** The document as that transaction left it: the content the decision judged. */
  document: PressReleaseDocument
  /** The decision as that transaction wrote it. */
  decision: Decision
}

/** Release versions the transactions mention: where a decision may also have been written. */
function versionIds(publishedId: string, transactions: HistoryTransaction[]): string[] {
  const suffix = `.${publishedId}`
  const ids = transactions.flatMap((transaction) => transaction.documentIDs)
  return [...new Set(ids.filter((id) => id.startsWith('versions.') && id.endsWith(suffix)))]
}

async function groupTransactions(history: HistorySource, publishedId: string) {
  let ids = [publishedId, `drafts.${publishedId}`]
  let transactions = await history.transactions(ids)
  const versions = versionIds(publishedId, transactions)
  if (versions.length > 0) {
    ids = [...ids, ...versions]
    transactions = await history.transactions(ids)
  }
  return {ids, transactions}
}

/** The oldest revision of the document group (published, draft, versions) whose document carries the decision. */
export async function firstRevisionWith(
  history: HistorySource,
  publishedId: string,
  decisionKey: string,
): Promise<DecisionRevision | undefined> {
  const {ids, transactions} = await groupTransactions(history, publishedId)
  const group = new Set(ids)
  // The key in a transaction's mutations is a cheap hint, tried first; a server may record
  // a write in another shape than it was sent (the lake restamps decisions), so without a
  // hit every revision is read. The document at the revision decides.
  const needle = JSON.stringify(decisionKey)
  const hinted = transactions.filter(
    (transaction) => !transaction.mutations || JSON.stringify(transaction.mutations).includes(needle),
  )
  for (const candidates of [hinted, transactions.filter((transaction) => !hinted.includes(transaction))]) {
    for (const transaction of candidates) {
      for (const documentId of transaction.documentIDs.filter((id) => group.has(id))) {
        const document = await history.documentAt(documentId, transaction.id)
        const decision = document?.review?.decisions?.find((candidate) => candidate._key === decisionKey)
        if (document && decision) return {transaction, documentId, document, decision}
      }
    }
  }
  return undefined
}

/** The approval an outdated status rests on: the trail's latest approval. */
export function latestApproval(document: PressReleaseDocument): Decision | undefined {
  return document.review?.decisions?.findLast((decision) => decision.action === 'approve' && decision.status === 'approved')
}

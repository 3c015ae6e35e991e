/**
 * Gathers what the History API and the project's members say about one published
 * approval, for classify's pure `verifyApproval`: which transaction first wrote the
 * decision, who committed it, the document as it left it, who last changed the content
 * up to it, and the approver's roles.
 */
import {lastContentEditor, type Decision, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import type {ApprovalEvidence} from './classify'
import {isSquashed, type HistoryReader, type TransactionLine} from './history'

/** Revisions the four-eyes rule looks back through, as the Studio does (useLastContentEditor). */
const FOUR_EYES_WINDOW = 50

/** Draft, published and any release versions the transactions mention: where a decision may have been written. */
function versionIds(publishedId: string, transactions: TransactionLine[]): string[] {
  const suffix = `.${publishedId}`
  const ids = transactions.flatMap((transaction) => transaction.documentIDs)
  return [...new Set(ids.filter((id) => id.startsWith('versions.') && id.endsWith(suffix)))]
}

async function groupTransactions(history: HistoryReader, publishedId: string) {
  let ids = [publishedId, `drafts.${publishedId}`]
  let transactions = await history.transactions(ids)
  const versions = versionIds(publishedId, transactions)
  if (versions.length > 0) {
    ids = [...ids, ...versions]
    transactions = await history.transactions(ids)
  }
  return {ids, transactions}
}

function decisionIn(document: PressReleaseDocument | undefined, key: string): Decision | undefined {
  return document?.review?.decisions?.find((decision) => decision._key === key)
}

/** The oldest revision of the group whose document carries the decision. */
async function firstRevisionWith(history: HistoryReader, publishedId: string, key: string) {
  const {ids, transactions} = await groupTransactions(history, publishedId)
  const group = new Set(ids)
  // The key in a transaction's mutations is a cheap hint; the document at the revision decides.
  const needle = JSON.stringify(key)
  for (const transaction of transactions) {
    if (transaction.mutations && !JSON.stringify(transaction.mutations).includes(needle)) continue
    for (const documentId of transaction.documentIDs.filter((id) => group.has(id))) {
      const document = await history.documentAt(documentId, transaction.id)
      const decision = decisionIn(document, key)
      if (document && decision) return {transaction, documentId, document, decision}
    }
  }
  return undefined
}

export async function approvalEvidence(
  history: HistoryReader,
  publishedId: string,
  decision: Decision,
  roles: ReadonlyMap<string, string[]>,
): Promise<ApprovalEvidence> {
  const approverRoles = roles.get(decision.userId) ?? []
  const first = await firstRevisionWith(history, publishedId, decision._key)
  if (!first) return {approverRoles}
  const {transaction, documentId, document} = first
  const written = {
    transactionId: transaction.id,
    author: transaction.author,
    timestamp: transaction.timestamp,
    documentId,
    squashed: isSquashed(transaction),
    document,
    decision: first.decision,
  }
  if (written.squashed) return {written, approverRoles}
  const revisions = await history.transactions([documentId], {
    toTransaction: transaction.id,
    reverse: true,
    limit: FOUR_EYES_WINDOW,
    excludeMutations: true,
  })
  const editor = await lastContentEditor(revisions, (revision) =>
    revision === transaction.id ? Promise.resolve(document) : history.documentAt(documentId, revision),
  )
  return {written, lastContentEditor: editor, approverRoles}
}

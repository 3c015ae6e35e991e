/**
 * Gathers what the History API and the project's members say about one published
 * approval, for classify's pure `verifyApproval`: which transaction first wrote the
 * decision, who committed it, the document as it left it, who last changed the content
 * up to it, and the approver's roles.
 */
import {firstRevisionWith, lastContentEditor, type Decision} from '../../plugins/editorial-review/core'
import type {ApprovalEvidence} from './classify'
import {isSquashed, type HistoryReader} from './history'

/** Revisions the four-eyes rule looks back through, as the Studio does (useLastContentEditor). */
const FOUR_EYES_WINDOW = 50

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

/**
 * The store's own failures, in its own terms: what went wrong (`kind`), why, and which
 * document. How a kind is answered over HTTP (status, Sanity's error type and body) is the
 * HTTP layer's business (lake/http/transaction.ts).
 */

export type StoreErrorKind =
  /** A malformed mutation, action, id or document. */
  | 'invalid'
  /** A GROQ query in a delete/patch by query that does not parse or lacks a parameter. */
  | 'invalidQuery'
  /** A patch that cannot be applied, or would remove the document, change its `_id` or drop its `_type`. */
  | 'invalidPatch'
  /** An action names a document that does not exist. */
  | 'missingDocument'
  /** A patch by id names a document that does not exist. */
  | 'missingPatchTarget'
  /** A create names an id that is taken. */
  | 'alreadyExists'
  /** `ifRevisionID` / `ifBaseRevisionId` does not match the document's `_rev`. */
  | 'revisionMismatch'
  /** A caller-chosen transaction id was already used in the dataset. */
  | 'transactionIdTaken'
  /** A document would be larger than the lake allows (Sanity's 32 MB), e.g. after a patch. */
  | 'documentTooLarge'
  /** The disk is full: the transaction was not written (and nothing of it applied). */
  | 'storageFull'
  /** The journal could not be written or fsync'd: the transaction was not acknowledged. */
  | 'storageFailed'

/** Thrown inside the store when one mutation or action (or the transaction as a whole) fails. */
export class StoreError extends Error {
  readonly kind: StoreErrorKind
  /** The document at fault, when there is one. */
  readonly documentId: string | undefined
  constructor(kind: StoreErrorKind, description: string, documentId?: string) {
    super(description)
    this.name = 'StoreError'
    this.kind = kind
    this.documentId = documentId
  }
}

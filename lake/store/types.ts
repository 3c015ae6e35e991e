/** Shapes shared by the store, the HTTP handlers and the commit guard. */

/** A stored document; `_id` and `_type` are always present once committed. */
export interface SanityDocument {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [key: string]: unknown
}

/** Roles a local user can have; mirrors Sanity's built-in project roles. */
export type RoleName = 'administrator' | 'editor' | 'contributor' | 'viewer'

/** A local user, resolved from a bearer token (or the default administrator). */
export interface LakeUser {
  /** Stable user id; recorded as the transaction author and the listener identity. */
  id: string
  /** Display name shown in the Studio. */
  name: string
  /** Email shown in the Studio. */
  email: string
  /** The user's single role. */
  role: RoleName
}

/** How one document changes in a transaction; `null` means "does not exist". */
export interface Change {
  /** Document id, e.g. `drafts.abc` or `abc`. */
  id: string
  /** State before the transaction. */
  before: SanityDocument | null
  /** State the transaction would commit. */
  after: SanityDocument | null
}

/** A document the guard refuses, and why; a restore skips it and goes on with the others. */
export interface Refusal {
  /** Document id. */
  id: string
  /** What is wrong and what to do, in one sentence. */
  reason: string
}

/** A guard's decision on a transaction. */
export type GuardVerdict =
  | {
      ok: true
      /**
       * The changes to commit instead of the ones given, when the guard records facts only
       * the server knows (who decided, when, on which content); the same ids, in order.
       */
      changes?: Change[]
    }
  | {
      ok: false
      /** Human-readable reasons, returned to the caller in the error items. */
      reasons: string[]
      /** The documents at fault, when the guard can name them one by one. */
      refusals?: Refusal[]
    }

/** One earlier revision of a document, as the guard reads history. */
export interface RevisionEntry {
  /** Commit sequence number, global to the lake. */
  seq: number
  /** Who committed it. */
  author: string
  before: SanityDocument | null
  after: SanityDocument | null
  /** On the revision a snapshot restored: who last changed the judged content before the snapshot. */
  contentAuthor?: string
}

/** What a guard knows about the transaction besides its changes. */
export interface GuardContext {
  /** Dataset the transaction writes to. */
  dataset: string
  /** `mutate` for /data/mutate, `action` for /data/actions, `import` for `lake import` (administrators only). */
  kind: 'mutate' | 'action' | 'import'
  /** Id the transaction will commit under. */
  transactionId: string
  /** ISO time the transaction will commit at. */
  timestamp: string
  /** True when an administrator's restore asked to let unreviewed copy through; the commit records it. */
  allowUnreviewed: boolean
  /** False for a request that sent no token and acts as the lake's anonymous default user. */
  authenticated: boolean
  /** Reads a document as it is before this transaction (e.g. the published version of a draft). */
  getDocument(id: string): SanityDocument | null
  /** All documents of a type (drafts and versions included) before this transaction; served from the type index. */
  documentsOfType(type: string): SanityDocument[]
  /** The ids of a document group (published, draft and versions) that exist before this transaction. */
  groupOf(id: string): string[]
  /** A document's revisions held in memory, oldest first (after a compaction, only the current one). */
  historyOf(id: string): readonly RevisionEntry[]
}

/**
 * Injected policy run before every commit (mutations and actions alike). It must be
 * synchronous: the lake applies transactions one at a time, and a synchronous guard sees
 * exactly the state the transaction commits against.
 */
export interface CommitGuard {
  beforeCommit(changes: Change[], user: LakeUser, context: GuardContext): GuardVerdict
  /**
   * Who last changed a document's judged content, asked at compaction for every document,
   * so the snapshot keeps what its history knew; undefined for documents it does not judge.
   */
  contentAuthor?(id: string, history: Pick<GuardContext, 'historyOf' | 'groupOf'>): string | undefined
  /**
   * The store is open (journal replayed): a guard that keeps its own index of the store
   * learns where to read it, and may warm the index off every request's path.
   */
  attach?(store: GuardStore): void
  /**
   * A commit was applied. The committer is still waiting, so this only notes what changed;
   * real work is scheduled for later.
   */
  afterCommit?(dataset: string, changes: readonly Change[]): void
}

/** What a guard reads of the store between commits, to keep its own indexes. */
export interface GuardStore {
  datasetNames(): string[]
  /** A dataset as it is now; commits apply one at a time, so between them this is the state the next one sees. */
  reader(dataset: string): Pick<GuardContext, 'getDocument' | 'documentsOfType'>
  /** False once the store has closed: background work stops. */
  readonly open: boolean
}

/** The result of a committed transaction. */
export interface CommitResult {
  /** The transaction id; also the `_rev` of every document it changed. */
  transactionId: string
  /** ISO time of the commit; the `_updatedAt` of every document it changed. */
  timestamp: string
  /** Effective changes (no-ops, like createIfNotExists on an existing id, are left out). */
  changes: Change[]
}

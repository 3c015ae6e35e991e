import {once} from 'node:events'
import {createWriteStream} from 'node:fs'
import {rename, rm} from 'node:fs/promises'
import type {SanityClient, Transaction} from '@sanity/client'
import {BUILTIN_DISTRIBUTORS} from '../../data/distributors'
import {
  contentHash,
  detectContextFor,
  type DetectContext,
  type DistributorDoc,
  type EditorialReview,
  type ReviewPolicy,
} from '../../plugins/editorial-review/core'
import {distributorsForImportQuery, existingDocumentsQuery} from '../../queries/import'
import type {ExistingDocumentsQueryResult} from '../../sanity.types'
import {failureDetail, type BuildOutcome} from './build'
import {createSeedBuilder} from './builder'
import {MAX_SEED_BYTES} from './decode'
import {DEFAULT_POLICY_MODULE, type DetectionInputs} from './detection'
import type {ImportedRelease, SeedDocuments} from './documents'
import {seedFiles} from './files'
import type {FileOutcome, Progress} from './progress'
import {DEFAULT_RETRY, withRetry, type RetryOptions} from './retry'

export type ImportTarget = {kind: 'client'; client: SanityClient} | {kind: 'ndjson'; file: string}

export interface ImportOptions {
  /** Seed files or folders of them. */
  paths: string[]
  /** A Content Lake (local or hosted) through @sanity/client, or an NDJSON file for `sanity dataset import`. */
  target: ImportTarget
  /** Plan and report, write nothing. */
  dryRun: boolean
  /** Seed files per transaction. */
  batchSize: number
  /** Reports each file as it completes. */
  progress: Progress
  /** Backoff for 429 and 5xx answers. */
  retry?: RetryOptions
  /** Largest seed file accepted, in bytes. */
  maxBytes?: number
  /** Clock, injectable for tests. */
  now?: () => Date
  /** Worker threads that read, parse and run detection; 0 (the default) does it on this thread. */
  threads?: number
  /** The review policy: its rules and agencies decide what is flagged (the CLI passes config/reviewPolicy.ts's). */
  policy: ReviewPolicy
  /**
   * URL of a module that exports `policy` as `REVIEW_POLICY`, which worker threads import:
   * they cannot be sent its rules, which are functions. Default: config/reviewPolicy.ts.
   */
  policyModule?: string
}

export interface ImportSummary {
  imported: number
  unchanged: number
  updated: number
  keptEdits: number
  flagged: number
  failed: number
}

/** What one file turns into once compared with what the dataset holds. */
interface FilePlan {
  file: string
  outcome: Exclude<FileOutcome, 'failed'>
  documents: SeedDocuments
  /** How the release itself is written; undefined when nothing is written. */
  release?: {kind: 'create'} | {kind: 'patch'; ifRevisionId: string}
}

const OUTCOME_VERB: Record<FilePlan['outcome'], [done: string, planned: string]> = {
  imported: ['imported as a draft', 'would import as a draft'],
  updated: [
    'updated: the seed changed and nobody had edited the release',
    'would update: the seed changed and nobody had edited the release',
  ],
  unchanged: ['unchanged', 'unchanged'],
  keptEdits: [
    'kept the editor’s version: the seed changed, but the release was edited in the Studio. Compare source.originalText with the new file and apply changes by hand',
    'would keep the editor’s version: the seed changed, but the release was edited in the Studio',
  ],
}

/**
 * The import: reads seeds one batch at a time, plans each file against what the dataset
 * already holds, and writes each batch in one transaction. While one batch is planned
 * and written, the next is built. A file that fails is reported and skipped; its
 * documents are never partly written.
 */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = {imported: 0, unchanged: 0, updated: 0, keptEdits: 0, flagged: 0, failed: 0}
  const session = await openSession(options)
  const builder = createSeedBuilder(
    {context: session.context, maxBytes: options.maxBytes ?? MAX_SEED_BYTES},
    options.threads ?? 0,
    session.detection,
  )
  const importedAt = () => (options.now?.() ?? new Date()).toISOString()
  try {
    let built: BuildOutcome[] | undefined
    for await (const files of inBatches(seedFiles(options.paths), options.batchSize)) {
      ;[built] = await Promise.all([builder.build(files, importedAt()), built && importBatch(built, session, summary)])
    }
    if (built) await importBatch(built, session, summary)
  } finally {
    await builder.close()
  }
  await session.close(summary.failed === 0 || summary.imported + summary.updated > 0)
  options.progress.done()
  return summary
}

async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = []
  for await (const item of items) {
    batch.push(item)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

interface Session {
  options: ImportOptions
  context: DetectContext
  /** How worker threads build the same context. */
  detection: DetectionInputs
  /** Built-in distributors the dataset lacks; created with the first write. */
  missingDistributors: DistributorDoc[]
  /** Ids known to exist (or written in this run), so references are created once. */
  ensured: Set<string>
  commit: (plans: FilePlan[]) => Promise<void>
  lookup: (ids: string[]) => Promise<Map<string, ExistingDocument>>
  close: (keep: boolean) => Promise<void>
}

async function openSession(options: ImportOptions): Promise<Session> {
  const {target, policy} = options
  const stored = target.kind === 'client' ? await target.client.fetch(distributorsForImportQuery) : []
  const storedIds = new Set(stored.map((distributor) => distributor._id))
  const missingDistributors = (BUILTIN_DISTRIBUTORS as DistributorDoc[]).filter((distributor) => !storedIds.has(distributor._id))
  const detection: DetectionInputs = {
    policyModule: options.policyModule ?? DEFAULT_POLICY_MODULE,
    ruleCodes: Object.keys(policy.rules),
    distributorRows: stored,
    builtInDistributors: missingDistributors,
  }
  const context = detectContextFor(policy, stored, missingDistributors)
  const base = {options, context, detection, missingDistributors, ensured: new Set(storedIds)}
  return target.kind === 'client' ? clientSession(base, target.client) : ndjsonSession(base, target.file)
}

function clientSession(base: Omit<Session, 'commit' | 'lookup' | 'close'>, client: SanityClient): Session {
  const retry = {
    ...(base.options.retry ?? DEFAULT_RETRY),
    onRetry: ({delayMs, reason}: {delayMs: number; reason: string}) =>
      base.options.progress.note(`The API answered ${reason}; retrying in ${Math.round(delayMs)} ms…`),
  }
  return {
    ...base,
    async lookup(ids) {
      const documents = await withRetry(() => client.fetch(existingDocumentsQuery, {ids}), retry)
      return new Map(documents.map((document) => [document._id, document]))
    },
    async commit(plans) {
      const transaction = buildTransaction(client.transaction(), plans, base)
      await withRetry(() => transaction.commit({visibility: 'async', returnDocuments: false}), retry)
    },
    async close() {},
  }
}

/**
 * NDJSON holds final documents, not operations: what `sanity dataset import` reads. It is
 * written to a temporary file and renamed at the end, so a failed run leaves no half file.
 */
function ndjsonSession(base: Omit<Session, 'commit' | 'lookup' | 'close'>, file: string): Session {
  const temporary = `${file}.${process.pid}.partial`
  const stream = base.options.dryRun ? undefined : createWriteStream(temporary, {encoding: 'utf8'})
  const distributorFacts = new Map<string, {reach: object; languages: string[]}>()
  const write = async (document: object) => {
    if (!stream!.write(`${JSON.stringify(document)}\n`)) await once(stream!, 'drain')
  }
  return {
    ...base,
    async lookup() {
      return new Map()
    },
    async commit(plans) {
      if (!stream) return
      for (const plan of plans) {
        const {release, references, distributorFacts: facts} = plan.documents
        for (const reference of references) {
          if (base.ensured.has(reference._id)) continue
          base.ensured.add(reference._id)
          await write(reference)
        }
        if (facts && !distributorFacts.has(facts.id)) distributorFacts.set(facts.id, facts)
        await write(release)
      }
    },
    async close(keep) {
      if (!stream) return
      for (const distributor of base.missingDistributors)
        await write({_type: 'distributor', ...distributor, ...distributorFacts.get(distributor._id)})
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())))
      if (keep) await rename(temporary, file)
      else await rm(temporary, {force: true})
    },
  }
}

async function importBatch(outcomes: BuildOutcome[], session: Session, summary: ImportSummary): Promise<void> {
  const {progress, dryRun} = session.options
  const ids = outcomes.flatMap((outcome) =>
    'documents' in outcome
      ? [
          outcome.documents.release._id,
          outcome.documents.release._id.replace(/^drafts\./, ''),
          ...outcome.documents.references.map((reference) => reference._id),
        ]
      : [],
  )
  const existing = ids.length > 0 ? await session.lookup([...new Set(ids)]) : new Map<string, ExistingDocument>()
  for (const id of existing.keys()) session.ensured.add(id)
  const rows = outcomes.map((outcome) => ('documents' in outcome ? planFile(outcome.file, outcome.documents, existing) : outcome))
  const plans = rows.filter((row): row is FilePlan => 'outcome' in row)
  const refused = dryRun ? new Map<FilePlan, string>() : await commitIsolatingFailures(plans, session)
  // One line per file, in the order the files were read, whichever step stopped a file.
  for (const row of rows) {
    const failure = 'failure' in row ? row.failure : refused.get(row)
    if (failure !== undefined) {
      summary.failed++
      progress.file(row.file, 'failed', failure)
    } else if ('outcome' in row) {
      summary[row.outcome]++
      if (row.documents.flagged && (row.outcome === 'imported' || row.outcome === 'updated')) summary.flagged++
      const flag = row.documents.flagged && row.outcome !== 'unchanged' ? ' (flagged for review)' : ''
      progress.file(row.file, row.outcome, `${OUTCOME_VERB[row.outcome][dryRun ? 1 : 0]}${flag}`)
    }
  }
}

type ExistingDocument = ExistingDocumentsQueryResult[number]

/**
 * A press release among the existing documents, in the shape the review model reads:
 * the schema's generated types leave every field optional, the import's own writes and
 * the Studio's validated ones fill what the model needs.
 */
function isPressRelease(document: ExistingDocument | undefined): document is ExistingDocument & ImportedRelease {
  return document?._type === 'pressRelease'
}

/** Compares a file's documents with what the dataset holds and decides what to write. */
function planFile(file: string, documents: SeedDocuments, existing: Map<string, ExistingDocument>): FilePlan {
  const {release} = documents
  const releaseAt = (id: string) => {
    const document = existing.get(id)
    return isPressRelease(document) ? document : undefined
  }
  const draft = releaseAt(release._id)
  const published = releaseAt(release._id.replace(/^drafts\./, ''))
  const current = draft ?? published
  if (!current) return {file, documents, outcome: 'imported', release: {kind: 'create'}}
  if (current.source?.checksum === release.source?.checksum) return {file, documents, outcome: 'unchanged'}
  if (contentHash(current) !== current.source?.importedHash) return {file, documents, outcome: 'keptEdits'}
  return {
    file,
    documents: {
      ...documents,
      release: {...withFirstArrival(release, current), review: carriedReview(current.review, release.review!)},
    },
    outcome: 'updated',
    release: draft?._rev ? {kind: 'patch', ifRevisionId: draft._rev} : {kind: 'create'},
  }
}

/**
 * A changed seed arrived again, but the copy has waited since it first arrived: the review's
 * due time counts from `source.importedAt` (review/due.ts), and the lake refuses to move it.
 */
function withFirstArrival(release: ImportedRelease, current: ImportedRelease & {receivedAt?: string}): ImportedRelease {
  const importedAt = current.source?.importedAt
  if (!importedAt) return release
  return {
    ...release,
    ...(current.receivedAt ? {receivedAt: current.receivedAt} : {}),
    source: {...release.source!, importedAt},
  }
}

/**
 * A changed seed keeps the audit trail and every decision. Only an approval falls back
 * to pending, because it judged other content; a rejection or a change request stands.
 */
function carriedReview(previous: EditorialReview | undefined, fresh: EditorialReview): EditorialReview {
  if (!previous) return fresh
  return {
    ...fresh,
    status: previous.status === 'approved' ? 'pending' : previous.status,
    decisions: previous.decisions ?? [],
    ...(previous.contentHash ? {contentHash: previous.contentHash} : {}),
    // What the approval saw, so the reviewer's diff shows what the new seed changed.
    ...(previous.approvedContent ? {approvedContent: previous.approvedContent} : {}),
    // Who has the copy and its due time are reviewers' facts too: a re-import keeps them.
    ...(previous.assignee ? {assignee: previous.assignee} : {}),
    ...(previous.assignments ? {assignments: previous.assignments} : {}),
  }
}

/**
 * One transaction for a group of files: missing distributors and references once each,
 * then every release. References are only ever created, never overwritten.
 */
function buildTransaction(
  transaction: Transaction,
  plans: FilePlan[],
  session: Pick<Session, 'missingDistributors' | 'ensured'>,
): Transaction {
  const written = new Set(session.ensured)
  const createOnce = (document: {_id: string; _type: string}) => {
    if (written.has(document._id)) return
    written.add(document._id)
    transaction.createIfNotExists(document)
  }
  for (const distributor of session.missingDistributors) createOnce({_type: 'distributor', ...distributor})
  const factsWritten = new Set<string>()
  for (const {documents, release: write} of plans) {
    documents.references.forEach(createOnce)
    const facts = documents.distributorFacts
    if (facts && !factsWritten.has(facts.id)) {
      factsWritten.add(facts.id)
      transaction.patch(facts.id, (patch) => patch.setIfMissing({reach: facts.reach, languages: facts.languages}))
    }
    if (write?.kind === 'create') transaction.createIfNotExists(documents.release)
    if (write?.kind === 'patch') {
      const {_id, _type, ...fields} = documents.release
      transaction.patch(_id, (patch) => patch.ifRevisionId(write.ifRevisionId).set(fields))
    }
  }
  return transaction
}

/**
 * One transaction per batch; if the batch is refused, each file is retried alone so
 * only the file at fault fails. Returns the refused files' plans, each with its reason.
 */
async function commitIsolatingFailures(plans: FilePlan[], session: Session): Promise<Map<FilePlan, string>> {
  const refused = new Map<FilePlan, string>()
  const writable = plans.filter((plan) => plan.release !== undefined)
  if (writable.length === 0) return refused
  const markEnsured = (group: FilePlan[]) => {
    for (const distributor of session.missingDistributors) session.ensured.add(distributor._id)
    for (const plan of group) for (const reference of plan.documents.references) session.ensured.add(reference._id)
  }
  try {
    await session.commit(writable)
    markEnsured(writable)
    return refused
  } catch (error) {
    if (writable.length === 1) return refused.set(writable[0]!, failureDetail(error))
  }
  for (const plan of writable) {
    try {
      await session.commit([plan])
      markEnsured([plan])
    } catch (error) {
      refused.set(plan, failureDetail(error))
    }
  }
  return refused
}

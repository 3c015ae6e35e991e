/**
 * Reads every published document of the policy's reviewed types page by page,
 * classifies each, and verifies each approval against the History API. Memory stays
 * flat: a page is checked and dropped before the next is fetched.
 */
import type {SanityClient} from '@sanity/client'
import {
  detectContextFor,
  withReuseSources,
  approvedContentOf,
  diffSinceApproval,
  firstRevisionWith,
  latestApproval,
  type DetectContext,
  type ReviewPolicy,
} from '../../plugins/editorial-review/core'
import {fetchReuseSources, REUSE_SOURCE_TYPE} from '../../plugins/editorial-review/reuseCandidates'
import {publishedReviewedForAuditQuery} from '../../queries/audit'
import {distributorsForImportQuery} from '../../queries/import'
import {approvalEvidence} from './approvals'
import {approvalOnRecord, classify, verifyApproval, type AuditProblem, type UnverifiedApproval} from './classify'
import {auditedDocumentFrom, type AuditedDocument} from './documents'
import {historyReader, type HistoryReader} from './history'
import {memberRoles} from './members'

export interface AuditOptions {
  /** Client for the target; queries run with the `raw` perspective. */
  client: SanityClient
  /** The review policy: reviewed types, reviewer roles, four-eyes rule, rules and agencies. */
  policy: ReviewPolicy
  /** Documents per request. */
  pageSize?: number
  /** Run the detection rules too (default true); off means only `review.thirdParty` marks third-party copy. */
  detect?: boolean
  /** Verify approvals against the History API and the project's members (default true). */
  verifyApprovals?: boolean
  /** Called after each page with the number of documents checked so far. */
  progress?: (checked: number) => void
}

export interface AuditResult {
  /** Published documents of the reviewed types read. */
  checked: number
  /** Problems in id order; a document may have several (one per failed check). */
  problems: AuditProblem[]
  /** Approvals older than the History API's retention window, which cannot be checked. */
  unverified: UnverifiedApproval[]
}

export const DEFAULT_PAGE_SIZE = 200

/** Documents whose approvals are verified at once; each takes a few History API requests. */
const CONCURRENCY = 4

async function detectContext(client: SanityClient, policy: ReviewPolicy): Promise<DetectContext> {
  return detectContextFor(policy, await client.fetch(distributorsForImportQuery, {}, {perspective: 'raw'}))
}

interface Verifier {
  history: HistoryReader
  roles: ReadonlyMap<string, string[]>
}

async function check(
  document: AuditedDocument,
  policy: ReviewPolicy,
  context: DetectContext | undefined,
  verifier: Verifier | undefined,
): Promise<{problems: AuditProblem[]; unverified?: UnverifiedApproval}> {
  const problem = classify(document, context)
  if (problem?.problem === 'approvalOutdated') return {problems: [await withChanges(problem, document, verifier)]}
  if (problem) return {problems: [problem]}
  const approval = approvalOnRecord(document)
  if (!approval) return {problems: []}
  // An approved status with no approval behind it needs no history to be wrong.
  if (approval === 'missing') return verifyApproval(document, approval, undefined, policy, context)
  if (!verifier) return {problems: []}
  const evidence = await approvalEvidence(verifier.history, document._id, approval.decision, verifier.roles)
  return verifyApproval(document, approval, evidence, policy, context)
}

/**
 * What changed since the approval, from the approved content recorded with it (the same
 * snapshot the Studio's diff reads), else as the History API holds it at the revision that
 * wrote the approval; left out when neither has it (an old approval past retention).
 */
async function withChanges(
  problem: AuditProblem,
  document: AuditedDocument,
  verifier: Verifier | undefined,
): Promise<AuditProblem> {
  const approval = latestApproval(document)
  const approved =
    approvedContentOf(document) ??
    (approval && verifier ? (await firstRevisionWith(verifier.history, document._id, approval._key))?.document : undefined)
  return approved ? {...problem, changesSinceApproval: diffSinceApproval(approved, document)} : problem
}

/** Maps with at most `limit` calls in flight, keeping the input order. */
async function mapPooled<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await map(items[index]!)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  return results
}

export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const {policy} = options
  const client = options.client.withConfig({perspective: 'raw', useCdn: false})
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE
  const context = options.detect === false ? undefined : await detectContext(client, policy)
  const verifier =
    options.verifyApprovals === false ? undefined : {history: historyReader(client), roles: await memberRoles(client)}
  const problems: AuditProblem[] = []
  const unverified: UnverifiedApproval[] = []
  let checked = 0
  let after = ''
  for (;;) {
    const page = await client.fetch(publishedReviewedForAuditQuery, {types: policy.types, after, pageSize})
    const verdicts = await mapPooled(page, CONCURRENCY, async (row) => {
      const document = auditedDocumentFrom(row)
      // The newsroom's own copy is compared with the releases it may reuse, as at publish.
      const withReuse =
        context && document._type !== REUSE_SOURCE_TYPE
          ? withReuseSources(context, policy, await fetchReuseSources(client, document, context.distributors))
          : context
      return check(document, policy, withReuse, verifier)
    })
    for (const verdict of verdicts) {
      problems.push(...verdict.problems)
      if (verdict.unverified) unverified.push(verdict.unverified)
    }
    checked += page.length
    options.progress?.(checked)
    const last = page.at(-1)
    if (!last || page.length < pageSize) break
    after = last._id
  }
  return {checked, problems, unverified}
}

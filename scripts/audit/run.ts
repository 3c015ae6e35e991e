/**
 * Reads every published press release page by page and classifies each. Memory stays
 * flat: a page is classified and dropped before the next is fetched.
 */
import type {SanityClient} from '@sanity/client'
import {WIRE_AGENCIES} from '../../data/agencies'
import type {DetectContext, DistributorDoc, PressReleaseDocument} from '../../plugins/editorial-review/core'
import {publishedReleasesForAuditQuery} from '../../queries/audit'
import {distributorsForImportQuery} from '../../queries/import'
import {classify, type AuditProblem} from './classify'

export interface AuditOptions {
  /** Client for the target; queries run with the `raw` perspective. */
  client: SanityClient
  /** Documents per request. */
  pageSize?: number
  /** Run the detection rules too (default true); off means only `review.thirdParty` marks third-party copy. */
  detect?: boolean
}

export interface AuditResult {
  /** Published press releases read. */
  checked: number
  /** Those public without a current approval, in id order. */
  problems: AuditProblem[]
}

export const DEFAULT_PAGE_SIZE = 200

async function detectContext(client: SanityClient): Promise<DetectContext> {
  const distributors = await client.fetch(distributorsForImportQuery, {}, {perspective: 'raw'})
  return {distributors: distributors as unknown as DistributorDoc[], agencies: WIRE_AGENCIES}
}

export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const client = options.client.withConfig({perspective: 'raw', useCdn: false})
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE
  const context = options.detect === false ? undefined : await detectContext(client)
  const problems: AuditProblem[] = []
  let checked = 0
  let after = ''
  for (;;) {
    const page = await client.fetch(publishedReleasesForAuditQuery, {after, pageSize})
    for (const document of page) {
      const problem = classify(document as unknown as PressReleaseDocument & {_id: string}, context)
      if (problem) problems.push(problem)
    }
    checked += page.length
    const last = page.at(-1)
    if (!last || page.length < pageSize) break
    after = last._id
  }
  return {checked, problems}
}

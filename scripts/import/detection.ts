/**
 * What the import detects with, built one way on every thread: `detectContextFor` over
 * the review policy and the distributors. Rules are functions, which cannot be posted
 * to a worker thread, so a worker receives the policy as the URL of a module that
 * exports it, and the distributors as the data the query returned.
 */
import {detectContextFor, type DetectContext, type DistributorDoc, type ReviewPolicy} from '../../plugins/editorial-review/core'
import type {DistributorsForImportQueryResult} from '../../sanity.types'

/** The policy the CLI imports with (config/reviewPolicy.ts); workers import it unless told another module. */
export const DEFAULT_POLICY_MODULE = new URL('../../config/reviewPolicy.ts', import.meta.url).href

/** The inputs of `detectContextFor`, as data a worker thread can be sent. */
export interface DetectionInputs {
  /** URL of a module that exports the review policy as `REVIEW_POLICY`. */
  policyModule: string
  /** Codes of the rules the run was given, to check that the module exports that same policy. */
  ruleCodes: string[]
  /** The distributor documents as the query returned them. */
  distributorRows: DistributorsForImportQueryResult
  /** Built-in distributors the dataset lacks. */
  builtInDistributors: DistributorDoc[]
}

/** A worker's context: the same inputs through the same factory as on the main thread. */
export async function workerContext(inputs: DetectionInputs): Promise<DetectContext> {
  const {REVIEW_POLICY: policy} = (await import(inputs.policyModule)) as {REVIEW_POLICY?: ReviewPolicy}
  if (!policy) throw new Error(`${inputs.policyModule} exports no REVIEW_POLICY for the import's worker threads.`)
  const codes = Object.keys(policy.rules)
  // Workers that ran other rules than the main thread would import copy under another verdict.
  if (codes.join() !== inputs.ruleCodes.join()) {
    throw new Error(
      `The review policy exported by ${inputs.policyModule} has other rules (${codes.join(', ')}) than the policy the import was given (${inputs.ruleCodes.join(', ')}). Pass the module that exports the import's policy as policyModule.`,
    )
  }
  return detectContextFor(policy, inputs.distributorRows, inputs.builtInDistributors)
}

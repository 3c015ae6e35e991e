/**
 * The review policy: what a newsroom decides about its editorial review. The Studio
 * plugin, schema validation, the local lake's guard, the import and the audit all read
 * one policy (config/reviewPolicy.ts) and build their detection context through
 * `detectContextFor`, so a rule added to the policy changes the verdict everywhere.
 */
import type {DistributorsForImportQueryResult} from '../../../sanity.types'
import {DEFAULT_RULES} from '../rules/index'
import type {DetectContext, DistributorDoc, Rule, WireAgency} from '../rules/types'
import type {ReuseSource} from '../rules/reuse/coverage'
import {WIRE_AGENCIES} from '../../../data/agencies'
import type {MarkerPhrase} from '../../../data/distributors'
import {DEFAULT_REVIEWER_ROLES} from './roles'

export interface ReviewPolicy {
  /** Document types whose copy is checked and gated; each needs a `review` field of type `editorialReview`. */
  types: string[]
  /** Roles whose members may approve, request changes or reject. */
  reviewerRoles: string[]
  /** When true, whoever last changed the judged content cannot approve it. */
  fourEyes: boolean
  /** The rules table: the built-in rules plus a site's own (the same code replaces a built-in rule). */
  rules: Record<string, Rule>
  /** Wire agencies whose credit marks copy as the agency's, and raises a rights question in distributed copy. */
  agencies: WireAgency[]
  /** Hours a reviewer has for flagged copy once it waits for review; past it the copy is overdue. */
  reviewWithinHours: number
  /** Reuse of imported releases in the newsroom's own copy (rules/releaseReuse.ts). */
  reuse: ReusePolicy
}

export interface ReusePolicy {
  /** Share of the copy (0…1) from uncredited releases from which on it is third-party-derived; 0.3 by default. */
  threshold: number
}

export const DEFAULT_REUSE_THRESHOLD = 0.3

/** What a newsroom writes down; every field has a default. */
export type ReviewPolicyInput = Partial<Omit<ReviewPolicy, 'reuse'>> & {reuse?: Partial<ReusePolicy>}

const PREFIX = '[editorial-review]'

/** Hours to review flagged copy when a policy names none. */
export const DEFAULT_REVIEW_WITHIN_HOURS = 4

/**
 * The policy with its defaults filled in, checked early: a policy that cannot work
 * throws at startup, naming what to fix, instead of letting copy through later.
 */
export function resolvePolicy(input: ReviewPolicyInput = {}): ReviewPolicy {
  const policy: ReviewPolicy = {
    types: input.types ?? ['pressRelease'],
    reviewerRoles: input.reviewerRoles ?? [...DEFAULT_REVIEWER_ROLES],
    fourEyes: input.fourEyes ?? false,
    rules: {...DEFAULT_RULES, ...(input.rules ?? {})},
    agencies: input.agencies ?? WIRE_AGENCIES,
    reviewWithinHours: input.reviewWithinHours ?? DEFAULT_REVIEW_WITHIN_HOURS,
    reuse: {threshold: input.reuse?.threshold ?? DEFAULT_REUSE_THRESHOLD},
  }
  if (
    !Array.isArray(policy.types) ||
    policy.types.length === 0 ||
    policy.types.some((type) => typeof type !== 'string' || !type)
  ) {
    throw new Error(`${PREFIX} \`types\` must name at least one document type to review, e.g. ["pressRelease"].`)
  }
  if (!Array.isArray(policy.reviewerRoles) || policy.reviewerRoles.length === 0) {
    throw new Error(`${PREFIX} \`reviewerRoles\` must name at least one role that may decide, e.g. ["administrator", "editor"].`)
  }
  if (typeof policy.fourEyes !== 'boolean') throw new Error(`${PREFIX} \`fourEyes\` must be true or false.`)
  if (
    typeof policy.reviewWithinHours !== 'number' ||
    !(policy.reviewWithinHours > 0) ||
    !Number.isFinite(policy.reviewWithinHours)
  )
    throw new Error(`${PREFIX} \`reviewWithinHours\` must be a number of hours above 0, e.g. 4.`)
  for (const [code, rule] of Object.entries(policy.rules)) {
    if (typeof rule?.detect !== 'function')
      throw new Error(`${PREFIX} rule "${code}" needs a detect(document, context, text) function.`)
  }
  const {threshold} = policy.reuse
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
    throw new Error(
      `${PREFIX} \`reuse.threshold\` must be a share between 0 and 1 (0.3 means 30% of the copy from releases), not ${String(threshold)}.`,
    )
  }
  for (const agency of policy.agencies) {
    if (!agency?.code?.trim())
      throw new Error(`${PREFIX} every agency needs a \`code\`, the credit as datelines print it (e.g. "AP").`)
  }
  return policy
}

type DistributorRow = DistributorsForImportQueryResult[number]
type PhraseRow = NonNullable<NonNullable<DistributorRow['markers']>['phrases']>[number]

/** A phrase an editor has not finished (no kind, language or text yet) recognises nothing, so it is left out. */
function completePhrase(phrase: PhraseRow): (MarkerPhrase & {_type?: 'markerPhrase'}) | undefined {
  const {kind, language, text} = phrase
  if (!kind || !language || !text) return undefined
  const languageNames = phrase.languageNames?.flatMap(({_key, name, code}) => (name && code ? [{_key, name, code}] : []))
  return {
    _key: phrase._key,
    _type: 'markerPhrase',
    kind,
    language,
    text,
    ...(phrase.template ? {template: phrase.template} : {}),
    ...(languageNames ? {languageNames} : {}),
  }
}

/** A distributor document as the query returns it, in the shape the rules read. */
export function distributorFrom(row: DistributorRow): DistributorDoc {
  return {
    _id: row._id,
    _type: 'distributor',
    name: row.name ?? row._id,
    slug: {_type: 'slug', current: row.slug?.current ?? row._id},
    website: row.website ?? '',
    description: row.description ?? '',
    ...(row.languages ? {languages: row.languages} : {}),
    ...(row.reach ? {reach: row.reach} : {}),
    markers: {
      datelineTags: row.markers?.datelineTags ?? [],
      domains: row.markers?.domains ?? [],
      phrases: (row.markers?.phrases ?? []).flatMap((phrase) => completePhrase(phrase) ?? []),
    },
  }
}

/**
 * The one way to build what detection knows besides the document: the policy's rules
 * and agencies, the distributor documents as the query returns them, and any built-in
 * distributors a caller holds that the dataset does not have yet (the import's).
 */
export function detectContextFor(
  policy: ReviewPolicy,
  distributors: DistributorsForImportQueryResult,
  builtIn: readonly DistributorDoc[] = [],
): DetectContext {
  const stored = distributors.map(distributorFrom)
  const known = new Set(stored.map(({_id}) => _id))
  return {
    distributors: [...stored, ...builtIn.filter(({_id}) => !known.has(_id))],
    agencies: policy.agencies,
    rules: policy.rules,
  }
}

/**
 * A detection context that also compares the copy with candidate releases: the ones the
 * candidate query (queries/reuse.ts) returned, or the lake's own store.
 */
export function withReuseSources(
  context: DetectContext,
  policy: Pick<ReviewPolicy, 'reuse'>,
  sources: readonly ReuseSource[],
): DetectContext {
  return {...context, reuse: {threshold: policy.reuse.threshold, sources}}
}

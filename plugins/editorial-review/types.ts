import type {ReviewPolicy, ReviewPolicyInput} from './core'

export type {ReviewStatus} from './core'

/**
 * The plugin's options are the newsroom's review policy (config/reviewPolicy.ts): the
 * reviewed types, reviewer roles, four-eyes rule, rules table and wire agencies. Pass
 * the same policy the lake, the import and the audit read.
 */
export type EditorialReviewConfig = ReviewPolicyInput

/** The configuration with every default filled in. */
export type ResolvedReviewConfig = ReviewPolicy

import type {Rule, WireAgency} from './core'

export type {ReviewStatus} from './core'

export interface EditorialReviewConfig {
  /** Document types whose copy is checked and gated; each needs a `review` field of type `editorialReview`. */
  types?: string[]
  /** Roles whose members may approve, request changes or reject. */
  reviewerRoles?: string[]
  /** When true, the last editor of the content cannot approve it. */
  fourEyes?: boolean
  /** A site's own rules by code, added to the built-in table (same code replaces a built-in rule). */
  rules?: Record<string, Rule>
  /** Wire agencies whose credit in distributed copy raises a rights question; the built-in list when omitted. */
  agencies?: WireAgency[]
}

/** The configuration with every default filled in. */
export type ResolvedReviewConfig = Required<Omit<EditorialReviewConfig, 'rules'>> & {rules: Record<string, Rule>}

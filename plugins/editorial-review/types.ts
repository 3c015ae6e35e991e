export type ReviewStatus = 'pending' | 'approved' | 'changesRequested' | 'rejected'

export interface EditorialReviewConfig {
  /** Document types whose copy is checked and gated; each needs a `review` field of type editorialReview. */
  types?: string[]
  /** Roles whose members may approve, request changes or reject. */
  reviewerRoles?: string[]
  /** When true, the last editor of the content cannot approve it. */
  fourEyes?: boolean
  /** Extra detection rules by code, added to (or replacing) the built-in table. */
  rules?: Record<string, unknown>
}

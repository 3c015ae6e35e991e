import type {EditorialReviewConfig, ReviewStatus} from './types'

/** API version the plugin's own queries and patches pin. */
export const API_VERSION = '2025-02-19'

export const DEFAULT_CONFIG: Required<Omit<EditorialReviewConfig, 'rules'>> & Pick<EditorialReviewConfig, 'rules'> = {
  types: ['pressRelease'],
  reviewerRoles: ['administrator', 'editor'],
  fourEyes: false,
  rules: undefined,
}

/** English status titles for places without i18n, such as list previews. */
export const REVIEW_STATUS_TITLES: Record<ReviewStatus, string> = {
  pending: 'Needs review',
  approved: 'Approved',
  changesRequested: 'Changes requested',
  rejected: 'Rejected',
}

export function reviewStatusTitle(status: unknown): string {
  return REVIEW_STATUS_TITLES[status as ReviewStatus] ?? REVIEW_STATUS_TITLES.pending
}

import {resolvePolicy, type ReviewStatus} from './core'
import type {ResolvedReviewConfig} from './types'

/** API version the plugin's own queries and patches pin. */
export const API_VERSION = '2025-02-19'

/**
 * The `provider` a backend reports for a user it serves without a sign-in (the local
 * lake's tokenless default). Such a user is nobody in particular, so the Studio offers no
 * decisions and the lake refuses them.
 */
export const ANONYMOUS_PROVIDER = 'anonymous'

/** i18n namespace of every string the plugin shows. */
export const I18N_NAMESPACE = 'editorial-review'

/** The policy a plugin without options enforces: the built-in rules and agencies, no four-eyes rule. */
export const DEFAULT_CONFIG: ResolvedReviewConfig = resolvePolicy()

/** English status titles for places without i18n, such as the schema's option lists. */
export const REVIEW_STATUS_TITLES: Record<ReviewStatus, string> = {
  pending: 'Needs review',
  approved: 'Approved',
  changesRequested: 'Changes requested',
  rejected: 'Rejected',
}

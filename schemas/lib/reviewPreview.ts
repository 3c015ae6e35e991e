/**
 * What a reviewed type's list preview reads of the review: enough to tell its badge, never
 * the approved-content snapshot (`review.approvedContent`), which would double what a list
 * fetches per document. And the badge words, for `localizedPreview`.
 */
import {I18N_NAMESPACE} from '../../plugins/editorial-review/constants'
import {
  enUS,
  formatMessage,
  type EditorialReview,
  type PressReleaseDocument,
  type ReviewBadge,
} from '../../plugins/editorial-review/core'
import type {PreviewWord} from '../i18n/LocalizedPreview'

export const REVIEW_PREVIEW_SELECT = {
  reviewStatus: 'review.status',
  reviewThirdParty: 'review.thirdParty',
  reviewContentHash: 'review.contentHash',
  reviewFindings: 'review.findings',
  reviewDecisions: 'review.decisions',
  reviewAssignee: 'review.assignee',
} as const

type Selected = Partial<Record<keyof typeof REVIEW_PREVIEW_SELECT, unknown>>

/** The review as far as the preview selected it; undefined for a document without one. */
function reviewFromPreview(selected: Selected): EditorialReview | undefined {
  const {reviewStatus, reviewThirdParty, reviewContentHash, reviewFindings, reviewDecisions, reviewAssignee} = selected
  const parts = [reviewStatus, reviewThirdParty, reviewContentHash, reviewFindings, reviewDecisions, reviewAssignee]
  if (parts.every((part) => part === undefined)) return undefined
  return {
    _type: 'editorialReview',
    status: reviewStatus,
    thirdParty: reviewThirdParty,
    contentHash: reviewContentHash,
    findings: reviewFindings,
    decisions: reviewDecisions,
    assignee: reviewAssignee,
  } as EditorialReview
}

/** The previewed document: the selected content, with the review put back together from its fields. */
export function previewedDocument(selected: Record<string, unknown>): PressReleaseDocument {
  const content = Object.fromEntries(Object.entries(selected).filter(([key]) => !(key in REVIEW_PREVIEW_SELECT)))
  return {...content, review: reviewFromPreview(selected)} as PressReleaseDocument
}

const REVIEW_BADGES: ReviewBadge[] = ['needsReview', 'approved', 'approvalOutdated', 'changesRequested', 'rejected']

/** Each badge's English word, with where its translation is. */
export const BADGE_WORDS: Record<string, PreviewWord> = Object.fromEntries(
  REVIEW_BADGES.map((badge) => [formatMessage(enUS, `badge.${badge}`), {key: `badge.${badge}`, ns: I18N_NAMESPACE}]),
)

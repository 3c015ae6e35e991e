/**
 * What a reviewed type's list preview reads of the review: enough to tell its badge, never
 * the approved-content snapshot (`review.approvedContent`), which would double what a list
 * fetches per document. And the subtitle both reviewed types show, in the Studio's language.
 */
import {reviewBadge, type EditorialReview, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {PREVIEW_SEPARATOR, reviewPreviewText} from '../../plugins/editorial-review/i18n/previewLocale'

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

/**
 * A reviewed document's list subtitle: what its type leads with (distributor, author), the
 * language tag, the review badge in the preview locale, and who has the copy.
 */
export function reviewSubtitle(lead: string | undefined, document: PressReleaseDocument): string {
  const badge = reviewBadge(document)
  return [
    lead,
    document.language,
    badge && reviewPreviewText(`badge.${badge}`),
    // Who has it, as a name only: no words to translate.
    document.review?.assignee?.userName && `@${document.review.assignee.userName}`,
  ]
    .filter(Boolean)
    .join(PREVIEW_SEPARATOR)
}

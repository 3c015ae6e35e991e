import {useTranslation, type DocumentBadgeComponent, type DocumentBadgeDescription} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import type {ReviewBadge as ReviewBadgeKind} from '../core'
import {useReviewedDocument} from '../hooks/useReviewedDocument'

const BADGE_COLORS: Record<ReviewBadgeKind, NonNullable<DocumentBadgeDescription['color']>> = {
  needsReview: 'warning',
  approved: 'success',
  approvalOutdated: 'warning',
  changesRequested: 'warning',
  rejected: 'danger',
}

export const ReviewBadge: DocumentBadgeComponent = (props) => {
  const {t} = useTranslation(I18N_NAMESPACE)
  // The copy the pane shows, so the badge and the review panel above the form always agree.
  const {badge} = useReviewedDocument(props, 'displayed')
  if (!badge) return null
  const label = t(`badge.${badge}`)
  return {label, title: label, color: BADGE_COLORS[badge]}
}

ReviewBadge.displayName = 'ReviewBadge'

import {CheckmarkIcon} from '@sanity/icons/Checkmark'
import {CloseIcon} from '@sanity/icons/Close'
import {EditIcon} from '@sanity/icons/Edit'
import {RestoreIcon} from '@sanity/icons/Restore'
import type {ComponentType} from 'react'
import type {ReviewAction} from '../core'
import type {ReviewResourceKey} from '../i18n/resources'

/** How one decision looks, in the document menu and in the review panel alike. */
export interface DecisionLook {
  /** The review action it records. */
  action: ReviewAction
  /** i18n key of the button label; `.dialog-title` and `.note-label` follow from it. */
  labelKey: Extract<ReviewResourceKey, `action.${string}`>
  icon: ComponentType
  tone: 'positive' | 'caution' | 'critical' | 'default'
}

export const DECISION_LOOKS: Record<ReviewAction, DecisionLook> = {
  approve: {action: 'approve', labelKey: 'action.approve', icon: CheckmarkIcon, tone: 'positive'},
  requestChanges: {action: 'requestChanges', labelKey: 'action.request-changes', icon: EditIcon, tone: 'caution'},
  reject: {action: 'reject', labelKey: 'action.reject', icon: CloseIcon, tone: 'critical'},
  reopen: {action: 'reopen', labelKey: 'action.reopen', icon: RestoreIcon, tone: 'default'},
}

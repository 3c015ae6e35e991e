import {CheckmarkIcon} from '@sanity/icons/Checkmark'
import type {DocumentActionComponent} from 'sanity'
import {useDecisionAction} from './useDecisionAction'

export const ApproveAction: DocumentActionComponent = (props) =>
  useDecisionAction(props, {action: 'approve', labelKey: 'action.approve', icon: CheckmarkIcon, tone: 'positive'})

ApproveAction.displayName = 'ApproveAction'

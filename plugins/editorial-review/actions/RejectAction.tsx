import {CloseIcon} from '@sanity/icons/Close'
import type {DocumentActionComponent} from 'sanity'
import {useDecisionAction} from './useDecisionAction'

export const RejectAction: DocumentActionComponent = (props) =>
  useDecisionAction(props, {action: 'reject', labelKey: 'action.reject', icon: CloseIcon, tone: 'critical'})

RejectAction.displayName = 'RejectAction'

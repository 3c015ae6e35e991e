import {RestoreIcon} from '@sanity/icons/Restore'
import type {DocumentActionComponent} from 'sanity'
import {useDecisionAction} from './useDecisionAction'

export const ReopenAction: DocumentActionComponent = (props) =>
  useDecisionAction(props, {action: 'reopen', labelKey: 'action.reopen', icon: RestoreIcon, tone: 'default'})

ReopenAction.displayName = 'ReopenAction'

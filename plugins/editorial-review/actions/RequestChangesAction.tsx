import {EditIcon} from '@sanity/icons/Edit'
import type {DocumentActionComponent} from 'sanity'
import {useDecisionAction} from './useDecisionAction'

export const RequestChangesAction: DocumentActionComponent = (props) =>
  useDecisionAction(props, {action: 'requestChanges', labelKey: 'action.request-changes', icon: EditIcon, tone: 'caution'})

RequestChangesAction.displayName = 'RequestChangesAction'

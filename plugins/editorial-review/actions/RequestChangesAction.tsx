import type {DocumentActionComponent} from 'sanity'
import {DECISION_LOOKS} from './looks'
import {useDecisionAction} from './useDecisionAction'

export const RequestChangesAction: DocumentActionComponent = (props) => useDecisionAction(props, DECISION_LOOKS.requestChanges)

RequestChangesAction.displayName = 'RequestChangesAction'

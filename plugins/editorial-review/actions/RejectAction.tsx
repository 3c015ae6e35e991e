import type {DocumentActionComponent} from 'sanity'
import {DECISION_LOOKS} from './looks'
import {useDecisionAction} from './useDecisionAction'

export const RejectAction: DocumentActionComponent = (props) => useDecisionAction(props, DECISION_LOOKS.reject)

RejectAction.displayName = 'RejectAction'

import type {DocumentActionComponent} from 'sanity'
import {DECISION_LOOKS} from './looks'
import {useDecisionAction} from './useDecisionAction'

export const ReopenAction: DocumentActionComponent = (props) => useDecisionAction(props, DECISION_LOOKS.reopen)

ReopenAction.displayName = 'ReopenAction'

import type {DocumentActionComponent} from 'sanity'
import {DECISION_LOOKS} from './looks'
import {useDecisionAction} from './useDecisionAction'

export const ApproveAction: DocumentActionComponent = (props) => useDecisionAction(props, DECISION_LOOKS.approve)

ApproveAction.displayName = 'ApproveAction'

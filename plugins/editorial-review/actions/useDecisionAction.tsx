import type {DocumentActionDescription, DocumentActionProps} from 'sanity'
import {useReviewedDocument} from '../hooks/useReviewedDocument'
import type {DecisionLook} from './looks'
import {useDecision} from './useDecision'

/**
 * A reviewer's decision as a document action: hidden where the state machine does not
 * allow it, disabled with the reason where the user cannot take it, and a dialog that
 * asks for the note before the decision is recorded.
 */
export function useDecisionAction(props: DocumentActionProps, look: DecisionLook): DocumentActionDescription | null {
  const {document, findings, verdict} = useReviewedDocument(props)
  const decision = useDecision({document, findings, thirdParty: verdict.thirdParty}, look)
  const {availability} = decision
  if (availability.kind === 'hidden') return null
  const base = {label: decision.label, icon: look.icon, tone: look.tone}
  if (availability.kind !== 'enabled') return {...base, disabled: true, title: decision.disabledReason}
  return {
    ...base,
    onHandle: decision.open,
    dialog: decision.dialogOpen && {
      type: 'dialog',
      header: decision.dialogHeader,
      onClose: decision.close,
      content: decision.dialogContent,
    },
  }
}

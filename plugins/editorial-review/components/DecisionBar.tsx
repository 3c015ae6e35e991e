import {Button, Dialog, Flex, Stack, Text} from '@sanity/ui'
import {useTranslation} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import type {ReviewAction} from '../core'
import {DECISION_LOOKS} from '../actions/looks'
import {useDecision, type DecisionTarget} from '../actions/useDecision'

const ORDER: ReviewAction[] = ['approve', 'requestChanges', 'reject', 'reopen']

/**
 * The decisions as buttons in the review panel, where the reviewer reads the copy. A
 * decision the user cannot take is disabled and its reason is shown as text, so nobody
 * learns it only after typing a note.
 */
export function DecisionBar(target: DecisionTarget) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const decisions = ORDER.map((action) => ({action, ...useDecisionFor(target, action)}))
  const shown = decisions.filter((decision) => decision.availability.kind !== 'hidden')
  if (shown.length === 0) return null
  const reasons = [...new Set(shown.flatMap((decision) => (decision.disabledReason ? [decision.disabledReason] : [])))]
  const open = shown.find((decision) => decision.dialogOpen)
  return (
    <Stack gap={2} data-testid="review-decisions">
      <Text size={1} weight="semibold">
        {t('panel.decide')}
      </Text>
      <Flex gap={2} wrap="wrap">
        {shown.map((decision) => {
          const look = DECISION_LOOKS[decision.action]
          return (
            <Button
              key={decision.action}
              data-testid={`review-decide-${decision.action}`}
              icon={look.icon}
              tone={look.tone === 'default' ? 'primary' : look.tone}
              mode="ghost"
              fontSize={1}
              text={decision.label}
              disabled={decision.availability.kind !== 'enabled'}
              title={decision.disabledReason}
              onClick={decision.open}
            />
          )
        })}
      </Flex>
      {reasons.map((reason) => (
        <Text key={reason} size={1} muted data-testid="review-decision-blocked">
          {reason}
        </Text>
      ))}
      {open && (
        <Dialog id={`editorial-review-${open.action}`} header={open.dialogHeader} onClose={open.close} width={1}>
          <Stack padding={4}>{open.dialogContent}</Stack>
        </Dialog>
      )}
    </Stack>
  )
}

// A hook per action, always called in the same order (ORDER is constant).
function useDecisionFor(target: DecisionTarget, action: ReviewAction) {
  return useDecision(target, DECISION_LOOKS[action])
}

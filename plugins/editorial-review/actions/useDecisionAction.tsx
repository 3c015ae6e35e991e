import {Box, Button, Flex, Stack, Text, TextArea} from '@sanity/ui'
import {useCallback, useState, type ComponentType} from 'react'
import {useDocumentOperation, useTranslation, type DocumentActionDescription, type DocumentActionProps} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import {decide, localized, type LocalizedMessage, type ReviewAction} from '../core'
import {useReviewConfig} from '../hooks/ReviewConfigContext'
import {useReviewedDocument} from '../hooks/useReviewedDocument'
import {useLastContentEditor} from '../hooks/useLastContentEditor'
import {useReviewUser} from '../hooks/useReviewUser'
import type {ReviewResourceKey} from '../i18n/resources'
import {translated} from '../i18n/translate'
import {decisionAvailability} from './availability'

/** How one decision action looks; the behaviour is shared. */
export interface DecisionActionLook {
  /** The review action it records. */
  action: ReviewAction
  /** i18n key of the button label; `.dialog-title` and `.note-label` follow from it. */
  labelKey: Extract<ReviewResourceKey, `action.${string}`>
  icon: ComponentType
  tone: 'positive' | 'caution' | 'critical' | 'default'
}

/**
 * A reviewer's decision as a document action: hidden where the state machine does not
 * allow it, disabled with the reason for users outside the reviewer roles, and a
 * dialog that asks for the note before the decision is recorded.
 */
export function useDecisionAction(props: DocumentActionProps, look: DecisionActionLook): DocumentActionDescription | null {
  const {t} = useTranslation(I18N_NAMESPACE)
  const {reviewerRoles, fourEyes} = useReviewConfig()
  const user = useReviewUser()
  const {document, findings, verdict} = useReviewedDocument(props)
  const operations = useDocumentOperation(props.id, props.type, props.release)
  const [dialogOpen, setDialogOpen] = useState(false)
  const [note, setNote] = useState('')
  // Kept as a message, not a string, so it follows a change of the Studio's language.
  const [refusal, setRefusal] = useState<LocalizedMessage>()

  const close = useCallback(() => {
    setDialogOpen(false)
    setNote('')
    setRefusal(undefined)
  }, [])

  const lastContentEditorOf = useLastContentEditor()
  const confirm = useCallback(async () => {
    if (!document || !user) return
    // Only an approval is subject to the four-eyes rule, so only then is the history read.
    const lastEditorId =
      fourEyes && look.action === 'approve' && document._id ? await lastContentEditorOf(document._id) : undefined
    const result = decide(document, {action: look.action, user, note, findings}, {reviewerRoles, fourEyes, lastEditorId})
    if (!result.ok) {
      setRefusal({key: result.reasonKey, params: result.params, message: result.reason})
      return
    }
    operations.patch.execute([{set: {review: result.review}}], {})
    close()
  }, [document, user, look.action, note, findings, reviewerRoles, fourEyes, lastContentEditorOf, operations, close])

  const availability = decisionAvailability({document, thirdParty: verdict.thirdParty, action: look.action, user, reviewerRoles})
  if (availability.kind === 'hidden') return null
  const label = t(look.labelKey)
  if (availability.kind === 'disabled') {
    return {
      label,
      icon: look.icon,
      tone: look.tone,
      disabled: true,
      title: availability.reason === 'signIn' ? t('action.sign-in') : t('action.not-reviewer', {roles: reviewerRoles.join(', ')}),
    }
  }
  return {
    label,
    icon: look.icon,
    tone: look.tone,
    onHandle: () => setDialogOpen(true),
    dialog: dialogOpen && {
      type: 'dialog',
      header: t(`${look.labelKey}.dialog-title` as ReviewResourceKey),
      onClose: close,
      content: (
        <Stack gap={4}>
          <Stack gap={2}>
            <Text as="label" size={1} weight="medium" htmlFor="editorial-review-note">
              {t(`${look.labelKey}.note-label` as ReviewResourceKey)}
            </Text>
            <TextArea
              id="editorial-review-note"
              data-testid="review-note"
              rows={4}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
          </Stack>
          {refusal && (
            <Text size={1} data-testid="review-refusal">
              {translated(t, refusal)}
            </Text>
          )}
          <Flex gap={2} justify="flex-end">
            <Button mode="bleed" text={t('action.cancel')} onClick={close} />
            <Button
              tone={look.tone === 'default' ? 'primary' : look.tone}
              text={t('action.confirm')}
              data-testid="review-confirm"
              onClick={() =>
                void confirm().catch((error: Error) => setRefusal(localized('action.failed', {error: error.message})))
              }
            />
          </Flex>
          <Box />
        </Stack>
      ),
    },
  }
}

import {Button, Flex, Stack, Text, TextArea} from '@sanity/ui'
import {useCallback, useState, type ReactNode} from 'react'
import {getPublishedId, getVersionFromId, useDocumentOperation, useTranslation} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import {
  decide,
  decisionPatches,
  localized,
  noteRequirement,
  type Finding,
  type LocalizedMessage,
  type PressReleaseDocument,
} from '../core'
import {useReviewConfig} from '../hooks/ReviewConfigContext'
import {useLastContentEditor} from '../hooks/useLastContentEditor'
import {useLastEditor} from '../hooks/useLastEditor'
import {useReviewUser} from '../hooks/useReviewUser'
import type {ReviewResourceKey} from '../i18n/resources'
import {translated} from '../i18n/translate'
import {decisionAvailability, type DecisionAvailability} from './availability'
import type {DecisionLook} from './looks'

export interface DecisionTarget {
  /** The copy the decision judges (draft, release version or published), if loaded. */
  document: PressReleaseDocument | undefined
  /** The findings the reviewer is shown, recorded with the decision. */
  findings: Finding[]
  /** Whether the gate counts the copy as third-party. */
  thirdParty: boolean
}

export interface Decision {
  availability: DecisionAvailability
  /** The button label, in the editor's language. */
  label: string
  /** Why the button is disabled, in the editor's language. */
  disabledReason: string | undefined
  open: () => void
  close: () => void
  dialogOpen: boolean
  dialogHeader: string
  dialogContent: ReactNode
}

/**
 * One reviewer decision, shared by the document menu and the review panel: whether it
 * is offered and why not (checked before anyone types: role, sign-in, four-eyes rule), and
 * the note dialog whose Confirm is clickable only when the decision can succeed.
 */
export function useDecision({document, findings, thirdParty}: DecisionTarget, look: DecisionLook): Decision {
  const {t} = useTranslation(I18N_NAMESPACE)
  const {reviewerRoles, fourEyes} = useReviewConfig()
  const user = useReviewUser()
  const id = document?._id ?? ''
  const operations = useDocumentOperation(getPublishedId(id), document?._type ?? '', getVersionFromId(id))
  const [dialogOpen, setDialogOpen] = useState(false)
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)
  // Kept as a message, not a string, so it follows a change of the Studio's language.
  const [refusal, setRefusal] = useState<LocalizedMessage>()
  const needsEditor = fourEyes && look.action === 'approve' && Boolean(user) && !user?.anonymous
  const lastEditor = useLastEditor(document, needsEditor)
  const availability = decisionAvailability({
    document,
    thirdParty,
    action: look.action,
    user,
    reviewerRoles,
    fourEyes,
    lastEditorId: lastEditor.id,
    checkingHistory: lastEditor.checking,
  })

  const close = useCallback(() => {
    setDialogOpen(false)
    setNote('')
    setRefusal(undefined)
  }, [])

  const lastContentEditorOf = useLastContentEditor()
  const confirm = useCallback(async () => {
    if (!document || !user) return
    // Read again at the moment of deciding: someone may have edited since the panel checked.
    const lastEditorId =
      fourEyes && look.action === 'approve' && document._id ? await lastContentEditorOf(document._id) : undefined
    const result = decide(document, {action: look.action, user, note, findings}, {reviewerRoles, fourEyes, lastEditorId})
    if (!result.ok) {
      setRefusal({key: result.reasonKey, params: result.params, message: result.reason})
      return
    }
    operations.patch.execute(decisionPatches(result), {})
    close()
  }, [document, user, look.action, note, findings, reviewerRoles, fourEyes, lastContentEditorOf, operations, close])

  const requirement = noteRequirement(look.action)
  const missingNote = requirement && !note.trim() ? requirement : undefined
  const dialogContent = (
    <Stack gap={4}>
      <Stack gap={2}>
        <Text as="label" size={1} weight="medium" htmlFor={`editorial-review-note-${look.action}`}>
          {t(`${look.labelKey}.note-label` as ReviewResourceKey)}
        </Text>
        <TextArea
          id={`editorial-review-note-${look.action}`}
          data-testid="review-note"
          rows={4}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value)
            setRefusal(undefined)
          }}
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
          // Clickable only when it can succeed: a note where one is needed, no refusal standing, not already saving.
          disabled={Boolean(missingNote) || Boolean(refusal) || saving || availability.kind !== 'enabled'}
          title={missingNote ? translated(t, missingNote) : undefined}
          onClick={() => {
            setSaving(true)
            confirm()
              .catch((error: Error) => setRefusal(localized('action.failed', {error: error.message})))
              .finally(() => setSaving(false))
          }}
        />
      </Flex>
    </Stack>
  )

  return {
    availability,
    label: t(look.labelKey),
    disabledReason:
      availability.kind === 'disabled'
        ? translated(t, availability.reason)
        : availability.kind === 'checking'
          ? t('action.checking')
          : undefined,
    open: () => setDialogOpen(true),
    close,
    dialogOpen,
    dialogHeader: t(`${look.labelKey}.dialog-title` as ReviewResourceKey),
    dialogContent,
  }
}

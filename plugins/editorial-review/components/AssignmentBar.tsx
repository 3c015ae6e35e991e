import {ClockIcon} from '@sanity/icons/Clock'
import {UserIcon} from '@sanity/icons/User'
import {Badge, Button, Dialog, Flex, Stack, Text, TextArea, TextInput} from '@sanity/ui'
import {Menu, MenuButton, MenuItem} from '@sanity/ui/menu'
import {memo, useCallback, useState} from 'react'
import {getPublishedId, getVersionFromId, useCurrentLocale, useDocumentOperation, useTranslation} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import {
  appendToTrail,
  assign,
  assignmentRefusal,
  dueTime,
  localized,
  type AssignmentInput,
  type LocalizedMessage,
  type PressReleaseDocument,
  type ReviewUser,
} from '../core'
import {useReviewConfig} from '../hooks/ReviewConfigContext'
import {useReviewers} from '../hooks/useReviewers'
import {useReviewUser} from '../hooks/useReviewUser'
import {translated} from '../i18n/translate'

/** `YYYY-MM-DDTHH:mm` in local time, what a `datetime-local` input takes. */
function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/**
 * Who has the copy and when it is due, in the review panel, with Claim, Assign to…,
 * Unassign and Change due date. Each writes what `assign` returns, the same check the
 * lake runs again; what the user cannot do is disabled with the reason shown.
 */
export const AssignmentBar = memo(function AssignmentBar({document}: {document: PressReleaseDocument}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const locale = useCurrentLocale().id
  const {reviewerRoles, reviewWithinHours} = useReviewConfig()
  const user = useReviewUser()
  const reviewers = useReviewers(reviewerRoles)
  const id = document._id ?? ''
  const operations = useDocumentOperation(getPublishedId(id), document._type ?? '', getVersionFromId(id))
  const [failure, setFailure] = useState<LocalizedMessage>()
  const [dueOpen, setDueOpen] = useState(false)

  const run = useCallback(
    (input: Omit<AssignmentInput, 'user'>, actor: ReviewUser | undefined = user): boolean => {
      if (!actor) return false
      const result = assign(document, {...input, user: actor}, {reviewerRoles})
      if (!result.ok) {
        setFailure({key: result.reasonKey, params: result.params, message: result.reason})
        return false
      }
      setFailure(undefined)
      const {assignee} = result.review
      operations.patch.execute(
        [
          ...appendToTrail('assignments', result.entry),
          assignee ? {set: {'review.assignee': assignee}} : {unset: ['review.assignee']},
        ],
        {},
      )
      return true
    },
    [document, user, reviewerRoles, operations],
  )

  const when = (date: Date) => date.toLocaleString(locale)
  const assignee = document.review?.assignee
  const due = dueTime(document, {reviewWithinHours})
  const late = due !== undefined && due.getTime() < Date.now()
  const refusal = user ? assignmentRefusal(document, {action: 'claim', user}, {reviewerRoles}) : localized('refusal.signIn')
  // Only the standing refusals (sign-in, role) close every button; "you already have it" hides Claim instead.
  const blocked = refusal && refusal.key !== 'assign.refusal.alreadyAssigned' ? refusal : undefined
  const mine = Boolean(user && assignee?.userId === user.id)
  const others = reviewers.state === 'ready' ? reviewers.reviewers.filter((reviewer) => reviewer.id !== assignee?.userId) : []

  return (
    <Stack gap={3} data-testid="review-assignment">
      <Flex gap={3} wrap="wrap" align="center">
        <Text size={1} weight="medium" data-testid="review-assignee">
          {assignee
            ? mine
              ? t('assign.assigned-to-you')
              : t('assign.assigned-to', {name: assignee.userName})
            : t('assign.unassigned')}
        </Text>
        {due && (
          <Badge
            tone={late ? 'critical' : 'default'}
            fontSize={1}
            data-testid="review-due"
            data-overdue={late ? 'true' : 'false'}
          >
            {late ? t('assign.overdue', {date: when(due)}) : t('assign.due', {date: when(due)})}
          </Badge>
        )}
      </Flex>
      <Flex gap={2} wrap="wrap">
        {!mine && (
          <Button
            data-testid="review-claim"
            icon={UserIcon}
            mode="ghost"
            fontSize={1}
            text={t('assign.claim')}
            disabled={Boolean(blocked)}
            onClick={() => run({action: 'claim'})}
          />
        )}
        <MenuButton
          id="editorial-review-assign-menu"
          button={
            <Button
              data-testid="review-assign"
              mode="ghost"
              fontSize={1}
              text={t('assign.assign-to')}
              disabled={Boolean(blocked)}
            />
          }
          menu={
            <Menu>
              {others.length === 0 && <MenuItem disabled text={t('assign.no-reviewers')} />}
              {others.map((reviewer) => (
                <MenuItem
                  key={reviewer.id}
                  data-testid={`review-assign-${reviewer.id}`}
                  text={reviewer.name}
                  onClick={() => run({action: 'assign', assignee: reviewer})}
                />
              ))}
            </Menu>
          }
          popover={{portal: true, placement: 'bottom-start'}}
        />
        {assignee && (
          <Button
            data-testid="review-unassign"
            mode="bleed"
            fontSize={1}
            text={t('assign.unassign')}
            disabled={Boolean(blocked)}
            onClick={() => run({action: 'unassign'})}
          />
        )}
        {due && (
          <Button
            data-testid="review-change-due"
            icon={ClockIcon}
            mode="bleed"
            fontSize={1}
            text={t('assign.change-due')}
            disabled={Boolean(blocked)}
            onClick={() => setDueOpen(true)}
          />
        )}
      </Flex>
      {blocked && (
        <Text size={1} muted data-testid="review-assignment-blocked">
          {translated(t, blocked)}
        </Text>
      )}
      {failure && (
        <Text size={1} data-testid="review-assignment-refusal">
          {translated(t, failure)}
        </Text>
      )}
      {dueOpen && due && (
        <DueDialog
          initial={due}
          onClose={() => setDueOpen(false)}
          onConfirm={(dueAt, note) => run({action: 'setDue', dueAt, note}) && setDueOpen(false)}
          failure={failure}
        />
      )}
    </Stack>
  )
})

function DueDialog(props: {
  initial: Date
  failure: LocalizedMessage | undefined
  onClose: () => void
  onConfirm: (dueAt: Date, note: string) => void
}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const [value, setValue] = useState(localInputValue(props.initial))
  const [note, setNote] = useState('')
  const dueAt = new Date(value)
  const invalid = Number.isNaN(dueAt.getTime())
  return (
    <Dialog id="editorial-review-due" header={t('assign.due-dialog-title')} onClose={props.onClose} width={1}>
      <Stack padding={4} gap={4}>
        <Stack gap={2}>
          <Text as="label" size={1} weight="medium" htmlFor="editorial-review-due-at">
            {t('assign.due-label')}
          </Text>
          <TextInput
            id="editorial-review-due-at"
            data-testid="review-due-input"
            type="datetime-local"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
        </Stack>
        <Stack gap={2}>
          <Text as="label" size={1} weight="medium" htmlFor="editorial-review-due-note">
            {t('assign.due-note-label')}
          </Text>
          <TextArea
            id="editorial-review-due-note"
            data-testid="review-due-note"
            rows={3}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
        </Stack>
        {props.failure && <Text size={1}>{translated(t, props.failure)}</Text>}
        <Flex gap={2} justify="flex-end">
          <Button mode="bleed" text={t('action.cancel')} onClick={props.onClose} />
          <Button
            tone="primary"
            text={t('action.confirm')}
            data-testid="review-due-confirm"
            disabled={invalid || !note.trim()}
            title={!note.trim() ? t('assign.refusal.noteRequired') : undefined}
            onClick={() => props.onConfirm(dueAt, note)}
          />
        </Flex>
      </Stack>
    </Dialog>
  )
}

import {Box, Card, Flex, Stack, Text} from '@sanity/ui'
import {Fragment, type ReactNode} from 'react'
import {unstable_useValuePreview as useValuePreview, useSchema, useTranslation} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import type {FieldChange, MarkChange, ParagraphChange, TextPart} from '../core'
import type {ApprovedContent} from '../hooks/useApprovedContent'
import type {ReviewResourceKey} from '../i18n/resources'

export interface ApprovalDiffProps {
  /** The approved content, as the History API holds it. */
  approved: ApprovedContent
  /** What changed from it to the form's value; computed by the caller from `approved`. */
  changes: FieldChange[]
}

const FIELD_TITLES: Record<FieldChange['field'], ReviewResourceKey> = {
  title: 'diff.field.title',
  dateline: 'diff.field.dateline',
  body: 'diff.field.body',
  language: 'diff.field.language',
  distributor: 'diff.field.distributor',
  disclaimer: 'diff.field.disclaimer',
  categories: 'diff.field.categories',
}

/** The referenced document type of each reference field the diff covers. */
const REFERENCE_TYPES = {distributor: 'distributor', disclaimer: 'disclaimer', categories: 'category'} as const

// Inserted and deleted words are marked by element (ins/del) and colour, so the diff reads without colour too.
const INSERTED = {background: 'var(--card-badge-positive-bg-color, #d1fae5)', textDecoration: 'none'}
const DELETED = {background: 'var(--card-badge-critical-bg-color, #fee2e2)'}

/** What changed since the approval, field by field, above the form of an outdated approval. */
export function ApprovalDiff({approved, changes}: ApprovalDiffProps) {
  const {t} = useTranslation(I18N_NAMESPACE)
  return (
    <Card data-testid="approval-diff" padding={3} radius={2} border tone="caution">
      <Stack gap={3}>
        <Text size={1} weight="semibold">
          {t('diff.title')}
        </Text>
        {approved.state === 'loading' && (
          <Text size={1} muted>
            {t('diff.loading')}
          </Text>
        )}
        {approved.state === 'unavailable' && <Text size={1}>{t('diff.unavailable')}</Text>}
        {approved.state === 'ready' &&
          changes.map((change) => (
            <Stack key={change.field} gap={2} data-testid={`diff-field-${change.field}`}>
              <Text size={1} weight="medium">
                {t(FIELD_TITLES[change.field])}
              </Text>
              <FieldChangeView change={change} />
            </Stack>
          ))}
      </Stack>
    </Card>
  )
}

function FieldChangeView({change}: {change: FieldChange}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  switch (change.kind) {
    case 'text':
      return <Words parts={change.parts} />
    case 'reference':
      return (
        <Text size={1}>
          {change.before ? <ReferenceTitle id={change.before} type={REFERENCE_TYPES[change.field]} deleted /> : t('diff.none')}
          {' → '}
          {change.after ? <ReferenceTitle id={change.after} type={REFERENCE_TYPES[change.field]} /> : t('diff.none')}
        </Text>
      )
    case 'references':
      return (
        <Text size={1}>
          {change.removed.map((id) => (
            <Fragment key={`-${id}`}>
              <ReferenceTitle id={id} type="category" deleted />{' '}
            </Fragment>
          ))}
          {change.added.map((id) => (
            <Fragment key={`+${id}`}>
              <ReferenceTitle id={id} type="category" />{' '}
            </Fragment>
          ))}
        </Text>
      )
    case 'body':
      return (
        <Stack gap={2}>
          {change.paragraphs.map((paragraph, index) => (
            <ParagraphView key={index} change={paragraph} />
          ))}
        </Stack>
      )
  }
}

function Words({parts}: {parts: TextPart[]}) {
  return (
    <Text size={1}>
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index} data-testid="diff-added" style={INSERTED}>
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index} data-testid="diff-removed" style={DELETED}>
            {part.text}
          </del>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </Text>
  )
}

function ParagraphView({change}: {change: ParagraphChange}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  let heading: string
  let content: ReactNode
  switch (change.kind) {
    case 'added':
      heading = t('diff.paragraph.added', {n: change.index + 1})
      content = <Words parts={[{kind: 'added', text: change.text}]} />
      break
    case 'removed':
      heading = t('diff.paragraph.removed', {n: change.index + 1})
      content = <Words parts={[{kind: 'removed', text: change.text}]} />
      break
    case 'moved':
      heading = t('diff.paragraph.moved', {from: change.from + 1, to: change.to + 1})
      content = <Words parts={[{kind: 'same', text: change.text}]} />
      break
    case 'changed':
      heading = t('diff.paragraph.changed', {n: change.index + 1})
      content = (
        <Stack gap={2}>
          <Words parts={change.parts} />
          {change.marks.map((mark, index) => (
            <MarkView key={index} change={mark} />
          ))}
          {change.style && (
            <Text size={1} muted>
              {t('diff.style', {before: change.style.before, after: change.style.after})}
            </Text>
          )}
        </Stack>
      )
      break
  }
  return (
    <Box paddingLeft={2} data-testid={`diff-paragraph-${change.kind}`}>
      <Stack gap={1}>
        <Text size={0} muted>
          {heading}
        </Text>
        {content}
      </Stack>
    </Box>
  )
}

function MarkView({change}: {change: MarkChange}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const mark =
    'decorator' in change.mark
      ? t('diff.mark.decorator', {name: change.mark.decorator})
      : change.mark.href
        ? t('diff.mark.link', {href: change.mark.href})
        : t('diff.mark.annotation', {name: change.mark.annotation})
  return (
    <Flex gap={1}>
      <Text size={1} data-testid={`diff-mark-${change.kind}`}>
        {t(change.kind === 'added' ? 'diff.mark.added' : 'diff.mark.removed', {mark, text: change.text})}
      </Text>
    </Flex>
  )
}

/** A referenced document by its preview title (what editors know it by), never its id. */
function ReferenceTitle({id, type, deleted}: {id: string; type: string; deleted?: boolean}) {
  const schemaType = useSchema().get(type)
  const {value} = useValuePreview({schemaType, value: {_type: 'reference', _ref: id}})
  const title = typeof value?.title === 'string' && value.title ? value.title : '…'
  return deleted ? <del style={DELETED}>{title}</del> : <ins style={INSERTED}>{title}</ins>
}

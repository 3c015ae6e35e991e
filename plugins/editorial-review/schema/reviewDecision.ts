import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {REVIEW_STATUS_TITLES} from '../constants'
import {PREVIEW_SEPARATOR, previewDateTime, reviewPreviewLabel, reviewPreviewText} from '../i18n/previewLocale'

export const REVIEW_ACTIONS = [
  {title: 'Approved', value: 'approve'},
  {title: 'Requested changes', value: 'requestChanges'},
  {title: 'Rejected', value: 'reject'},
  {title: 'Reopened', value: 'reopen'},
]

/** One entry of the audit trail: who decided what, when, on which content. */
export const reviewDecision = defineType({
  name: 'reviewDecision',
  title: 'Decision',
  type: 'object',
  icon: CheckmarkCircleIcon,
  readOnly: true,
  fields: [
    defineField({name: 'action', title: 'Action', type: 'string', options: {list: REVIEW_ACTIONS}}),
    defineField({
      name: 'status',
      title: 'Resulting status',
      type: 'string',
      options: {list: Object.entries(REVIEW_STATUS_TITLES).map(([value, title]) => ({value, title}))},
    }),
    defineField({name: 'userId', title: 'User id', type: 'string'}),
    defineField({name: 'userName', title: 'User', type: 'string'}),
    defineField({name: 'at', title: 'At', type: 'datetime'}),
    defineField({name: 'note', title: 'Note', type: 'text', rows: 2}),
    defineField({name: 'contentHash', title: 'Content hash', type: 'string'}),
    defineField({name: 'findings', title: 'Findings judged', type: 'array', of: [defineArrayMember({type: 'reviewFinding'})]}),
  ],
  preview: {
    select: {action: 'action', userName: 'userName', userId: 'userId', at: 'at', note: 'note'},
    // As the review panel's trail words it, in the editor's language (./i18n/previewLocale).
    prepare: ({action, userName, userId, at, note}) => {
      const option = REVIEW_ACTIONS.find((candidate) => candidate.value === action)
      return {
        title: option
          ? reviewPreviewText('panel.decision', {
              action: reviewPreviewLabel(`decision.${option.value}`, option.title),
              user: userName ?? userId ?? '?',
            })
          : userName,
        subtitle: [previewDateTime(at), note].filter(Boolean).join(PREVIEW_SEPARATOR),
      }
    },
  },
})

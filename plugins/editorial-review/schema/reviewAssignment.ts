import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType} from 'sanity'
import {PREVIEW_SEPARATOR, previewDateTime, reviewPreviewLabel, reviewPreviewText} from '../i18n/previewLocale'

export const ASSIGNMENT_ACTION_OPTIONS = [
  {title: 'Claimed', value: 'claim'},
  {title: 'Assigned', value: 'assign'},
  {title: 'Unassigned', value: 'unassign'},
  {title: 'Due time changed', value: 'setDue'},
  // Written by the cron (`npm run audit -- --overdue --notify`) once the due time passed.
  {title: 'Reported overdue', value: 'overdue'},
]

/** One entry of the assignment trail: who took, handed over or released the copy, or moved its due time. */
export const reviewAssignment = defineType({
  name: 'reviewAssignment',
  title: 'Assignment',
  type: 'object',
  icon: UserIcon,
  readOnly: true,
  fields: [
    defineField({name: 'action', title: 'Action', type: 'string', options: {list: ASSIGNMENT_ACTION_OPTIONS}}),
    defineField({name: 'userId', title: 'User id', type: 'string'}),
    defineField({name: 'userName', title: 'User', type: 'string'}),
    defineField({name: 'at', title: 'At', type: 'datetime'}),
    defineField({name: 'assignee', title: 'Assigned to', type: 'reviewAssignee'}),
    defineField({name: 'dueAt', title: 'Due', type: 'datetime'}),
    defineField({name: 'note', title: 'Note', type: 'text', rows: 2}),
  ],
  preview: {
    select: {action: 'action', userName: 'userName', assignee: 'assignee.userName', at: 'at', dueAt: 'dueAt'},
    // As the decisions read (./reviewDecision.ts), in the editor's language (../i18n/previewLocale).
    prepare: ({action, userName, assignee, at, dueAt}) => {
      const option = ASSIGNMENT_ACTION_OPTIONS.find((candidate) => candidate.value === action)
      return {
        title: reviewPreviewText('panel.decision', {
          action: option ? reviewPreviewLabel(`assignment.${option.value}`, option.title) : String(action ?? '?'),
          user: userName ?? '?',
        }),
        subtitle: [
          assignee && reviewPreviewText('assignment.to', {name: assignee}),
          dueAt && reviewPreviewText('assign.due', {date: previewDateTime(dueAt) ?? ''}),
          previewDateTime(at),
        ]
          .filter(Boolean)
          .join(PREVIEW_SEPARATOR),
      }
    },
  },
})

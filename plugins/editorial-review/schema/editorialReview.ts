import {EyeOpenIcon} from '@sanity/icons/EyeOpen'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {REVIEW_STATUS_TITLES} from '../constants'

/**
 * The review state a gated document carries. Read-only in the form: it changes only
 * through the review actions, which also append to the audit trail.
 */
export const editorialReview = defineType({
  name: 'editorialReview',
  title: 'Editorial review',
  type: 'object',
  icon: EyeOpenIcon,
  readOnly: true,
  fields: [
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      options: {list: Object.entries(REVIEW_STATUS_TITLES).map(([value, title]) => ({value, title}))},
    }),
    defineField({name: 'thirdParty', title: 'Third-party copy', type: 'boolean'}),
    defineField({name: 'contentHash', title: 'Content hash of the last decision', type: 'string'}),
    defineField({name: 'findings', title: 'Findings at import', type: 'array', of: [defineArrayMember({type: 'reviewFinding'})]}),
    defineField({name: 'decisions', title: 'Audit trail', type: 'array', of: [defineArrayMember({type: 'reviewDecision'})]}),
    defineField({name: 'assignee', title: 'Assigned to', type: 'reviewAssignee'}),
    defineField({
      name: 'assignments',
      title: 'Assignment trail',
      type: 'array',
      of: [defineArrayMember({type: 'reviewAssignment'})],
    }),
    // Read by the diff since approval, not by people: JSON text, so its references are not the document's.
    defineField({name: 'approvedContent', title: 'Approved content', type: 'text', hidden: true}),
  ],
  preview: {
    select: {status: 'status', thirdParty: 'thirdParty'},
    prepare: ({status, thirdParty}) => ({
      title: REVIEW_STATUS_TITLES[status as keyof typeof REVIEW_STATUS_TITLES] ?? 'Not reviewed',
      subtitle: thirdParty ? 'Third-party copy' : 'Own copy',
    }),
  },
})

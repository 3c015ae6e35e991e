import {ErrorOutlineIcon} from '@sanity/icons/ErrorOutline'
import {defineArrayMember, defineField, defineType} from 'sanity'

export const FINDING_SEVERITIES = [
  {title: 'Blocks publication', value: 'blocker'},
  {title: 'Warning', value: 'warning'},
  {title: 'Info', value: 'info'},
]

/** Why a document was flagged, as the detection rules found it. */
export const reviewFinding = defineType({
  name: 'reviewFinding',
  title: 'Finding',
  type: 'object',
  icon: ErrorOutlineIcon,
  readOnly: true,
  fields: [
    defineField({name: 'code', title: 'Rule', type: 'string'}),
    defineField({name: 'severity', title: 'Severity', type: 'string', options: {list: FINDING_SEVERITIES}}),
    defineField({name: 'message', title: 'Message', type: 'text', rows: 2}),
    defineField({name: 'evidence', title: 'Evidence', type: 'array', of: [defineArrayMember({type: 'reviewEvidence'})]}),
  ],
  preview: {
    select: {message: 'message', severity: 'severity', code: 'code'},
    prepare: ({message, severity, code}) => ({
      title: message ?? code ?? 'Finding',
      subtitle: [FINDING_SEVERITIES.find((option) => option.value === severity)?.title, code].filter(Boolean).join(' · '),
    }),
  },
})

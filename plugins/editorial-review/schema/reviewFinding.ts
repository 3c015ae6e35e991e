import {ErrorOutlineIcon} from '@sanity/icons/ErrorOutline'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {reviewPreviewLabel} from '../i18n/previewLocale'

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
    // The rule's name and the severity, for people and in the editor's language (./i18n/previewLocale);
    // the stored sentence is in the item, as the import recorded it.
    prepare: ({message, severity, code}) => {
      const option = FINDING_SEVERITIES.find((candidate) => candidate.value === severity)
      return {
        title: typeof code === 'string' ? reviewPreviewLabel(`rule.${code}`, message ?? code) : message,
        subtitle: option && reviewPreviewLabel(`severity.${option.value}`, option.title),
      }
    },
  },
})

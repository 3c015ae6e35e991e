import {HighlightIcon} from '@sanity/icons/Highlight'
import {defineField, defineType} from 'sanity'

/** Where a finding's passage stands: a field path and a character range in it. */
export const reviewEvidence = defineType({
  name: 'reviewEvidence',
  title: 'Evidence',
  type: 'object',
  icon: HighlightIcon,
  readOnly: true,
  fields: [
    defineField({name: 'path', title: 'Field path', type: 'string'}),
    defineField({name: 'start', title: 'Start', type: 'number'}),
    defineField({name: 'end', title: 'End', type: 'number'}),
    defineField({name: 'quote', title: 'Passage', type: 'text', rows: 2}),
  ],
  preview: {
    select: {quote: 'quote', path: 'path'},
    // No passage: no title, so the Studio says "Untitled" in the editor's language.
    prepare: ({quote, path}) => ({title: quote ? `“${quote}”` : undefined, subtitle: path}),
  },
})

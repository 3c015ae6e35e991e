import {SearchIcon} from '@sanity/icons/Search'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {requiredLanguage} from '../lib/language'
import {PREVIEW_SEPARATOR, schemaLabelText, schemaPreviewText} from '../i18n/previewLocale'
import {optionKey} from '../i18n/labels'

export const MARKER_KINDS = [
  {title: 'Disclaimer', value: 'disclaimer'},
  {title: 'Boilerplate', value: 'boilerplate'},
  {title: 'Category label', value: 'categoryLabel'},
]

/** A kind's option title in the preview locale (the distributor's keys: the object lives in its markers). */
function kindTitle(kind: unknown): string | undefined {
  const option = MARKER_KINDS.find((candidate) => candidate.value === kind)
  return option && schemaLabelText(optionKey('distributor', ['markers', 'phrases', 'kind'], option.value), option.title)
}

const TEMPLATE_PLACEHOLDERS = ['{mediaOutlets}', '{journalists}', '{desktops}', '{countries}', '{languages}']

/**
 * One phrase that identifies a distributor's copy in one language. The detection rules
 * and the import read these, so recognising a new wire is an edit here, not a release.
 */
export const markerPhrase = defineType({
  name: 'markerPhrase',
  title: 'Marker phrase',
  type: 'object',
  icon: SearchIcon,
  fields: [
    defineField({
      name: 'kind',
      title: 'Identifies',
      type: 'string',
      options: {list: MARKER_KINDS, layout: 'radio', direction: 'horizontal'},
      validation: (rule) => rule.required().error('Choose what this phrase identifies.'),
    }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      validation: requiredLanguage('this phrase'),
    }),
    defineField({
      name: 'text',
      title: 'Opening words',
      type: 'string',
      description: 'The literal words the paragraph starts with, or the label of a category line such as "Branchen:".',
      validation: (rule) =>
        rule
          .required()
          .min(3)
          .error('Copy at least the first few words of the paragraph exactly as the distributor writes them.'),
    }),
    defineField({
      name: 'template',
      title: 'Boilerplate template',
      type: 'text',
      rows: 4,
      description: `The whole boilerplate with ${TEMPLATE_PLACEHOLDERS.join(', ')} where the figures and the language list stand.`,
      hidden: ({parent}) => (parent as {kind?: string} | undefined)?.kind !== 'boilerplate',
      validation: (rule) =>
        rule.custom((template: string | undefined) => {
          if (!template) return true
          const missing = TEMPLATE_PLACEHOLDERS.filter((placeholder) => !template.includes(placeholder))
          return missing.length === 0 || `Add the placeholders ${missing.join(', ')} where those values stand in the text.`
        }),
    }),
    defineField({
      name: 'languageNames',
      title: 'Language names',
      type: 'array',
      description: 'How this boilerplate names the languages it lists, each with its tag.',
      hidden: ({parent}) => (parent as {kind?: string} | undefined)?.kind !== 'boilerplate',
      of: [defineArrayMember({type: 'languageName'})],
    }),
  ],
  preview: {
    select: {kind: 'kind', language: 'language', text: 'text'},
    prepare: ({kind, language, text}) => ({
      title: text ?? schemaPreviewText('preview.markerPhrase.empty'),
      subtitle: [kindTitle(kind), language].filter(Boolean).join(PREVIEW_SEPARATOR),
    }),
  },
})

import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {defineField, defineType} from 'sanity'
import {duplicateDisclaimersQuery} from '../../queries/validation'
import {requiredLanguage} from '../lib/language'
import {PREVIEW_SEPARATOR, schemaPreviewText} from '../i18n/previewLocale'

export const disclaimer = defineType({
  name: 'disclaimer',
  title: 'Disclaimer',
  type: 'document',
  icon: WarningOutlineIcon,
  fields: [
    defineField({
      name: 'distributor',
      title: 'Distributor',
      type: 'reference',
      to: [{type: 'distributor'}],
      validation: (rule) => rule.required().error('Choose the distributor whose disclaimer this is.'),
    }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      validation: (rule) => [
        ...requiredLanguage('the disclaimer')(rule),
        rule.custom(async (language: string | undefined, context) => {
          const distributorRef = (context.document as {distributor?: {_ref?: string}} | undefined)?.distributor?._ref
          if (!language || !distributorRef || !context.document) return true
          const id = context.document._id.replace(/^drafts\./, '')
          const duplicates = await context
            .getClient({apiVersion: '2025-02-19'})
            .fetch(duplicateDisclaimersQuery, {distributorRef, language, id})
          return duplicates === 0 || 'This distributor already has a disclaimer in this language. Edit that one instead.'
        }),
      ],
    }),
    defineField({
      name: 'text',
      title: 'Text',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.required().error('Paste the disclaimer exactly as the distributor requires it.'),
    }),
  ],
  preview: {
    select: {text: 'text', language: 'language', distributor: 'distributor.name'},
    prepare: ({text, language, distributor}) => ({
      title: text ?? schemaPreviewText('preview.disclaimer.empty'),
      subtitle: [distributor, language].filter(Boolean).join(PREVIEW_SEPARATOR),
    }),
  },
})

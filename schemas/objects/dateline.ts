import {PinIcon} from '@sanity/icons/Pin'
import {defineField, defineType} from 'sanity'
import {schemaPreviewText} from '../i18n/previewLocale'

export const dateline = defineType({
  name: 'dateline',
  title: 'Dateline',
  type: 'object',
  icon: PinIcon,
  description: 'Where the story was filed and which wire agency is credited, e.g. WASHINGTON (AP).',
  fields: [
    defineField({
      name: 'location',
      title: 'Location',
      type: 'string',
      description: 'As printed in the dateline, e.g. WASHINGTON.',
    }),
    defineField({
      name: 'agency',
      title: 'Credited agency',
      type: 'string',
      description: 'The wire agency the copy credits, e.g. AP or dpa. Leave empty for own reporting.',
    }),
  ],
  preview: {
    select: {location: 'location', agency: 'agency'},
    prepare: ({location, agency}) => ({
      title: [location, agency && `(${agency})`].filter(Boolean).join(' ') || schemaPreviewText('preview.dateline.empty'),
    }),
  },
})

import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'
import {schemaPreviewText} from '../i18n/previewLocale'

/**
 * An article's credit of a release it draws on: the reference lets the reuse rule see
 * that the source is credited, the label is what readers see (the public queries return it).
 */
export const sourceCredit = defineType({
  name: 'sourceCredit',
  title: 'Source credit',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'release',
      title: 'Press release',
      type: 'reference',
      to: [{type: 'pressRelease'}],
      // Imported releases are drafts until an editor publishes them; an article may credit one either way.
      weak: true,
      validation: (rule) => rule.required().error('Choose the press release this article draws on.'),
    }),
    defineField({
      name: 'label',
      title: 'Label',
      type: 'string',
      description: 'Shown to readers, e.g. “Based on a press release by Northwind Robotics”.',
      validation: (rule) => rule.required().error('Write the credit readers see, e.g. “Based on a press release by …”.'),
    }),
  ],
  preview: {
    select: {label: 'label', release: 'release.title'},
    prepare: ({label, release}) => ({title: label ?? schemaPreviewText('preview.sourceCredit.unlabelled'), subtitle: release}),
  },
})

import {TagIcon} from '@sanity/icons/Tag'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {schemaPreviewText} from '../i18n/previewLocale'

/** Everything that identifies a distributor's copy. */
export const distributorMarkers = defineType({
  name: 'distributorMarkers',
  title: 'Markers',
  type: 'object',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'datelineTags',
      title: 'Dateline tags',
      type: 'array',
      description: 'Exactly as they open the copy, e.g. "(SeaPRwire)" or "/PRNewswire/".',
      of: [defineArrayMember({type: 'string'})],
      validation: (rule) => rule.unique().error('Each dateline tag is listed once; remove the duplicate.'),
    }),
    defineField({
      name: 'domains',
      title: 'Domains',
      type: 'array',
      description: 'Links to these domains in the body point at the distributor, e.g. "seaprwire.com".',
      of: [
        defineArrayMember({
          type: 'string',
          validation: (rule) =>
            rule
              .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/)
              .error('Write the bare domain in lower case, without https:// or a path, e.g. "seaprwire.com".'),
        }),
      ],
    }),
    defineField({
      name: 'phrases',
      title: 'Phrases',
      type: 'array',
      description: 'Disclaimer, boilerplate and category-line phrases, one per language.',
      of: [defineArrayMember({type: 'markerPhrase'})],
    }),
  ],
  preview: {
    select: {tags: 'datelineTags'},
    prepare: ({tags}) => ({
      title: Array.isArray(tags) && tags.length > 0 ? tags.join(', ') : schemaPreviewText('preview.distributorMarkers.empty'),
    }),
  },
})

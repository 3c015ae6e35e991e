import {ShareIcon} from '@sanity/icons/Share'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {validateLanguageTag} from '../lib/language'
import {requiredSlug, slugifyTitle} from '../lib/slug'
import {WEB_URL_MESSAGE, WEB_URL_SCHEMES} from '../lib/url'
import {PREVIEW_SEPARATOR, schemaPreviewCount, schemaPreviewText} from '../i18n/previewLocale'

export const distributor = defineType({
  name: 'distributor',
  title: 'Distributor',
  type: 'document',
  icon: ShareIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required().error('Name the distributor as it signs its copy, e.g. SeaPRwire.'),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: {source: 'name', slugify: slugifyTitle},
      validation: (rule) => rule.custom(requiredSlug('Generate the slug from the name.')).error(),
    }),
    defineField({
      name: 'website',
      title: 'Website',
      type: 'url',
      validation: (rule) => rule.uri({scheme: WEB_URL_SCHEMES}).error(WEB_URL_MESSAGE),
    }),
    defineField({name: 'description', title: 'Description', type: 'text', rows: 3}),
    defineField({name: 'reach', title: 'Reach', type: 'reach'}),
    defineField({
      name: 'languages',
      title: 'Languages served',
      type: 'array',
      description: 'BCP 47 tags, e.g. "de", "zh-Hans".',
      of: [defineArrayMember({type: 'string', validation: (rule) => rule.custom(validateLanguageTag)})],
      validation: (rule) => rule.unique().error('List each language once; remove the duplicate.'),
    }),
    defineField({
      name: 'markers',
      title: 'Markers',
      type: 'distributorMarkers',
      description: 'The texts that identify this distributor’s copy. The review rules and the import read them.',
    }),
  ],
  preview: {
    select: {title: 'name', website: 'website', languages: 'languages'},
    prepare: ({title, website, languages}) => ({
      title: title ?? schemaPreviewText('preview.distributor.untitled'),
      subtitle: [
        website,
        Array.isArray(languages) ? schemaPreviewCount('preview.distributor.languages', languages.length) : undefined,
      ]
        .filter(Boolean)
        .join(PREVIEW_SEPARATOR),
    }),
  },
})

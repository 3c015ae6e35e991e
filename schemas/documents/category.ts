import {TagIcon} from '@sanity/icons/Tag'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {requiredLanguage} from '../lib/language'
import {requiredSlug, slugifyTitle} from '../lib/slug'
import {PREVIEW_SEPARATOR, schemaPreviewText} from '../i18n/previewLocale'

export const category = defineType({
  name: 'category',
  title: 'Category',
  type: 'document',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.required().error('Add the category name as readers see it, e.g. Top-Story.'),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: {source: 'title', slugify: slugifyTitle},
      validation: (rule) => rule.custom(requiredSlug('Generate the slug from the title.')).error(),
    }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      validation: requiredLanguage('the category name'),
    }),
    defineField({
      name: 'translations',
      title: 'Same category in other languages',
      type: 'array',
      description: 'E.g. "Top-Story" (de) ↔ "Top Story" (en).',
      of: [defineArrayMember({type: 'reference', to: [{type: 'category'}], weak: true})],
      validation: (rule) => rule.unique().error('Link each translation once; remove the duplicate.'),
    }),
  ],
  preview: {
    select: {title: 'title', language: 'language', slug: 'slug.current'},
    prepare: ({title, language, slug}) => ({
      title: title ?? schemaPreviewText('preview.category.untitled'),
      subtitle: [language, slug].filter(Boolean).join(PREVIEW_SEPARATOR),
    }),
  },
})

import {ComposeIcon} from '@sanity/icons/Compose'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {requiredLanguage} from '../lib/language'
import {slugifyTitle} from '../lib/slug'
import {previewedDocument, REVIEW_PREVIEW_SELECT, reviewSubtitle} from '../lib/reviewPreview'
import {localizedGroups} from '../i18n/labels'
import {schemaPreviewText} from '../i18n/previewLocale'
import {REVIEW_POLICY} from '../../config/reviewPolicy'
import {publicationGate} from '../../plugins/editorial-review/validation'

/**
 * The newsroom's own copy. It is reviewed like a release: copy that reuses imported
 * releases above the policy's threshold cannot go live until a reviewer approves it or
 * it credits its sources.
 */
export const article = defineType({
  name: 'article',
  title: 'Article',
  type: 'document',
  icon: ComposeIcon,
  groups: localizedGroups('article', [
    {name: 'content', title: 'Content', default: true},
    {name: 'sources', title: 'Sources'},
    {name: 'review', title: 'Review'},
  ]),
  validation: (rule) => rule.custom(publicationGate(REVIEW_POLICY)),
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'content',
      validation: (rule) => rule.required().error('Add a title: it heads the article and builds the slug.'),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      group: 'content',
      options: {source: 'title', slugify: slugifyTitle, maxLength: 96},
      validation: (rule) => rule.required().error('Generate the slug from the title, or type one: the article URL needs it.'),
    }),
    defineField({name: 'author', title: 'Author', type: 'string', group: 'content'}),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      group: 'content',
      description: 'BCP 47 tag of the copy, e.g. "de" or "en-GB".',
      validation: requiredLanguage('the copy'),
    }),
    defineField({name: 'body', title: 'Body', type: 'blockContent', group: 'content'}),
    defineField({
      name: 'categories',
      title: 'Categories',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({type: 'reference', to: [{type: 'category'}]})],
      validation: (rule) => rule.unique().error('Each category is listed once; remove the duplicate.'),
    }),
    defineField({
      name: 'credits',
      title: 'Source credits',
      type: 'array',
      group: 'sources',
      description: 'The press releases this article draws on, each with the credit readers see.',
      of: [defineArrayMember({type: 'sourceCredit'})],
    }),
    defineField({name: 'review', title: 'Editorial review', type: 'editorialReview', group: 'review', readOnly: true}),
  ],
  preview: {
    // Everything the content hash covers, so the list can tell an outdated approval.
    select: {
      title: 'title',
      body: 'body',
      language: 'language',
      categories: 'categories',
      credits: 'credits',
      author: 'author',
      ...REVIEW_PREVIEW_SELECT,
    },
    prepare: ({author, ...selected}) => {
      const document = previewedDocument(selected)
      return {
        title: document.title ?? schemaPreviewText('preview.article.untitled'),
        subtitle: reviewSubtitle(typeof author === 'string' ? author : undefined, document),
      }
    },
  },
})

import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {requiredLanguage} from '../lib/language'
import {requiredSlug, slugifyTitle} from '../lib/slug'
import {localizedGroups} from '../i18n/labels'
import {schemaPreviewText} from '../i18n/previewLocale'
import {previewedDocument, REVIEW_PREVIEW_SELECT, reviewSubtitle} from '../lib/reviewPreview'
import {REVIEW_POLICY} from '../../config/reviewPolicy'
import {publicationGate} from '../../plugins/editorial-review/validation'

export const pressRelease = defineType({
  name: 'pressRelease',
  title: 'Press release',
  type: 'document',
  icon: DocumentTextIcon,
  groups: localizedGroups('pressRelease', [
    {name: 'content', title: 'Content', default: true},
    {name: 'source', title: 'Source'},
    {name: 'review', title: 'Review'},
  ]),
  // Releases and schedules publish only valid documents, so the gate travels with validation.
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
      // Not `rule.required().error(…)`: that message would replace the slug type's own
      // uniqueness check too, and a duplicate's clash would read as a missing slug.
      validation: (rule) =>
        rule.custom(requiredSlug('Generate the slug from the title, or type one: the article URL needs it.')).error(),
    }),
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      group: 'content',
      description: 'BCP 47 tag of the copy, e.g. "de" or "en-GB".',
      validation: requiredLanguage('the copy'),
    }),
    defineField({name: 'dateline', title: 'Dateline', type: 'dateline', group: 'content'}),
    defineField({name: 'body', title: 'Body', type: 'blockContent', group: 'content'}),
    defineField({
      name: 'categories',
      title: 'Categories',
      type: 'array',
      group: 'content',
      of: [defineArrayMember({type: 'reference', to: [{type: 'category'}]})],
      validation: (rule) => [
        rule.required().min(1).error('Add at least one category so the release appears in a section.'),
        rule.unique().error('Each category is listed once; remove the duplicate.'),
      ],
    }),
    defineField({name: 'publishedAt', title: 'Published at', type: 'datetime', group: 'content'}),
    defineField({
      name: 'distributor',
      title: 'Distributor',
      type: 'reference',
      group: 'source',
      to: [{type: 'distributor'}],
      description: 'The wire that delivered this copy. Set means third-party copy: it needs review.',
    }),
    defineField({
      name: 'disclaimer',
      title: 'Disclaimer',
      type: 'reference',
      group: 'source',
      to: [{type: 'disclaimer'}],
      description: "The distributor's disclaimer in the release's language, shown with the article.",
      options: {
        filter: ({document}) => {
          const distributor = (document as {distributor?: {_ref?: string}}).distributor?._ref
          const language = (document as {language?: string}).language
          return distributor
            ? {
                filter: 'distributor._ref == $distributor && (!defined($language) || language == $language)',
                params: {distributor, language},
              }
            : {filter: 'true'}
        },
      },
    }),
    defineField({name: 'receivedAt', title: 'Received at', type: 'datetime', group: 'source'}),
    defineField({
      name: 'infoSources',
      title: 'Information sources',
      type: 'array',
      group: 'source',
      description: 'Who distributed and who originated the copy (IPTC ninjs infosources).',
      of: [defineArrayMember({type: 'infoSource'})],
    }),
    defineField({
      name: 'usageTerms',
      title: 'Usage terms',
      type: 'text',
      rows: 3,
      group: 'source',
      description: 'Rights and conditions the source attaches to the copy (IPTC ninjs usageterms).',
    }),
    defineField({name: 'source', title: 'Source file', type: 'importSource', group: 'source', readOnly: true}),
    // Written by the import for the reuse check's candidate query; derived data, so hidden.
    defineField({
      name: 'reuse',
      title: 'Reuse fingerprint',
      type: 'reuseFingerprint',
      group: 'source',
      readOnly: true,
      hidden: true,
    }),
    defineField({name: 'review', title: 'Editorial review', type: 'editorialReview', group: 'review', readOnly: true}),
  ],
  preview: {
    // Everything the content hash covers, so the list can tell an outdated approval.
    select: {
      title: 'title',
      body: 'body',
      dateline: 'dateline',
      language: 'language',
      distributor: 'distributor',
      distributorName: 'distributor.name',
      disclaimer: 'disclaimer',
      categories: 'categories',
      ...REVIEW_PREVIEW_SELECT,
    },
    prepare: ({distributorName, ...selected}) => {
      const document = previewedDocument(selected)
      return {
        title: document.title ?? schemaPreviewText('preview.pressRelease.untitled'),
        subtitle: reviewSubtitle(
          distributorName ??
            schemaPreviewText(document.review?.thirdParty ? 'preview.pressRelease.third-party' : 'preview.pressRelease.own-copy'),
          document,
        ),
      }
    },
  },
})

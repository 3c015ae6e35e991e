import {TranslateIcon} from '@sanity/icons/Translate'
import {defineField, defineType} from 'sanity'
import {validateLanguageTag} from '../lib/language'
import {schemaPreviewText} from '../i18n/previewLocale'

/** A language as a distributor's boilerplate names it ("Vereinfachtem Chinesisch"), and its tag. */
export const languageName = defineType({
  name: 'languageName',
  title: 'Language name',
  type: 'object',
  icon: TranslateIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name as written',
      type: 'string',
      validation: (rule) => rule.required().error('Copy the language name exactly as the boilerplate writes it.'),
    }),
    defineField({
      name: 'code',
      title: 'BCP 47 tag',
      type: 'string',
      validation: (rule) => [rule.required().error('Add the language tag, e.g. "zh-Hans".'), rule.custom(validateLanguageTag)],
    }),
  ],
  preview: {
    select: {name: 'name', code: 'code'},
    prepare: ({name, code}) => ({title: name ?? schemaPreviewText('preview.languageName.unnamed'), subtitle: code}),
  },
})

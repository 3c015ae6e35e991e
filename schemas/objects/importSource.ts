import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineField, defineType} from 'sanity'
import {schemaPreviewText} from '../i18n/previewLocale'

/** The copy exactly as received, kept so a reviewer can compare it with the edit. */
export const importSource = defineType({
  name: 'importSource',
  title: 'Source',
  type: 'object',
  icon: DocumentTextIcon,
  readOnly: true,
  fields: [
    defineField({name: 'fileName', title: 'File name', type: 'string'}),
    defineField({name: 'checksum', title: 'Checksum', type: 'string', description: 'SHA-256 of the file as received.'}),
    defineField({name: 'importedAt', title: 'Imported at', type: 'datetime'}),
    defineField({name: 'originalText', title: 'Original text', type: 'text', rows: 12}),
    defineField({
      name: 'importedHash',
      title: 'Content hash at import',
      type: 'string',
      description: 'Lets a re-run tell an untouched import from one an editor changed.',
    }),
  ],
  preview: {
    select: {fileName: 'fileName', importedAt: 'importedAt'},
    prepare: ({fileName, importedAt}) => ({
      title: fileName ?? schemaPreviewText('preview.importSource.unknown'),
      subtitle: importedAt,
    }),
  },
})

import {EarthGlobeIcon} from '@sanity/icons/EarthGlobe'
import {defineField, defineType} from 'sanity'
import {schemaPreviewText} from '../i18n/previewLocale'

const count = (name: string, title: string) =>
  defineField({
    name,
    title,
    type: 'number',
    validation: (rule) => rule.integer().min(0).error(`Enter ${title.toLowerCase()} as a whole number, e.g. 6500.`),
  })

/** Reach as the distributor advertises it, stored as numbers so it can be compared. */
export const reach = defineType({
  name: 'reach',
  title: 'Reach',
  type: 'object',
  icon: EarthGlobeIcon,
  fields: [
    count('mediaOutlets', 'Media outlets'),
    count('journalists', 'Editors and journalists'),
    count('desktops', 'Professional desktops'),
    count('countries', 'Countries'),
  ],
  preview: {
    select: {mediaOutlets: 'mediaOutlets', countries: 'countries'},
    prepare: ({mediaOutlets, countries}) => ({
      title: schemaPreviewText('preview.reach', {mediaOutlets: String(mediaOutlets ?? '?'), countries: String(countries ?? '?')}),
    }),
  },
})

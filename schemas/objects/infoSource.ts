import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'
import {optionKey} from '../i18n/labels'
import {schemaLabelText, schemaPreviewText} from '../i18n/previewLocale'
import {WEB_URL_MESSAGE, WEB_URL_SCHEMES} from '../lib/url'

/** A party in the copy's provenance, after IPTC ninjs `infosources`. */
export const INFO_SOURCE_ROLES = [
  {title: 'Distributor (passed the copy on)', value: 'distributor'},
  {title: 'Originator (wrote the copy)', value: 'originator'},
]

/** The role's option title in the preview locale (the press release's keys; the same words wherever the object is used). */
function roleTitle(role: unknown): string | undefined {
  const option = INFO_SOURCE_ROLES.find((candidate) => candidate.value === role)
  return option && schemaLabelText(optionKey('pressRelease', ['infoSources', 'role'], option.value), option.title)
}

export const infoSource = defineType({
  name: 'infoSource',
  title: 'Information source',
  type: 'object',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required().error('Name the source, e.g. SeaPRwire or AP.'),
    }),
    defineField({
      name: 'role',
      title: 'Role',
      type: 'string',
      options: {list: INFO_SOURCE_ROLES, layout: 'radio', direction: 'horizontal'},
      validation: (rule) => rule.required().error('Choose whether this source distributed or originated the copy.'),
    }),
    defineField({
      name: 'uri',
      title: 'Web address',
      type: 'url',
      validation: (rule) => rule.uri({scheme: WEB_URL_SCHEMES}).error(WEB_URL_MESSAGE),
    }),
  ],
  preview: {
    select: {name: 'name', role: 'role'},
    prepare: ({name, role}) => ({
      title: name ?? schemaPreviewText('preview.infoSource.unnamed'),
      subtitle: roleTitle(role),
    }),
  },
})

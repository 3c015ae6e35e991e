import {HashIcon} from '@sanity/icons/Hash'
import {defineArrayMember, defineField, defineType} from 'sanity'

/**
 * A release's reuse fingerprints (plugins/editorial-review/rules/reuse/fingerprint.ts),
 * written by the import, so the candidate query (queries/reuse.ts) finds the releases an
 * article may draw on. Derived data: hidden and read-only in the Studio.
 */
export const reuseFingerprint = defineType({
  name: 'reuseFingerprint',
  title: 'Reuse fingerprint',
  type: 'object',
  icon: HashIcon,
  readOnly: true,
  fields: [
    defineField({name: 'version', title: 'Version', type: 'number'}),
    defineField({
      name: 'hashes',
      title: 'Hashes',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      description: 'Sampled hashes of five-word shingles of the body, without disclaimers and boilerplate.',
    }),
  ],
})

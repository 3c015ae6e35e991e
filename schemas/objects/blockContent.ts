import {BlockContentIcon} from '@sanity/icons/BlockContent'
import {LinkIcon} from '@sanity/icons/Link'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {WEB_URL_MESSAGE, WEB_URL_SCHEMES} from '../lib/url'

/** Body copy: paragraphs and web links, nothing a wire could smuggle script through. */
export const blockContent = defineType({
  name: 'blockContent',
  title: 'Body',
  type: 'array',
  icon: BlockContentIcon,
  of: [
    defineArrayMember({
      type: 'block',
      // Styles and lists stay English in a German Studio: Sanity 6.9.2's schema validator refuses
      // their `i18nTitleKey` ("unknown property"), though its types and toolbar know it.
      styles: [
        {title: 'Paragraph', value: 'normal'},
        {title: 'Heading', value: 'h2'},
        {title: 'Subheading', value: 'h3'},
        {title: 'Quote', value: 'blockquote'},
      ],
      lists: [{title: 'Bullet', value: 'bullet'}],
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

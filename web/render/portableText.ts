/**
 * Body copy to HTML with @portabletext/to-html. Text is escaped by the library; links
 * become anchors only for http(s) addresses; anything the schema does not know (an
 * embed a wire smuggled in) renders as nothing rather than as its raw data.
 */
import {toHTML, type PortableTextHtmlComponents} from '@portabletext/to-html'
import type {PortableTextBlock} from '@portabletext/types'
import {escapeHtml, trusted, type SafeHtml} from './html'
import {safeWebUrl} from './url'

const components: Partial<PortableTextHtmlComponents> = {
  marks: {
    link: ({children, value}) => {
      const href = safeWebUrl(typeof value?.href === 'string' ? value.href : undefined)
      // An unsafe address keeps its text but loses the link.
      return href ? `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer">${children}</a>` : children
    },
  },
  unknownType: () => '',
  unknownMark: ({children}) => children,
}

/** The body as HTML; an empty body gives empty markup. */
export function bodyHtml(body: readonly unknown[] | null | undefined): SafeHtml {
  if (!body || body.length === 0) return trusted('')
  return trusted(
    toHTML(body as PortableTextBlock[], {
      components,
      onMissingComponent: false,
    }),
  )
}

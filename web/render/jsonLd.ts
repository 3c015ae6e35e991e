/**
 * schema.org `NewsArticle` for a release, with `dateline` and, for third-party copy,
 * `sourceOrganization` (the distributor). Emitted inside <script type="application/ld+json">,
 * where HTML escaping does not apply, so the JSON itself is made unable to close the
 * element: every `<`, `>` and `&` becomes a \u escape, which JSON parsers read back as
 * the same character.
 */
import type {PublicReleaseBySlugQueryResult} from '../../sanity.types'
import {datelineText} from './dateline'
import {trusted, type SafeHtml} from './html'
import {safeWebUrl} from './url'

type Release = NonNullable<PublicReleaseBySlugQueryResult>

/** The NewsArticle object; `url` is the page's own absolute address. */
export function newsArticle(release: Release, url: string): Record<string, unknown> {
  const website = safeWebUrl(release.distributor?.website)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: release.title ?? '',
    url,
    inLanguage: release.language ?? undefined,
    datePublished: release.publishedAt,
    dateline: datelineText(release.dateline),
    articleSection: release.categories?.map((category) => category?.title).filter(Boolean),
    sourceOrganization: release.distributor?.name
      ? {'@type': 'Organization', name: release.distributor.name, ...(website ? {url: website} : {})}
      : undefined,
    // Search engines read this as the disclosure that the piece is not the newsroom's own.
    ...(release.thirdParty && release.disclaimer?.text ? {backstory: release.disclaimer.text} : {}),
  }
}

const SCRIPT_SAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/** JSON that cannot end a <script> element or open a comment inside it. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_SAFE[char]!)
}

export function jsonLdScript(value: unknown): SafeHtml {
  return trusted(`<script type="application/ld+json">${scriptSafeJson(value)}</script>`)
}

/** The article page: headline, dateline, disclosure, body and JSON-LD. */
import type {PublicReleaseBySlugQueryResult} from '../../sanity.types'
import {datelineText, displayDate} from './dateline'
import {html} from './html'
import {jsonLdScript, newsArticle} from './jsonLd'
import {disclosure} from './labels'
import {page} from './layout'
import {bodyHtml} from './portableText'

export interface ReleasePageOptions {
  /** The query result; never null here (the router answers 404 first). */
  release: NonNullable<PublicReleaseBySlugQueryResult>
  /** The page's absolute URL, for JSON-LD. */
  url: string
}

export function releasePage({release, url}: ReleasePageOptions): string {
  const title = release.title ?? 'Untitled'
  const dateline = datelineText(release.dateline)
  const date = displayDate(release.publishedAt)
  const categories = (release.categories ?? []).flatMap((category) => (category?.title ? [category.title] : []))
  return page({
    title,
    head: jsonLdScript(newsArticle(release, url)),
    body: html`<article lang="${release.language ?? ''}">
<h1 data-testid="headline">${title}</h1>
<p class="meta">${dateline ? html`<span class="dateline" data-testid="dateline">${dateline}</span>` : ''}${dateline && date ? ' · ' : ''}${date ? html`<time datetime="${release.publishedAt}">${date}</time>` : ''}</p>
${disclosure(release)}
<div class="body">${bodyHtml(release.body)}</div>
${categories.length ? html`<p class="meta">Categories: ${categories.join(', ')}</p>` : ''}
</article>`,
  })
}

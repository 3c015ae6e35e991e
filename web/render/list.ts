/** The list page: public releases, newest first, with their labels and a category menu. */
import type {CategoriesWithCountsQueryResult, PublicReleasesQueryResult} from '../../sanity.types'
import {datelineText, displayDate} from './dateline'
import {html, type SafeHtml} from './html'
import {labelBadge} from './labels'
import {page} from './layout'

export interface ListFilters {
  /** BCP 47 language, or null for all. */
  language: string | null
  /** Category slug, or null for all. */
  category: string | null
  /** Distributor slug, or null for all. */
  distributor: string | null
  /** 1-based page number. */
  page: number
}

export interface ListPageOptions {
  /** The query result for this page. */
  releases: PublicReleasesQueryResult
  /** Categories for the menu. */
  categories: CategoriesWithCountsQueryResult
  /** The filters the page was requested with. */
  filters: ListFilters
  /** Entries per page. */
  pageSize: number
}

/** A list URL with the given filters; only the filters that are set appear. */
export function listHref(filters: ListFilters): string {
  const params = new URLSearchParams()
  if (filters.language) params.set('language', filters.language)
  if (filters.category) params.set('category', filters.category)
  if (filters.distributor) params.set('distributor', filters.distributor)
  if (filters.page > 1) params.set('page', String(filters.page))
  const query = params.toString()
  return query ? `/?${query}` : '/'
}

export function releaseHref(slug: string): string {
  return `/releases/${encodeURIComponent(slug)}`
}

function entry(release: PublicReleasesQueryResult['items'][number]): SafeHtml {
  const title = release.title ?? 'Untitled'
  const heading = release.slug ? html`<a href="${releaseHref(release.slug)}">${title}</a>` : html`${title}`
  const meta = [datelineText(release.dateline), displayDate(release.publishedAt)].filter(Boolean).join(' · ')
  return html`<li lang="${release.language ?? ''}"><h2>${heading}</h2>${labelBadge(release)}<p class="meta">${meta}</p></li>`
}

function categoryMenu(categories: CategoriesWithCountsQueryResult, filters: ListFilters): SafeHtml {
  const shown = categories.filter((category) => category.slug && category.count > 0)
  if (shown.length === 0) return html``
  return html`<nav aria-label="Categories"><ul>${shown.map(
    (category) =>
      html`<li><a href="${listHref({...filters, category: category.slug, page: 1})}">${category.title ?? category.slug}</a> (${category.count})</li>`,
  )}</ul></nav>`
}

function pager(total: number, filters: ListFilters, pageSize: number): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages === 1) return html``
  const previous = filters.page > 1 ? html`<a rel="prev" href="${listHref({...filters, page: filters.page - 1})}">Newer</a>` : ''
  const next = filters.page < pages ? html`<a rel="next" href="${listHref({...filters, page: filters.page + 1})}">Older</a>` : ''
  return html`<p class="pager">${previous}<span>Page ${filters.page} of ${pages}</span>${next}</p>`
}

/** Which filters are on, and the way back to everything. */
function filterSummary(filters: ListFilters): SafeHtml {
  const active = (['language', 'category', 'distributor'] as const).flatMap((name) =>
    filters[name] ? [`${name} “${filters[name]}”`] : [],
  )
  if (active.length === 0) return html``
  return html`<p class="meta">Filtered by ${active.join(', ')} · <a href="/">Show all</a></p>`
}

export function listPage(options: ListPageOptions): string {
  const {releases, categories, filters, pageSize} = options
  const items = releases.items.length
    ? html`<ul class="releases">${releases.items.map(entry)}</ul>`
    : html`<p>${releases.total > 0 ? 'No press releases on this page.' : 'No press releases are published yet.'}</p>`
  return page({
    title: 'Press releases',
    body: html`<h1>Press releases</h1>${categoryMenu(categories, filters)}${filterSummary(filters)}${items}${pager(releases.total, filters, pageSize)}`,
  })
}

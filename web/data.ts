/**
 * The front-end's reads: the public queries, always with the `published` perspective,
 * so a token with draft access (the local lake's default user is an administrator)
 * still never shows a draft.
 */
import type {SanityClient} from '@sanity/client'
import {categoriesWithCountsQuery, publicReleaseBySlugQuery, publicReleasesQuery} from '../queries/public'
import type {CategoriesWithCountsQueryResult, PublicReleaseBySlugQueryResult, PublicReleasesQueryResult} from '../sanity.types'

export interface ReleaseListRequest {
  /** First entry, 0-based. */
  start: number
  /** One past the last entry. */
  end: number
  /** BCP 47 language, or null for all. */
  language: string | null
  /** Category slug, or null for all. */
  category: string | null
  /** Distributor slug, or null for all. */
  distributor: string | null
}

export interface PublicData {
  releases(request: ReleaseListRequest): Promise<PublicReleasesQueryResult>
  release(slug: string): Promise<PublicReleaseBySlugQueryResult>
  categories(language: string | null): Promise<CategoriesWithCountsQueryResult>
}

export function publicData(client: SanityClient): PublicData {
  const published = client.withConfig({perspective: 'published', useCdn: false})
  return {
    releases: (request) => published.fetch(publicReleasesQuery, {...request}),
    release: (slug) => published.fetch(publicReleaseBySlugQuery, {slug}),
    categories: (language) => published.fetch(categoriesWithCountsQuery, {language}),
  }
}

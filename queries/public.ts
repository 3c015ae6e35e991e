/**
 * Queries for public front-ends. Run them with the `published` perspective (see
 * web/data.ts); they also filter drafts and versions out themselves. Each returns only
 * releases that pass the publication gate, with what a page needs to label them.
 */
import {defineQuery} from 'groq'
import {CREDIT_FIELDS, PUBLIC_ARTICLE, PUBLIC_RELEASE, PUBLISHED_ONLY, RELEASE_CARD_FIELDS, RELEASE_FILTERS} from './fragments'

/**
 * One page of public releases, newest first, with the total for pagination.
 * Params: `$start`, `$end` (slice, end exclusive), `$language`, `$category` (category
 * slug), `$distributor` (distributor slug); null filters mean no filter.
 */
export const publicReleasesQuery = defineQuery(`{
  "total": count(*[${PUBLIC_RELEASE} && ${RELEASE_FILTERS}]),
  "items": *[${PUBLIC_RELEASE} && ${RELEASE_FILTERS}]
    | order(coalesce(publishedAt, _createdAt) desc, _id asc) [$start...$end] {
    ${RELEASE_CARD_FIELDS}
  }
}`)

/** One public release by `$slug`, with its body and sources; null when none passes the gate. */
export const publicReleaseBySlugQuery = defineQuery(`*[${PUBLIC_RELEASE} && slug.current == $slug] | order(_id asc) [0] {
  ${RELEASE_CARD_FIELDS},
  body,
  receivedAt,
  usageTerms,
  "infoSources": infoSources[]{name, role, uri}
}`)

/**
 * Categories with the number of public releases in each, optionally only those in
 * `$language` (null: all languages). Categories without public releases count 0.
 */
export const categoriesWithCountsQuery =
  defineQuery(`*[_type == "category" && ${PUBLISHED_ONLY} && ($language == null || language == $language)]
  | order(title asc, _id asc) {
  title,
  "slug": slug.current,
  language,
  "count": count(*[${PUBLIC_RELEASE} && ^._id in categories[]._ref])
}`)

/**
 * One public article by `$slug`, with the credits of the releases it draws on (label and
 * release); null when none passes the gate. Params: `$slug`.
 */
export const publicArticleBySlugQuery = defineQuery(`*[${PUBLIC_ARTICLE} && slug.current == $slug] | order(_id asc) [0] {
  _id,
  title,
  "slug": slug.current,
  author,
  language,
  "publishedAt": _createdAt,
  "categories": categories[]->{title, "slug": slug.current},
  body,
  ${CREDIT_FIELDS}
}`)

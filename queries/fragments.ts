/**
 * GROQ fragments shared by the query modules. They are constant text, never built from
 * input: every value a caller supplies travels as a `$param`. TypeGen resolves these
 * interpolations, so the generated result types cover the full queries.
 */

/**
 * Not a draft and not a content-release version. The public queries carry this filter
 * themselves, so they stay publication-safe even when a caller forgets to ask for the
 * `published` perspective: with `raw` drafts would come back too, and with `drafts` or
 * a release perspective a draft is shown under its published `_id`, with `_originalId`
 * telling where it really came from.
 */
export const PUBLISHED_ONLY = `!(coalesce(_originalId, _id) in path("drafts.**")) && !(coalesce(_originalId, _id) in path("versions.**"))`

/**
 * The publication gate, as GROQ can state it: copy is public when it is not third-party
 * (neither flagged at import or review nor delivered by a distributor), or when a
 * reviewer approved it.
 *
 * GROQ cannot recompute the content hash, so it trusts `review.status` on the published
 * document. That is sound for everything published through the Studio or the local lake:
 * both run `canPublish`, which checks the approval's hash against the content at publish
 * time, and the published document cannot change afterwards without another publish
 * through the same gate. What it cannot see is a direct API write on a hosted project
 * (a script with a write token bypasses the Studio): that is what `npm run audit`
 * catches, by recomputing `contentHash` for every published document.
 *
 * `defined(distributor)` counts as third-party too, stricter than `review.thirdParty`
 * alone: a document written without its review field must not slip through.
 */
export const PASSES_GATE = `(review.status == "approved" || (review.thirdParty != true && !defined(distributor)))`

/** A press release a public page may show. */
export const PUBLIC_RELEASE = `_type == "pressRelease" && ${PUBLISHED_ONLY} && ${PASSES_GATE}`

/** An article of the newsroom's own a public page may show: the same gate (reuse of releases flags it for review). */
export const PUBLIC_ARTICLE = `_type == "article" && ${PUBLISHED_ONLY} && ${PASSES_GATE}`

/** An article's credits of the releases it draws on: the label readers see, and the release when it is public. */
export const CREDIT_FIELDS = `"credits": credits[defined(label)]{
    label,
    "release": release->{title, "slug": slug.current}
  }`

/** Optional filters of the list; a null parameter means "no filter". */
export const RELEASE_FILTERS = `($language == null || language == $language)
  && ($category == null || $category in categories[]->slug.current)
  && ($distributor == null || distributor->slug.current == $distributor)`

/**
 * What every public page needs to label third-party copy: the flag, who distributed
 * it, and the disclaimer in the release's language. The disclaimer is the referenced
 * one, else the distributor's published disclaimer in the same language.
 */
export const LABEL_FIELDS = `"thirdParty": review.thirdParty == true || defined(distributor),
  "distributor": distributor->{name, website},
  "disclaimer": coalesce(
    disclaimer->{text, language},
    *[_type == "disclaimer" && ${PUBLISHED_ONLY} && defined(^.distributor._ref) && defined(^.language)
      && distributor._ref == ^.distributor._ref && language == ^.language] | order(_id asc) [0]{text, language}
  )`

/** The fields a list entry shows. */
export const RELEASE_CARD_FIELDS = `_id,
  title,
  "slug": slug.current,
  language,
  "publishedAt": coalesce(publishedAt, _createdAt),
  dateline{location, agency},
  "categories": categories[]->{title, "slug": slug.current},
  ${LABEL_FIELDS}`

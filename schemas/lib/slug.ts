import slugify from '@sindresorhus/slugify'

/** Longest slug we generate; Sanity's default is 200, URLs read better shorter. */
export const SLUG_MAX_LENGTH = 96

/**
 * German newsrooms expect "Gespräche" → "gespraeche", not "gesprache": the slug library
 * transliterates umlauts and ß the German way. Cuts at a word boundary.
 */
export function slugifyTitle(title: string): string {
  const slug = slugify(title, {decamelize: false})
  if (slug.length <= SLUG_MAX_LENGTH) return slug
  const cut = slug.slice(0, SLUG_MAX_LENGTH + 1)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, SLUG_MAX_LENGTH)).replace(/-+$/, '')
}

/**
 * A required slug whose message is its own: the slug type's uniqueness check keeps its
 * message ("Slug is already in use"), which a `.error()` on the same rule would replace.
 */
export function requiredSlug(message: string) {
  return (value: {current?: string} | undefined) => (value?.current?.trim() ? true : message)
}

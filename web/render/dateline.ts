/** The dateline as newspapers print it: "WASHINGTON (AP)". */
export interface DatelineFields {
  /** Where the story was filed. */
  location: string | null
  /** The credited wire agency. */
  agency: string | null
}

export function datelineText(dateline: DatelineFields | null | undefined): string | undefined {
  if (!dateline) return undefined
  const text = [dateline.location, dateline.agency ? `(${dateline.agency})` : undefined].filter(Boolean).join(' ')
  return text || undefined
}

/** A date for readers, in UTC so the server's time zone never changes the page. */
export function displayDate(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return undefined
  return date.toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'})
}

/** Links to the outside world: only absolute http and https addresses become `href`s. */
const WEB_SCHEMES = new Set(['http:', 'https:'])

/** The address normalised by the URL parser, or undefined for anything but http(s). */
export function safeWebUrl(address: string | null | undefined): string | undefined {
  if (!address) return undefined
  try {
    const url = new URL(address.trim())
    return WEB_SCHEMES.has(url.protocol) ? url.href : undefined
  } catch {
    return undefined
  }
}

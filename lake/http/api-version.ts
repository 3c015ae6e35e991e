/**
 * API versions as Sanity accepts them: `v1` (the original API), `vX` (experimental, the
 * newest behaviour) or `vYYYY-MM-DD`, a real UTC date that is not in the future.
 */

/** The first path segment when it looks like a version (`/v…`); validated separately so a bad one gets a 400 that says why. */
export const VERSION_SEGMENT = /^\/v([^/]*)(?=\/|$)/

const DATE_VERSION = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** Why `version` (without the `v`) is not an API version, or undefined when it is. */
export function apiVersionRefusal(version: string, now = Date.now()): string | undefined {
  if (version === '1' || version === 'X') return undefined
  const m = DATE_VERSION.exec(version)
  if (!m) return 'expected `1`, `X` or a date in format `YYYY-MM-DD`'
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = Date.UTC(year, month - 1, day)
  const real = new Date(date)
  if (real.getUTCFullYear() !== year || real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day)
    return 'it is not a real date'
  // Tomorrow in UTC is still today somewhere (Sanity's client only warns about it); later dates are refused.
  if (date > Math.floor(now / DAY_MS) * DAY_MS + DAY_MS) return 'it is in the future'
  return undefined
}

/**
 * The one reader of a story's dateline — "WASHINGTON (AP) —", "LONDON, May 3 (Reuters) -",
 * "Berlin (dpa) -", "HAMBURG —" — shared by the agency-copy rule and the import, so
 * both see the same place and the same agency in the same text.
 */
import {compiledAgencies, creditedAgencies} from './agencies'
import {DASH} from './match'
import type {WireAgency} from './types'

export interface DatelineMatch {
  /** Offset of the place's first character. */
  start: number
  /** Offset just past the dash that closes the dateline. */
  end: number
  /** The place as written, e.g. "WASHINGTON" or "Frankfurt/Main". */
  location: string
  /** Agencies the dateline credits, in its order; empty for a place alone. */
  agencies: WireAgency[]
}

/** A capitalised word of a place name: "NEW", "York", "St.", "D’Arc". */
const PLACE_WORD = String.raw`\p{Lu}[\p{L}\p{M}.'’]*`
/** Words joined by spaces, or glued by a hyphen or slash ("Baden-Baden", "Frankfurt/Main"); a spaced dash ends the place. */
const PLACE = String.raw`${PLACE_WORD}(?:(?:\s+|[/-])${PLACE_WORD}){0,4}`
/** What may follow the place before the credit: ", May 3", ", 3. April 2024". */
const DATE = String.raw`(?:,[^()\n]{1,30}?)?`

/** What the parentheses hold: an agency's credit, or another source's ("(Bloomberg)"), which still leaves the place a place. */
const CREDIT = String.raw`[^()\n]{1,40}`

/** Sticky: read at an offset, never searched for. */
const DATELINE = new RegExp(
  String.raw`\s*(?:${DASH}\s*)?(?<location>${PLACE})${DATE}\s*(?:\((?<credit>${CREDIT})\)\s*)?${DASH}`,
  'dyu',
)

/**
 * The dateline starting at `from` (after white space and one leading dash, as after a
 * wire's tag: "(SeaPRwire) – WASHINGTON (AP) —"). The credit names the agencies only in
 * spellings the agency list has. A place with no agency credited counts only in
 * capitals, as wires print it ("HAMBURG —"), so an opening sentence with a dash in it
 * is not read as a place.
 */
export function readDateline(text: string, from: number, agencies: WireAgency[]): DatelineMatch | undefined {
  DATELINE.lastIndex = from
  const match = DATELINE.exec(text)
  const location = match?.groups?.location
  if (!match?.indices?.groups?.location || !location) return undefined
  const credit = match.groups?.credit
  const credited = credit ? creditedAgencies(credit, compiledAgencies(agencies).byName) : []
  if (credited.length === 0 && location !== location.toLocaleUpperCase()) return undefined
  return {start: match.indices.groups.location[0], end: match.index + match[0].length, location, agencies: credited}
}

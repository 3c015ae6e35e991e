/**
 * The one reader of a story's dateline — "WASHINGTON (AP) —", "LONDON, May 3 (Reuters) -",
 * "Berlin (dpa) -", "HAMBURG —" — shared by the agency-copy rule and the import, so
 * both see the same place and the same agency in the same text.
 */
import {compiledAgencies, creditedAgencies} from './agencies'
import {foldText} from './fold'
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

/**
 * Sticky: read at an offset, never searched for. A credit in parentheses may close with a
 * colon instead of a dash ("WASHINGTON (AP): Officials met"), when it names an agency.
 */
const DATELINE = new RegExp(
  String.raw`\s*(?:${DASH}\s*)?(?<location>${PLACE})${DATE}\s*(?:\((?<credit>${CREDIT})\)\s*(?:${DASH}|(?<colon>:))|${DASH})`,
  'dyu',
)

/** Whether a place is written in capitals, as wires print it ("HAMBURG", "NEW YORK"). */
function inCapitals(place: string): boolean {
  return place === place.toLocaleUpperCase() && /\p{Lu}/u.test(place)
}

/**
 * A credit without parentheses as the place's last word: "WASHINGTON AP —". Only an
 * agency's spelling as listed, after a place in capitals, so "WASHINGTON — The AP
 * reported" stays a place and "Officials told AP —" no dateline. Returns where the
 * place ends and the agencies, or undefined.
 */
function bareCredit(location: string, agencies: WireAgency[]): {placeEnd: number; agencies: WireAgency[]} | undefined {
  const words = /^(?<place>.*\S)\s+(?<credit>\S+)$/su.exec(location)?.groups
  if (!words?.place || !words.credit || !inCapitals(words.place)) return undefined
  const credited = creditedAgencies(words.credit, compiledAgencies(agencies).byName)
  return credited.length > 0 ? {placeEnd: words.place.length, agencies: credited} : undefined
}

/**
 * The dateline starting at `from` (after white space and one leading dash, as after a
 * wire's tag: "(SeaPRwire) – WASHINGTON (AP) —"). The credit names the agencies only in
 * spellings the agency list has. A place with no agency credited counts only in
 * capitals, as wires print it ("HAMBURG —"), so an opening sentence with a dash in it
 * is not read as a place.
 *
 * The text is read folded (fold.ts: invisible characters removed, NFKC, look-alike
 * letters as Latin), so "WASHINGTON (А\u200bP) —" credits AP; offsets and the place are
 * those of the original text.
 */
export function readDateline(text: string, from: number, agencies: WireAgency[]): DatelineMatch | undefined {
  const folded = foldText(text)
  DATELINE.lastIndex = folded.foldedOffset(from)
  const match = DATELINE.exec(folded.text)
  const place = match?.indices?.groups?.location
  const location = match?.groups?.location
  if (!match || !place || !location) return undefined
  const end = folded.originalRange(match.index, match.index + match[0].length)[1]
  const placeStart = folded.originalRange(place[0], place[1])[0]
  const asWritten = (placeEnd: number) => text.slice(placeStart, folded.originalRange(place[0], placeEnd)[1])
  const credit = match.groups?.credit
  if (credit === undefined) {
    const bare = bareCredit(location, agencies)
    if (bare) return {start: placeStart, end, location: asWritten(place[0] + bare.placeEnd), agencies: bare.agencies}
  }
  const credited = credit ? creditedAgencies(credit, compiledAgencies(agencies).byName) : []
  if (credited.length === 0 && (match.groups?.colon !== undefined || !inCapitals(location))) return undefined
  return {start: placeStart, end, location: asWritten(place[1]), agencies: credited}
}

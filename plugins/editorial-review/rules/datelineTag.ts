/**
 * A distributor's dateline tag in the text, e.g. "(SeaPRwire) –": the surest sign the
 * copy came over a PR wire. Wires no distributor document describes are still caught
 * by their generic dateline forms.
 */
import {distributorMarkers, distributorName} from './markers'
import {DASH, evidenceOf, matchCopyElseSource, matchUnits, overlaps, type UnitMatch} from './match'
import {findingMessage} from './message'
import type {TextUnit} from './text'
import type {Finding, Rule} from './types'

/** The dash wires write after the tag, spaced or not. */
const TAG_DASH = `\\s*${DASH}`

/** Dateline forms of wires recognised even without a distributor document. */
export const WIRE_DATELINE_FORMS: {name: string; pattern: RegExp}[] = [
  {name: 'GlobeNewswire', pattern: new RegExp(`\\(GLOBE\\s+NEWSWIRE\\)${TAG_DASH}`, 'gi')},
  {name: 'PR Newswire', pattern: new RegExp(`/PRNewswire(?:-[A-Za-z][A-Za-z ]*)?/${TAG_DASH}`, 'gi')},
  {name: 'EIN Presswire', pattern: new RegExp(`/EINPresswire\\.com/${TAG_DASH}`, 'gi')},
  {name: 'Business Wire', pattern: new RegExp(`\\(BUSINESS\\s+WIRE\\)${TAG_DASH}`, 'gi')},
]

function finding(wire: string, matches: UnitMatch[]): Finding {
  const evidence = evidenceOf(matches)
  const tag = evidence[0]?.quote.trim() ?? wire
  return {
    code: 'distributorDatelineTag',
    severity: 'blocker',
    ...findingMessage('finding.distributorDatelineTag', {tag, wire}),
    evidence,
  }
}

export const datelineTagRule: Rule = {
  code: 'distributorDatelineTag',
  severity: 'blocker',
  marksThirdParty: true,
  detect(_document, context, text) {
    const findings: Finding[] = []
    const claimed: UnitMatch[] = []
    const scan = (pattern: RegExp) => (units: TextUnit[]) => matchUnits(units, pattern)
    for (const markers of distributorMarkers(context.distributors)) {
      if (!markers.datelineTags) continue
      const matches = matchCopyElseSource(text, scan(markers.datelineTags))
      if (matches.length === 0) continue
      claimed.push(...matches)
      findings.push(finding(distributorName(markers.distributor), matches))
    }
    for (const form of WIRE_DATELINE_FORMS) {
      // A known distributor's tag at the same place already says it, with its name.
      const matches = matchCopyElseSource(text, scan(form.pattern)).filter(
        (match) => !claimed.some((other) => overlaps(other, match)),
      )
      if (matches.length > 0) findings.push(finding(form.name, matches))
    }
    return findings
  },
}

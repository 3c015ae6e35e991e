/**
 * A distributor's disclaimer sentence ("Der Artikel wird von einem Drittanbieter
 * bereitgestellt. …"): not a problem in itself, but evidence the copy is third-party.
 * The whole paragraph is quoted, since the distributor's name follows the opening.
 */
import {distributorMarkers, distributorName, type CompiledMarkers} from './markers'
import {evidenceOf, matchCopyElseSource, matchUnits, paragraphEnd, type UnitMatch} from './match'
import {findingMessage} from './message'
import type {TextUnit} from './text'
import type {DistributorDoc, Finding, Rule} from './types'

/** Disclaimer paragraphs of one distributor in the units, each from its opening to the paragraph's end. */
export function disclaimerMatches(markers: CompiledMarkers, units: TextUnit[]): UnitMatch[] {
  if (!markers.disclaimers) return []
  return matchUnits(units, markers.disclaimers).map((match) => ({...match, end: paragraphEnd(match.unit, match.end)}))
}

/** True when any distributor's disclaimer is written in the units. */
export function hasDisclaimerText(distributors: DistributorDoc[], units: TextUnit[]): boolean {
  return distributorMarkers(distributors).some((markers) => disclaimerMatches(markers, units).length > 0)
}

export const disclaimerTextRule: Rule = {
  code: 'distributorDisclaimer',
  severity: 'info',
  marksThirdParty: true,
  detect(_document, context, text) {
    const findings: Finding[] = []
    for (const markers of distributorMarkers(context.distributors)) {
      const matches = matchCopyElseSource(text, (units) => disclaimerMatches(markers, units))
      if (matches.length === 0) continue
      const name = distributorName(markers.distributor)
      findings.push({
        code: 'distributorDisclaimer',
        severity: 'info',
        ...findingMessage('finding.distributorDisclaimer', {distributor: name}),
        evidence: evidenceOf(matches),
      })
    }
    return findings
  },
}

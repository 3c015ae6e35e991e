/**
 * A distributor's boilerplate ("SeaPRwire liefert Echtzeit-Pressemitteilungsverteilung
 * …"): advertising for the wire. Left in the body it must go; in the copy as received
 * it is only evidence of where the copy came from.
 */
import {distributorMarkers, distributorName, type CompiledMarkers} from './markers'
import {
  evidenceOf,
  matchCopyElseSource,
  matchUnits,
  paragraphEnd,
  withoutOverlaps,
  inDocumentOrder,
  type UnitMatch,
} from './match'
import {findingMessage} from './message'
import type {TextUnit} from './text'
import type {Finding, Rule} from './types'

/** The paragraph's extent: the template when the text follows it, else up to the paragraph's end. */
function paragraphOf(paragraph: RegExp | undefined, match: UnitMatch): UnitMatch {
  if (paragraph) {
    paragraph.lastIndex = match.start
    const whole = paragraph.exec(match.unit.text)
    if (whole) return {...match, end: match.start + whole[0].length}
  }
  return {...match, end: paragraphEnd(match.unit, match.end)}
}

export function boilerplateMatches(markers: CompiledMarkers, units: TextUnit[]): UnitMatch[] {
  const matches = markers.boilerplates.flatMap((boilerplate) =>
    matchUnits(units, boilerplate.opening).map((match) => paragraphOf(boilerplate.paragraph, match)),
  )
  // Phrases of several languages may start alike; one paragraph is one passage.
  return withoutOverlaps(inDocumentOrder(matches, units))
}

export const boilerplateRule: Rule = {
  code: 'distributorBoilerplate',
  severity: 'warning',
  marksThirdParty: true,
  detect(_document, context, text) {
    const findings: Finding[] = []
    for (const markers of distributorMarkers(context.distributors)) {
      const matches = matchCopyElseSource(text, (units) => boilerplateMatches(markers, units))
      if (matches.length === 0) continue
      const name = distributorName(markers.distributor)
      const inCopy = matches[0]!.unit.scope !== 'source'
      findings.push({
        code: 'distributorBoilerplate',
        severity: inCopy ? 'warning' : 'info',
        ...findingMessage(inCopy ? 'finding.distributorBoilerplate.inBody' : 'finding.distributorBoilerplate.inSource', {
          distributor: name,
        }),
        evidence: evidenceOf(matches),
      })
    }
    return findings
  },
}

/**
 * Copy that carries a wire agency's dateline ("WASHINGTON (AP) —", "Berlin (dpa) -") or
 * copyright line ("Copyright 2026 The Associated Press. All rights reserved.") is the
 * agency's story, third-party however it arrived: imported, or pasted into a new
 * release with no distributor set. A mere mention ("according to AP", "Reuters
 * reported") is neither, so the newsroom's own reporting stays its own.
 */
import {compiledAgencies, creditedAgencies, creditIn} from './agencies'
import {readDateline} from './dateline'
import {inDocumentOrder, matchCopyElseSource, matchUnits, withoutOverlaps, type UnitMatch} from './match'
import {findingMessage} from './message'
import {evidenceIn, type TextUnit} from './text'
import type {Evidence, Finding, Rule, WireAgency} from './types'

interface AgencyMatch extends UnitMatch {
  agencies: WireAgency[]
}

/** Where a dateline can stand: a block's or the title's start; in the copy as received, each line's. */
function paragraphStarts(unit: TextUnit): number[] {
  if (unit.scope !== 'source') return [0]
  const starts = [0]
  for (let index = unit.text.indexOf('\n'); index !== -1; index = unit.text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

function datelineCredits(units: TextUnit[], agencies: WireAgency[]): AgencyMatch[] {
  // A dateline may be read from the blank lines before it too; it is one passage.
  const matches = units.flatMap((unit) =>
    paragraphStarts(unit).flatMap((from) => {
      const dateline = readDateline(unit.text, from, agencies)
      if (!dateline || dateline.agencies.length === 0) return []
      return [{unit, start: dateline.start, end: dateline.end, groups: [], agencies: dateline.agencies}]
    }),
  )
  return withoutOverlaps(matches)
}

function copyrightLines(units: TextUnit[], agencies: WireAgency[]): AgencyMatch[] {
  const {credit, byName} = compiledAgencies(agencies)
  return matchUnits(units, credit).flatMap((match) => {
    const {form, credited} = creditIn(match.groups)
    return form === 'copyright' ? [{...match, agencies: creditedAgencies(credited, byName)}] : []
  })
}

export const agencyCopyRule: Rule = {
  code: 'agencyCopy',
  severity: 'blocker',
  marksThirdParty: true,
  detect(_document, context, text) {
    if (context.agencies.length === 0) return []
    const matches = matchCopyElseSource(text, (units) =>
      inDocumentOrder([...datelineCredits(units, context.agencies), ...copyrightLines(units, context.agencies)], units),
    )
    const evidenceByAgency = new Map<WireAgency, {quote: string; evidence: Evidence[]}>()
    for (const match of matches) {
      for (const agency of match.agencies) {
        const passage = match.unit.text.slice(match.start, match.end)
        const entry = evidenceByAgency.get(agency) ?? {quote: passage, evidence: []}
        entry.evidence.push(...evidenceIn(match.unit, match.start, match.end))
        evidenceByAgency.set(agency, entry)
      }
    }
    const findings: Finding[] = []
    for (const [agency, {quote, evidence}] of evidenceByAgency) {
      findings.push({
        code: 'agencyCopy',
        severity: 'blocker',
        ...findingMessage('finding.agencyCopy', {passage: quote, agency: agency.name, agencyCode: agency.code}),
        evidence,
      })
    }
    return findings
  },
}

/**
 * Copy that carries a wire agency's dateline ("WASHINGTON (AP) —", "Berlin (dpa) -") or
 * copyright line ("Copyright 2026 The Associated Press. All rights reserved.") or closes
 * with an agency's credit line ("… on Monday. (AP)") is the
 * agency's story, third-party however it arrived: imported, or pasted into a new
 * release with no distributor set. A mere mention ("according to AP", "Reuters
 * reported", "a spokesman told AP (AP) reporters") is none of these, so the newsroom's own
 * reporting stays its own. Credits are read in folded text (fold.ts), so invisible
 * characters and look-alike letters do not hide them; evidence quotes the original.
 */
import {compiledAgencies, creditedAgencies, creditIn} from './agencies'
import {readDateline} from './dateline'
import {foldText} from './fold'
import {inDocumentOrder, matchCopyElseSource, matchFolded, withoutOverlaps, type UnitMatch} from './match'
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
  return matchFolded(units, credit).flatMap((match) => {
    const {form, credited} = creditIn(match.groups)
    return form === 'copyright' ? [{...match, agencies: creditedAgencies(credited, byName)}] : []
  })
}

/**
 * A credit line closing the copy: at the end of the last body block with text (or of the copy as
 * received), where agencies append "(AP)" or "— AP". A title alone has none.
 */
function trailingCredits(units: TextUnit[], agencies: WireAgency[]): AgencyMatch[] {
  // A block of only white space or invisible characters after the credit does not end the copy.
  const last = units.findLast((unit) => foldText(unit.text).text.trim() !== '')
  if (!last || last.scope === 'title') return []
  const {trailingCredit, byName} = compiledAgencies(agencies)
  return matchFolded([last], trailingCredit).flatMap((match) => {
    const credited = creditedAgencies(creditIn(match.groups).credited, byName)
    if (credited.length === 0) return []
    // The match may begin with the white space before the credit; the passage is the credit.
    const passage = match.unit.text.slice(match.start, match.end)
    const start = match.start + (passage.length - passage.trimStart().length)
    const end = match.start + passage.trimEnd().length
    return [{...match, start, end, agencies: credited}]
  })
}

export const agencyCopyRule: Rule = {
  code: 'agencyCopy',
  severity: 'blocker',
  marksThirdParty: true,
  detect(_document, context, text) {
    if (context.agencies.length === 0) return []
    const matches = matchCopyElseSource(text, (units) =>
      inDocumentOrder(
        withoutOverlaps([
          ...datelineCredits(units, context.agencies),
          ...copyrightLines(units, context.agencies),
          ...trailingCredits(units, context.agencies),
        ]),
        units,
      ),
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

/**
 * A wire agency credited inside distributed copy ("WASHINGTON (AP) —", "Berlin (dpa) -",
 * "— AP —", "© 2024 The Associated Press"): a PR wire may pass on an agency story the
 * newsroom has no licence for, so a reviewer must settle the rights question first.
 * A mere mention ("Reuters reported") is not a credit, and in the newsroom's own copy a
 * credit is the newsroom's business, so the rule runs on third-party copy only. An
 * agency's dateline or copyright line makes copy third-party by itself (agencyCopy).
 * Credits are read in folded text (fold.ts): "(А\u200bP)" credits AP, quoted as written.
 */
import {compiledAgencies, creditedAgencies, creditIn} from './agencies'
import {matchFolded} from './match'
import {findingMessage} from './message'
import type {TextUnit} from './text'
import type {Evidence, Finding, Rule, WireAgency} from './types'
import {evidenceIn} from './text'

function fieldUnit(path: string, value: string): TextUnit {
  return {scope: 'source', text: value, segments: [{path, offset: 0, length: value.length}]}
}

export const agencyCreditRule: Rule = {
  code: 'agencyCredit',
  severity: 'blocker',
  onlyThirdParty: true,
  detect(document, context, text) {
    if (!context.thirdParty || context.agencies.length === 0) return []
    const {credit, byName} = compiledAgencies(context.agencies)
    const evidenceByAgency = new Map<WireAgency, Evidence[]>()
    const collect = (units: TextUnit[]) => {
      for (const match of matchFolded(units, credit)) {
        for (const agency of creditedAgencies(creditIn(match.groups).credited, byName)) {
          const evidence = evidenceByAgency.get(agency) ?? []
          evidence.push(...evidenceIn(match.unit, match.start, match.end))
          evidenceByAgency.set(agency, evidence)
        }
      }
    }
    // Where an editor can act first; then the structured dateline; then the copy as received.
    collect(text.copy)
    const value = document.dateline?.agency ?? ''
    const datelineCredit = value.trim()
    if (evidenceByAgency.size === 0 && datelineCredit) {
      const start = value.indexOf(datelineCredit)
      for (const agency of creditedAgencies(datelineCredit, byName)) {
        evidenceByAgency.set(agency, evidenceIn(fieldUnit('dateline.agency', value), start, start + datelineCredit.length))
      }
    }
    if (evidenceByAgency.size === 0 && text.source) collect([text.source])

    const findings: Finding[] = []
    for (const [agency, evidence] of evidenceByAgency) {
      findings.push({
        code: 'agencyCredit',
        severity: 'blocker',
        ...findingMessage('finding.agencyCredit', {agency: agency.name, agencyCode: agency.code}),
        evidence,
      })
    }
    return findings
  },
}

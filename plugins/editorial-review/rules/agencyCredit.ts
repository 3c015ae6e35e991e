/**
 * A wire agency credited inside distributed copy ("WASHINGTON (AP) —", "Berlin (dpa) -",
 * "— AP —", "© 2024 The Associated Press"): a PR wire may pass on an agency story the
 * newsroom has no licence for, so a reviewer must settle the rights question first.
 * A mere mention ("Reuters reported") is not a credit, and in the newsroom's own copy a
 * credit is the newsroom's business, so the rule runs on third-party copy only.
 */
import {literalPattern, matchUnits, type UnitMatch} from './match'
import {findingMessage} from './message'
import type {TextUnit} from './text'
import type {Evidence, Finding, Rule, WireAgency} from './types'
import {evidenceIn} from './text'

interface CompiledAgencies {
  /** A credit in any of the three forms; groups: parenthesised list, dash-framed name, copyright holder. */
  credit: RegExp
  /** Credit spelling with whitespace and dashes normalised → agency. */
  byName: Map<string, WireAgency>
}

const compiled = new WeakMap<WireAgency[], CompiledAgencies>()

function normalised(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(/[‐‑–—]/g, '-')
    .trim()
}

function compile(agencies: WireAgency[]): CompiledAgencies {
  const cached = compiled.get(agencies)
  if (cached) return cached
  const byName = new Map<string, WireAgency>()
  for (const agency of agencies) {
    for (const name of [agency.code, ...agency.aliases]) {
      if (name.trim() && !byName.has(normalised(name))) byName.set(normalised(name), agency)
    }
  }
  // Longest first, so "APA" is not read as "AP"; spelling is significant ("AP", not "ap").
  const name = `(?:${[...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map(literalPattern)
    .join('|')})`
  const dash = '(?:--|[–—])'
  const credit = new RegExp(
    [
      `\\(\\s*(${name}(?:\\s*/\\s*${name})*)\\s*\\)`,
      `${dash}\\s*(${name})\\s*${dash}`,
      `(?:©|\\(c\\)|Copyright)\\s*(?:\\d{4}\\s+)?(?:The\\s+)?(${name})(?![\\w-])`,
    ].join('|'),
    'g',
  )
  const result = {credit, byName}
  compiled.set(agencies, result)
  return result
}

/** Agencies a credit names: "(dpa/AFP)" credits two. */
function creditedAgencies(match: UnitMatch, byName: Map<string, WireAgency>): WireAgency[] {
  const credited = match.groups.find((group) => group !== undefined) ?? ''
  return credited
    .split('/')
    .map((name) => byName.get(normalised(name)))
    .filter((agency): agency is WireAgency => agency !== undefined)
}

function fieldUnit(path: string, value: string): TextUnit {
  return {scope: 'source', text: value, segments: [{path, offset: 0, length: value.length}]}
}

export const agencyCreditRule: Rule = {
  code: 'agencyCredit',
  severity: 'blocker',
  onlyThirdParty: true,
  detect(document, context, text) {
    if (!context.thirdParty || context.agencies.length === 0) return []
    const {credit, byName} = compile(context.agencies)
    const evidenceByAgency = new Map<WireAgency, Evidence[]>()
    const collect = (units: TextUnit[]) => {
      for (const match of matchUnits(units, credit)) {
        for (const agency of creditedAgencies(match, byName)) {
          const evidence = evidenceByAgency.get(agency) ?? []
          evidence.push(...evidenceIn(match.unit, match.start, match.end))
          evidenceByAgency.set(agency, evidence)
        }
      }
    }
    // Where an editor can act first; then the structured dateline; then the copy as received.
    collect(text.copy)
    const datelineAgency = document.dateline?.agency?.trim()
    if (evidenceByAgency.size === 0 && datelineAgency && byName.has(normalised(datelineAgency))) {
      const value = document.dateline!.agency!
      const start = value.indexOf(datelineAgency)
      evidenceByAgency.set(
        byName.get(normalised(datelineAgency))!,
        evidenceIn(fieldUnit('dateline.agency', value), start, start + datelineAgency.length),
      )
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

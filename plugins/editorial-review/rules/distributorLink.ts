/**
 * Links to a distributor in the body, as link annotations or as bare URLs in the text:
 * they send readers to the wire, and often carry its tracking. A URL inside the
 * distributor's own disclaimer belongs to the disclaimer and is left alone.
 */
import {disclaimerMatches} from './disclaimerText'
import {distributorMarkers, distributorName, type CompiledMarkers} from './markers'
import {evidenceOf, inDocumentOrder, matchUnits, withoutOverlaps, type UnitMatch} from './match'
import {findingMessage} from './message'
import type {DocumentText} from './text'
import type {Finding, Rule} from './types'

/** Sentence punctuation after a bare URL is not part of it. */
function trimTrailingPunctuation(match: UnitMatch): UnitMatch {
  let end = match.end
  while (end > match.start && '.,;:!?'.includes(match.unit.text[end - 1]!)) end--
  return {...match, end}
}

/** The host a link points at; e-mail links count by their domain. Undefined for relative links. */
function hrefHost(href: string): string | undefined {
  const parse = (value: string) => {
    try {
      return new URL(value)
    } catch {
      return undefined
    }
  }
  const url = parse(href.trim()) ?? parse(`https://${href.trim()}`)
  if (!url) return undefined
  if (url.protocol === 'mailto:') return url.pathname.split('@').pop()?.toLowerCase()
  return url.hostname.toLowerCase() || undefined
}

function linksToDistributor(href: string, domains: string[]): boolean {
  const host = hrefHost(href)
  return host !== undefined && domains.some((domain) => host === domain || host.endsWith(`.${domain}`))
}

/** Spans carrying a link annotation whose href is on the distributor's domains. */
function annotatedLinks(text: DocumentText, domains: string[]): UnitMatch[] {
  const matches: UnitMatch[] = []
  for (const unit of text.body) {
    const linked = new Set(
      (unit.markDefs ?? [])
        .filter((def) => def._key && typeof def.href === 'string' && linksToDistributor(def.href, domains))
        .map((def) => def._key),
    )
    if (linked.size === 0) continue
    for (const segment of unit.segments) {
      if (segment.marks?.some((mark) => linked.has(mark))) {
        matches.push({unit, start: segment.offset, end: segment.offset + segment.length, groups: []})
      }
    }
  }
  return matches
}

function bareLinks(markers: CompiledMarkers, text: DocumentText): UnitMatch[] {
  if (!markers.domains || !markers.domainHint) return []
  // The URL pattern backtracks at every word; most blocks hold no domain at all.
  const hint = markers.domainHint
  const units = text.body.filter((unit) => hint.test(unit.text))
  if (units.length === 0) return []
  const disclaimers = disclaimerMatches(markers, units)
  return matchUnits(units, markers.domains)
    .map(trimTrailingPunctuation)
    .filter((match) => !disclaimers.some((d) => d.unit === match.unit && d.start <= match.start && match.end <= d.end))
}

export const distributorLinkRule: Rule = {
  code: 'distributorLink',
  severity: 'warning',
  detect(_document, context, text) {
    const findings: Finding[] = []
    for (const markers of distributorMarkers(context.distributors)) {
      if (!markers.domains) continue
      const matches = withoutOverlaps(
        inDocumentOrder([...annotatedLinks(text, markers.domainList), ...bareLinks(markers, text)], text.body),
      )
      if (matches.length === 0) continue
      const name = distributorName(markers.distributor)
      findings.push({
        code: 'distributorLink',
        severity: 'warning',
        ...findingMessage('finding.distributorLink', {distributor: name}),
        evidence: evidenceOf(matches),
      })
    }
    return findings
  },
}

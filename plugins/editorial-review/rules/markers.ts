/**
 * A distributor's markers compiled to patterns once per distributor object: the
 * Studio re-runs detection on every edit with the same distributor documents. Like
 * all Sanity documents they are treated as immutable; an edited distributor is a new
 * object and compiles afresh.
 */
import type {MarkerPhrase} from '../../../data/distributors'
import {escapeRegExp, literalPattern} from './match'
import {compiledTemplate} from './template'
import type {DistributorDoc} from './types'

export interface CompiledBoilerplate {
  phrase: MarkerPhrase
  /** The phrase's opening words. */
  opening: RegExp
  /** The whole paragraph, from the template, tried first where the opening matched. */
  paragraph: RegExp | undefined
}

export interface CompiledMarkers {
  distributor: DistributorDoc
  /** Any of the distributor's dateline tags. */
  datelineTags: RegExp | undefined
  /** The opening of any of its disclaimers. */
  disclaimers: RegExp | undefined
  boilerplates: CompiledBoilerplate[]
  /** A bare URL, host or e-mail address on one of its domains, in running text. */
  domains: RegExp | undefined
  /** Any of the domains anywhere: a cheap test before the costlier URL pattern runs. */
  domainHint: RegExp | undefined
  /** The domains, lower-case, for checking a link's host. */
  domainList: string[]
}

const compiled = new WeakMap<DistributorDoc, CompiledMarkers>()

function anyOf(literals: string[], flags: string): RegExp | undefined {
  const usable = literals.map((literal) => literal.trim()).filter(Boolean)
  if (usable.length === 0) return undefined
  // Longest first, so a tag that extends another is reported whole.
  const sorted = [...usable].sort((a, b) => b.length - a.length)
  return new RegExp(sorted.map(literalPattern).join('|'), flags)
}

function domainList(domains: string[]): string[] {
  return domains.map((domain) => domain.trim().toLowerCase().replace(/^\.+/, '')).filter(Boolean)
}

function domainPattern(usable: string[]): RegExp | undefined {
  if (usable.length === 0) return undefined
  const hosts = usable.map(escapeRegExp).join('|')
  // Subdomains count; a longer host that merely contains the domain does not.
  return new RegExp(`(?<![\\w./-])(?:https?://)?(?:[\\w-]+\\.)*(?:${hosts})(?![\\w-]|\\.[\\w-])(?:[/?#][^\\s<>"”)\\]]*)?`, 'gi')
}

function phrasesOf(distributor: DistributorDoc, kind: MarkerPhrase['kind']): MarkerPhrase[] {
  return (distributor.markers?.phrases ?? []).filter((phrase) => phrase.kind === kind && phrase.text?.trim())
}

export function compiledMarkers(distributor: DistributorDoc): CompiledMarkers {
  const cached = compiled.get(distributor)
  if (cached) return cached
  const markers: CompiledMarkers = {
    distributor,
    datelineTags: anyOf(distributor.markers?.datelineTags ?? [], 'gi'),
    disclaimers: anyOf(
      phrasesOf(distributor, 'disclaimer').map((phrase) => phrase.text),
      'gi',
    ),
    boilerplates: phrasesOf(distributor, 'boilerplate').map((phrase) => ({
      phrase,
      opening: new RegExp(literalPattern(phrase.text), 'gi'),
      paragraph: phrase.template ? compiledTemplate(phrase.template).passage : undefined,
    })),
    domains: domainPattern(domainList(distributor.markers?.domains ?? [])),
    domainHint: anyOf(domainList(distributor.markers?.domains ?? []), 'i'),
    domainList: domainList(distributor.markers?.domains ?? []),
  }
  compiled.set(distributor, markers)
  return markers
}

/** Compiled markers of every distributor, ordered by id so findings never depend on query order. */
export function distributorMarkers(distributors: DistributorDoc[]): CompiledMarkers[] {
  return [...distributors].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)).map(compiledMarkers)
}

/** The distributor's display name, or its id when the document lacks one. */
export function distributorName(distributor: DistributorDoc): string {
  return distributor.name?.trim() || distributor._id
}

import {describe, expect, it} from 'vitest'
import type {PressReleaseDocument} from '../../../../plugins/editorial-review/core'
import {block, detectContext, release, spanPath} from '../fixtures'
import {findingsOf} from './helpers'

const distributed = (text: string, fields: Partial<PressReleaseDocument> = {}) =>
  release([block('b0', text)], {distributor: {_type: 'reference', _ref: 'distributor.seaprwire'}, ...fields})

describe('agencyCredit', () => {
  it.each([
    ['(dpa)', 'BERLIN (dpa) - Die Bundesregierung plant neue Regeln.', 'Deutsche Presse-Agentur'],
    ['(Reuters)', 'LONDON, May 3 (Reuters) - Shares rose on Friday.', 'Reuters'],
    ['— AP —', 'WASHINGTON — AP — Officials met on Monday.', 'Associated Press'],
    ['© 2024 The Associated Press', 'Officials met on Monday. © 2024 The Associated Press', 'Associated Press'],
    ['(AFP)', 'PARIS (AFP) – Le gouvernement a annoncé des mesures.', 'Agence France-Presse'],
  ])('in distributed copy, %s is a blocking rights question', (quote, text, name) => {
    const findings = findingsOf('agencyCredit', distributed(text))
    expect(findings).toHaveLength(1)
    expect(findings[0]?.severity).toBe('blocker')
    expect(findings[0]?.message).toContain(name)
    expect(findings[0]?.message).toContain('licence')
    expect(findings[0]?.evidence).toEqual([
      {path: spanPath('b0'), start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, quote},
    ])
  })

  it('a joint credit names each agency, in order of appearance', () => {
    const findings = findingsOf('agencyCredit', distributed('BERLIN (dpa/AFP) - Text.'))
    expect(findings.map((finding) => finding.message.match(/credits (.+?) \(/)?.[1])).toEqual([
      'Deutsche Presse-Agentur',
      'Agence France-Presse',
    ])
    expect(findings.map((finding) => finding.evidence[0]?.quote)).toEqual(['(dpa/AFP)', '(dpa/AFP)'])
  })

  it('third-party copy known from a dateline tag alone is enough', () => {
    expect(findingsOf('agencyCredit', release([block('b0', '(SeaPRwire) – WASHINGTON (AP) — Text.')]))).toHaveLength(1)
  })

  it('in the newsroom’s own copy, a credit outside a dateline or copyright line is not a finding', () => {
    // An agency dateline makes copy third-party (agencyCopy), and then this rule runs on it.
    expect(findingsOf('agencyCredit', release([block('b0', 'Officials met on Monday, a spokesman said (AP).')]))).toEqual([])
  })

  it.each([
    ['a mention', 'Officials told Reuters on Monday that the talks would continue.'],
    ['another spelling', 'WASHINGTON (ap) — Officials met.'],
    ['a longer code', 'WIEN (APA) - Die Regierung tagte.'],
    ['no agency list', 'BERLIN (dpa) - Text.'],
  ])('in distributed copy, %s is not an AP/dpa/Reuters credit', (what, text) => {
    const context = what === 'no agency list' ? detectContext({agencies: []}) : detectContext()
    const findings = findingsOf('agencyCredit', distributed(text), context)
    expect(findings.map((finding) => finding.message)).toEqual(
      what === 'a longer code' ? [expect.stringContaining('Austria Presse Agentur')] : [],
    )
  })

  it('falls back to the structured dateline when the copy carries no credit', () => {
    const findings = findingsOf(
      'agencyCredit',
      distributed('WASHINGTON — Text.', {dateline: {location: 'WASHINGTON', agency: 'AP'}}),
    )
    expect(findings[0]?.evidence).toEqual([{path: 'dateline.agency', start: 0, end: 2, quote: 'AP'}])
  })
})

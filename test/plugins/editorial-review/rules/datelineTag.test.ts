import {describe, expect, it} from 'vitest'
import {block, detectContext, distributorDocs, release, spanPath} from '../fixtures'
import {findingsOf} from './helpers'

const seaprwireOnly = () => detectContext({distributors: distributorDocs().filter((d) => d._id === 'distributor.seaprwire')})

describe('distributorDatelineTag', () => {
  it('finds a distributor’s tag, tolerating case, and reports it as a blocker naming the distributor', () => {
    const [finding, ...rest] = findingsOf(
      'distributorDatelineTag',
      release([block('b0', 'HONGKONG, 3. April 2024 (SEAPRWIRE) – Die Firma meldet Zahlen.')]),
    )
    expect(rest).toEqual([])
    expect(finding?.severity).toBe('blocker')
    expect(finding?.message).toContain('SeaPRwire')
    expect(finding?.evidence).toEqual([{path: spanPath('b0'), start: 24, end: 35, quote: '(SEAPRWIRE)'}])
  })

  it('reports a tag split across spans as one range per span', () => {
    const document = release([
      {
        _type: 'block',
        _key: 'b0',
        markDefs: [],
        children: [
          {_type: 'span', _key: 'x', text: '(Sea', marks: ['strong']},
          {_type: 'span', _key: 'y', text: 'PRwire) – Text', marks: []},
        ],
      },
    ])
    expect(findingsOf('distributorDatelineTag', document)[0]?.evidence).toEqual([
      {path: spanPath('b0', 'x'), start: 0, end: 4, quote: '(Sea'},
      {path: spanPath('b0', 'y'), start: 0, end: 7, quote: 'PRwire)'},
    ])
  })

  it.each([
    ['GlobeNewswire', 'OSLO, Norway, May 2, 2024 (GLOBE NEWSWIRE) -- Nordic Semi ASA reports results.', '(GLOBE NEWSWIRE) --'],
    ['GlobeNewswire', 'OSLO, May 2, 2024 (GLOBE NEWSWIRE) – Nordic Semi ASA reports results.', '(GLOBE NEWSWIRE) –'],
    ['PR Newswire', 'NEW YORK, March 5, 2024 /PRNewswire/ -- Acme Corp. today announced a merger.', '/PRNewswire/ --'],
    [
      'PR Newswire',
      'MIAMI, March 5, 2024 /PRNewswire-HISPANIC PR WIRE/ — Acme anuncia resultados.',
      '/PRNewswire-HISPANIC PR WIRE/ —',
    ],
    [
      'EIN Presswire',
      'AUSTIN, TX, UNITED STATES, June 1, 2024 /EINPresswire.com/ — A local startup raised funds.',
      '/EINPresswire.com/ —',
    ],
    ['Business Wire', 'SAN JOSE, Calif.--(BUSINESS WIRE)--Acme Inc. announced a product.', '(BUSINESS WIRE)--'],
  ])('finds the generic dateline form of %s even with no distributor document for it', (wire, text, quote) => {
    const findings = findingsOf('distributorDatelineTag', release([block('b0', text)]), seaprwireOnly())
    expect(findings).toHaveLength(1)
    expect(findings[0]?.message).toContain(wire)
    expect(findings[0]?.evidence).toEqual([
      {path: spanPath('b0'), start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, quote},
    ])
  })

  it('reports a wire the distributor documents know once, under the distributor’s name', () => {
    const findings = findingsOf(
      'distributorDatelineTag',
      release([block('b0', 'NEW YORK, March 5, 2024 /PRNewswire/ -- Acme Corp. announced.')]),
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]?.message).toContain('PR Newswire')
    expect(findings[0]?.evidence[0]?.quote).toBe('/PRNewswire/')
  })

  it.each([
    'Acme uses PR Newswire and GlobeNewswire to distribute its announcements.',
    'The prnewswire archive lists the release (globe newswire).',
    'SeaPRwire is a distribution service, according to its website.',
  ])('does not fire on mere mentions: %s', (text) => {
    expect(findingsOf('distributorDatelineTag', release([block('b0', text)]), seaprwireOnly())).toEqual([])
  })

  it('falls back to the copy as received when the editor removed the tag from the body', () => {
    const document = release([block('b0', 'WASHINGTON — Text.')], {
      source: {originalText: 'Title\n\n(SeaPRwire) – WASHINGTON — Text.'},
    })
    expect(findingsOf('distributorDatelineTag', document)[0]?.evidence).toEqual([
      {path: 'source.originalText', start: 7, end: 18, quote: '(SeaPRwire)'},
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {block, release, spanPath} from '../fixtures'
import {findingsOf} from './helpers'

describe('distributorDisclaimer', () => {
  it('quotes the whole disclaimer paragraph in the body, as info', () => {
    const disclaimer =
      'The article is provided by a third-party content provider. SeaPRwire (https://www.seaprwire.com/) makes no warranties or representations in connection with it.'
    const document = release([block('b0', 'Story text.'), block('b1', `${disclaimer}  `)])
    const findings = findingsOf('distributorDisclaimer', document)
    expect(findings).toHaveLength(1)
    expect(findings[0]?.severity).toBe('info')
    expect(findings[0]?.evidence).toEqual([{path: spanPath('b1'), start: 0, end: disclaimer.length, quote: disclaimer}])
  })

  it('tolerates NBSP, whitespace runs, curly apostrophes and case', () => {
    const text = 'l’article est fourni par\u00a0un  fournisseur de contenu TIERS.'
    const findings = findingsOf('distributorDisclaimer', release([block('b0', text)], {language: 'fr'}))
    expect(findings[0]?.evidence).toEqual([{path: spanPath('b0'), start: 0, end: text.length, quote: text}])
  })

  it('in the copy as received, quotes up to the end of the line', () => {
    const original =
      'Titel\n\nText.\n\nDer Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire gibt keine Zusicherungen ab.\n\nBranchen: Top-Story'
    const findings = findingsOf('distributorDisclaimer', release([block('b0', 'Text.')], {source: {originalText: original}}))
    const quote = 'Der Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire gibt keine Zusicherungen ab.'
    expect(findings[0]?.evidence).toEqual([
      {path: 'source.originalText', start: original.indexOf(quote), end: original.indexOf(quote) + quote.length, quote},
    ])
  })

  it('does not fire without a disclaimer', () => {
    expect(
      findingsOf('distributorDisclaimer', release([block('b0', 'Der Artikel wird von unserer Redaktion bereitgestellt.')])),
    ).toEqual([])
  })
})

import {describe, expect, it} from 'vitest'
import {block, linkedBlock, release, spanPath} from '../fixtures'
import {findingsOf} from './helpers'

describe('distributorLink', () => {
  it('a link annotation to a distributor’s domain points at the linked text', () => {
    const document = release([
      linkedBlock('b0', 'Read the ', 'full release', ' online.', 'https://www.seaprwire.com/news/12345?utm_source=wire'),
    ])
    const findings = findingsOf('distributorLink', document)
    expect(findings).toHaveLength(1)
    expect(findings[0]?.severity).toBe('warning')
    expect(findings[0]?.message).toContain('SeaPRwire')
    expect(findings[0]?.evidence).toEqual([{path: spanPath('b0', 'b0s1'), start: 0, end: 12, quote: 'full release'}])
  })

  it('bare URLs and hosts in the text, without trailing punctuation', () => {
    const text = 'More at https://seaprwire.com/releases/1. Or see www.prnewswire.com, or press@seaprwire.com.'
    const findings = findingsOf('distributorLink', release([block('b0', text)]))
    expect(findings.map((finding) => finding.evidence.map((evidence) => evidence.quote))).toEqual([
      ['www.prnewswire.com'],
      ['https://seaprwire.com/releases/1', 'seaprwire.com'],
    ])
    expect(findings[1]?.evidence[0]).toEqual({path: spanPath('b0'), start: 8, end: 40, quote: 'https://seaprwire.com/releases/1'})
  })

  it('an e-mail link and a subdomain count', () => {
    const document = release([
      linkedBlock('b0', 'Write to ', 'the press desk', '.', 'mailto:press@seaprwire.com'),
      linkedBlock('b1', 'See ', 'the newsroom', '.', 'https://newsroom.globenewswire.com/x'),
    ])
    expect(findingsOf('distributorLink', document).map((finding) => finding.evidence.map((evidence) => evidence.quote))).toEqual([
      ['the newsroom'],
      ['the press desk'],
    ])
  })

  it.each([
    ['another site', linkedBlock('b0', 'See ', 'our report', '.', 'https://www.example.com/seaprwire.com')],
    ['a lookalike domain', block('b0', 'See notseaprwire.com and seaprwire.com.evil.example for details.')],
    ['a relative link', linkedBlock('b0', 'See ', 'our report', '.', '/news/seaprwire.com')],
    ['a path mentioning the domain', block('b0', 'See www.example.com/seaprwire.com for the copy.')],
    ['the distributor’s name', block('b0', 'SeaPRwire distributed this release.')],
    [
      'the URL inside the distributor’s own disclaimer',
      block(
        'b0',
        'Der Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire (https://www.seaprwire.com/) gibt keine Zusicherungen ab.',
      ),
    ],
  ])('does not fire on %s', (_what, item) => {
    expect(findingsOf('distributorLink', release([item]))).toEqual([])
  })
})

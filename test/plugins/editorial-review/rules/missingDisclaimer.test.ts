import {describe, expect, it} from 'vitest'
import {block, release} from '../fixtures'
import {findingsOf} from './helpers'

const tagged = block('b0', '(SeaPRwire) – HONGKONG – Die Firma meldet Zahlen.')

describe('missingDisclaimer', () => {
  it('third-party copy with no disclaimer reference and none in the body blocks', () => {
    expect(findingsOf('missingDisclaimer', release([tagged]))).toEqual([
      {
        code: 'missingDisclaimer',
        severity: 'blocker',
        message:
          "Third-party copy needs a disclaimer: choose the distributor's disclaimer in the Disclaimer field before publishing.",
        messageKey: 'finding.missingDisclaimer',
        params: {},
        evidence: [{path: 'disclaimer', start: 0, end: 0, quote: ''}],
      },
    ])
  })

  it('a disclaimer reference satisfies it', () => {
    expect(
      findingsOf('missingDisclaimer', release([tagged], {disclaimer: {_type: 'reference', _ref: 'disclaimer.seaprwire-de'}})),
    ).toEqual([])
  })

  it('the disclaimer written in the body satisfies it', () => {
    const disclaimer = block(
      'b1',
      'Der Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire gibt keine Zusicherungen ab.',
    )
    expect(findingsOf('missingDisclaimer', release([tagged, disclaimer]))).toEqual([])
  })

  it('the disclaimer only in the copy as received does not', () => {
    const source = {originalText: 'Der Artikel wird von einem Drittanbieter bereitgestellt.'}
    expect(findingsOf('missingDisclaimer', release([tagged], {source}))).toHaveLength(1)
  })

  it('copy that is not third-party needs none', () => {
    expect(findingsOf('missingDisclaimer', release([block('b0', 'HONGKONG – Die Firma meldet Zahlen.')]))).toEqual([])
  })
})

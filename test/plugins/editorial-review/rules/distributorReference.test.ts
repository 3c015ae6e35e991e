import {describe, expect, it} from 'vitest'
import {block, release} from '../fixtures'
import {findingsOf} from './helpers'

describe('distributorReference', () => {
  it('a distributor set on the document blocks until approved, naming it', () => {
    const findings = findingsOf(
      'distributorReference',
      release([block('b0', 'Text.')], {distributor: {_type: 'reference', _ref: 'distributor.globenewswire'}}),
    )
    expect(findings).toEqual([
      {
        code: 'distributorReference',
        severity: 'blocker',
        message: 'Distributed by GlobeNewswire: third-party copy must be approved by a reviewer before it is published.',
        messageKey: 'finding.distributorReference',
        params: {distributor: 'GlobeNewswire'},
        evidence: [{path: 'distributor', start: 0, end: 25, quote: 'distributor.globenewswire'}],
      },
    ])
  })

  it('an unknown distributor is named by its id', () => {
    const findings = findingsOf(
      'distributorReference',
      release([], {distributor: {_type: 'reference', _ref: 'distributor.other'}}),
    )
    expect(findings[0]?.message).toContain('distributor.other')
  })

  it('does not fire without a distributor', () => {
    expect(findingsOf('distributorReference', release([block('b0', 'Text.')]))).toEqual([])
  })
})

import {describe, expect, it} from 'vitest'
import {WIRE_AGENCIES} from '../../data/agencies'
import {DEFAULT_RULES} from '../../plugins/editorial-review/core'
import {createSeedBuilder} from '../../scripts/import/builder'

describe('createSeedBuilder', () => {
  it('refuses to send a rules table to worker threads, which need the policy as a module', () => {
    const job = {context: {distributors: [], agencies: WIRE_AGENCIES, rules: DEFAULT_RULES}, maxBytes: 1024}
    expect(() => createSeedBuilder(job, 2)).toThrow(/policy module/)
  })
})

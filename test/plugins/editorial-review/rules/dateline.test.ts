import {describe, expect, it} from 'vitest'
import {WIRE_AGENCIES} from '../../../../data/agencies'
import {readDateline} from '../../../../plugins/editorial-review/core'

const read = (text: string, from = 0) => {
  const dateline = readDateline(text, from, WIRE_AGENCIES)
  return dateline && {...dateline, agencies: dateline.agencies.map(({code}) => code)}
}

describe('readDateline', () => {
  it('reads the place, the credited agency and the passage up to the closing dash', () => {
    expect(read('WASHINGTON (AP) — Officials met.')).toEqual({start: 0, end: 17, location: 'WASHINGTON', agencies: ['AP']})
  })

  it('reads after a wire’s tag, from where the tag ends', () => {
    const text = '(SeaPRwire) –\u00a0 WASHINGTON (Associated Press) — Text.'
    expect(read(text, '(SeaPRwire)'.length)).toEqual({
      start: text.indexOf('WASHINGTON'),
      end: text.indexOf(' Text'),
      location: 'WASHINGTON',
      agencies: ['AP'],
    })
  })

  it('reads a place in capitals without a credit', () => {
    expect(read('(SeaPRwire) – HAMBURG — Der Hafen meldet Zahlen.', 11)).toMatchObject({location: 'HAMBURG', agencies: []})
  })

  it.each([
    ['a spelling the agency list does not have', 'WASHINGTON (ap) — Officials met.'],
    ['a source that is no wire agency', 'NEW YORK (Bloomberg) — Stocks fell.'],
  ])('reads the place but credits no agency for %s', (_what, text) => {
    expect(read(text)).toMatchObject({location: text.slice(0, text.indexOf(' (')), agencies: []})
  })

  it('keeps a hyphenated place whole, and ends it at a spaced dash', () => {
    expect(read('BADEN-BADEN - Die Stadt feiert.')).toMatchObject({location: 'BADEN-BADEN', agencies: []})
  })

  it.each([
    ['a sentence with a dash', 'Die Firma meldet - Zahlen.'],
    ['a place in mixed case without a credit', 'Hamburg — Der Hafen meldet Zahlen.'],
    ['a place without a dash', 'WASHINGTON (AP) Officials met.'],
    ['a sentence naming the agency', 'Officials told The Associated Press (AP) — they met.'],
  ])('reads no dateline from %s', (_what, text) => {
    expect(read(text)).toBeUndefined()
  })

  it('credits only the agencies it is given', () => {
    expect(readDateline('WASHINGTON (AP) — Text.', 0, [])?.agencies).toEqual([])
  })
})

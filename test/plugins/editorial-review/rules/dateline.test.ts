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

  it('reads a colon closing a credited dateline', () => {
    expect(read('WASHINGTON (AP): Officials met.')).toEqual({start: 0, end: 16, location: 'WASHINGTON', agencies: ['AP']})
  })

  it.each([
    ['a place alone', 'WASHINGTON: Officials met.'],
    ['a credit no agency has', 'NEW YORK (Bloomberg): Stocks fell.'],
  ])('reads no dateline from a colon after %s', (_what, text) => {
    expect(read(text)).toBeUndefined()
  })

  it.each([
    ['WASHINGTON AP — Officials met.', 'WASHINGTON', ['AP'], 'WASHINGTON AP —'],
    ['NEW YORK REUTERS - Stocks fell.', 'NEW YORK', ['Reuters'], 'NEW YORK REUTERS -'],
    ['(SeaPRwire) – BERLIN DPA — Text.', 'BERLIN', ['dpa'], 'BERLIN DPA —'],
  ])('reads a credit without parentheses after a place in capitals: %s', (text, location, agencies, passage) => {
    const dateline = read(text, text.startsWith('(') ? 11 : 0)
    expect(dateline).toMatchObject({location, agencies})
    expect(text.slice(dateline!.start, dateline!.end)).toBe(passage)
  })

  it('reads a place in capitals ending in a word no agency has as the place', () => {
    expect(read('NEW YORK CITY — Text.')).toMatchObject({location: 'NEW YORK CITY', agencies: []})
  })

  it('reads folded text, reporting the place and the offsets as written', () => {
    const text = '(SeaPRwire) –\u200b WASH\u00adINGTON (\u0410\u200bP) — Text.'
    expect(read(text, 11)).toEqual({
      start: text.indexOf('WASH'),
      end: text.indexOf(' Text'),
      location: 'WASH\u00adINGTON',
      agencies: ['AP'],
    })
    expect(read('WASHINGTON （ＡＰ） — Text.')).toMatchObject({location: 'WASHINGTON', agencies: ['AP']})
  })

  it('credits only the agencies it is given', () => {
    expect(readDateline('WASHINGTON (AP) — Text.', 0, [])?.agencies).toEqual([])
  })
})

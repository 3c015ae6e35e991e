import {describe, expect, it} from 'vitest'
import {parseLocalizedNumber} from '../../scripts/import/numbers'

describe('parseLocalizedNumber', () => {
  it.each([
    ['6.500', 'de', 6500],
    ['86.000', 'de', 86_000],
    ['3,5 Millionen', 'de', 3_500_000],
    ['90', 'de', 90],
    ['6,500', 'en', 6500],
    ['3.5 million', 'en', 3_500_000],
    ['6 500', 'fr', 6500],
    ['6\u202f500', 'fr', 6500],
    ['3,5 millions', 'fr', 3_500_000],
    ['3,5 millones', 'es', 3_500_000],
  ])('reads %s in %s as %d', (text, language, expected) => {
    expect(parseLocalizedNumber(text, language)).toBe(expected)
  })

  it.each([
    ['viele', 'de'],
    ['6.5.0x', 'de'],
    ['', 'en'],
  ])('refuses %s', (text, language) => {
    expect(parseLocalizedNumber(text, language)).toBeUndefined()
  })
})

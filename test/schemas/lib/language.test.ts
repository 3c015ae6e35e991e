import {describe, expect, it} from 'vitest'
import {validateLanguageTag} from '../../../schemas/lib/language'

describe('validateLanguageTag', () => {
  it.each(['de', 'en', 'pt-BR', 'zh-Hans', 'zh-Hant', 'en-GB'])('accepts %s', (tag) => {
    expect(validateLanguageTag(tag)).toBe(true)
  })

  it.each(['german', 'de_DE', 'xx', 'd', '123'])('rejects %s', (tag) => {
    expect(validateLanguageTag(tag)).toMatch(/is not a BCP 47 language tag/)
  })

  it('asks for the canonical casing', () => {
    expect(validateLanguageTag('pt-br')).toBe('Write the tag as "pt-BR".')
  })
})

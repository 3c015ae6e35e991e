import {describe, expect, it} from 'vitest'
import {block, ENGLISH_PARAGRAPH, plainArticle, release} from '../fixtures'
import {findingsOf} from './helpers'

describe('languageMismatch', () => {
  it('an English body declared German is a warning pointing at the language field', () => {
    const findings = findingsOf('languageMismatch', release([block('b0', ENGLISH_PARAGRAPH)], {language: 'de'}))
    expect(findings).toHaveLength(1)
    expect(findings[0]?.severity).toBe('warning')
    expect(findings[0]?.message).toContain('“de”')
    expect(findings[0]?.message).toContain('“en”')
    expect(findings[0]?.evidence).toEqual([{path: 'language', start: 0, end: 2, quote: 'de'}])
  })

  it('compares primary subtags: en-GB matches English text', () => {
    expect(findingsOf('languageMismatch', release([block('b0', ENGLISH_PARAGRAPH)], {language: 'en-GB'}))).toEqual([])
  })

  it('a German body declared German is fine', () => {
    expect(findingsOf('languageMismatch', plainArticle())).toEqual([])
  })

  it('too little text to tell is not a finding', () => {
    expect(
      findingsOf(
        'languageMismatch',
        release([block('b0', 'The company said on Tuesday that it expects growth.')], {language: 'de'}),
      ),
    ).toEqual([])
  })

  it('no declared language is not a finding', () => {
    expect(findingsOf('languageMismatch', release([block('b0', ENGLISH_PARAGRAPH)], {language: undefined}))).toEqual([])
  })
})

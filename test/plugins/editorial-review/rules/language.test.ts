import {describe, expect, it} from 'vitest'
import {bcp47FromIso6393, detectLanguage, primarySubtag} from '../../../../plugins/editorial-review/core'
import {ENGLISH_PARAGRAPH, readSeed, seedParagraphs} from '../fixtures'

describe('language detection', () => {
  it('detects German and English running text as BCP 47 primary subtags', () => {
    expect(detectLanguage(seedParagraphs(readSeed()).slice(1, 7).join('\n\n'))).toBe('de')
    expect(detectLanguage(ENGLISH_PARAGRAPH)).toBe('en')
  })

  it('says nothing below the word minimum', () => {
    expect(detectLanguage('Kurzer Text mit wenigen Wörtern.')).toBeUndefined()
    expect(detectLanguage(ENGLISH_PARAGRAPH, {minWords: 100})).toBeUndefined()
  })

  it.each([
    ['deu', 'de'],
    ['eng', 'en'],
    ['cmn', 'zh'],
    ['arb', 'ar'],
    ['zlm', 'ms'],
    ['ceb', 'ceb'],
  ])('maps ISO 639-3 %s to %s', (code, tag) => {
    expect(bcp47FromIso6393(code)).toBe(tag)
  })

  it.each([
    ['de-CH', 'de'],
    ['EN_gb', 'en'],
    ['zh-Hans', 'zh'],
    ['nb', 'no'],
  ])('primary subtag of %s is %s', (tag, primary) => {
    expect(primarySubtag(tag)).toBe(primary)
  })
})

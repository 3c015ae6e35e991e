import {describe, expect, it} from 'vitest'
import {
  fingerprintOf,
  releaseFingerprint,
  reuseText,
  shingleHashes,
} from '../../../../../plugins/editorial-review/rules/reuse/fingerprint'
import {normalizeWord, wordsOf} from '../../../../../plugins/editorial-review/rules/reuse/words'
import {documentText} from '../../../../../plugins/editorial-review/rules/text'
import {block, distributorDocs} from '../../fixtures'

const PARAGRAPH =
  'Northwind Robotics opened a second assembly plant in Leipzig on Monday, adding four hundred jobs and doubling its annual output of warehouse robots for European logistics firms.'

const doc = (...paragraphs: string[]) => ({_id: 'r', body: paragraphs.map((text, index) => block(`b${index}`, text))})

describe('words', () => {
  it('folds case, accents, compatibility forms, look-alike letters and invisible characters', () => {
    expect(normalizeWord('Résumé')).toBe('resume')
    expect(normalizeWord('ＡＰ')).toBe('ap')
    expect(normalizeWord('Straße')).toBe('strasse')
    // Cyrillic "А" and "Р" in a Latin word.
    expect(normalizeWord('АРI')).toBe('api')
    const [word] = wordsOf('Ro\u200bbotics')
    expect(word).toMatchObject({norm: 'robotics', start: 0, end: 9})
  })

  it('keeps each word’s offsets in the original string', () => {
    const text = '  Die Größe — über 40 %'
    expect(wordsOf(text).map(({start, end}) => text.slice(start, end))).toEqual(['Die', 'Größe', 'über', '40'])
  })
})

describe('fingerprints', () => {
  it('are the same for the same words however they are spelled or split into spans', () => {
    const plain = releaseFingerprint(doc(PARAGRAPH))
    const spelled = releaseFingerprint(doc(PARAGRAPH.toUpperCase().replace(/e/g, 'é')))
    expect(plain.hashes.length).toBeGreaterThan(0)
    expect(spelled.hashes).toEqual(plain.hashes)
  })

  it('do not depend on paragraph order, since no shingle runs across a paragraph end', () => {
    const second =
      'The company said the plant runs on solar power from its own roof and will train apprentices with the local chamber of commerce.'
    expect(releaseFingerprint(doc(second, PARAGRAPH)).hashes).toEqual(releaseFingerprint(doc(PARAGRAPH, second)).hashes)
  })

  it('sample about one shingle in eight', () => {
    const long = Array.from({length: 40}, (_, index) => `${PARAGRAPH.replace('Monday', `day ${index}`)}`).join(' ')
    const text = reuseText(documentText(doc(long)).body)
    const shingles = [...shingleHashes(text.words)].filter((hash) => hash >= 0)
    const ratio = fingerprintOf(text).length / new Set(shingles).size
    expect(ratio).toBeGreaterThan(0.05)
    expect(ratio).toBeLessThan(0.25)
  })

  it('leave out shingles of function words alone', () => {
    expect(releaseFingerprint(doc('and the of the in the to the of and for the with the by the')).hashes).toEqual([])
  })

  it("leave out a distributor's disclaimer and boilerplate", () => {
    const disclaimer =
      'The article is provided by a third-party content provider. SeaPRwire (https://www.seaprwire.com/) makes no warranties or representations in connection with it.'
    const withDisclaimer = releaseFingerprint(doc(PARAGRAPH, disclaimer), distributorDocs())
    expect(withDisclaimer.hashes).toEqual(releaseFingerprint(doc(PARAGRAPH)).hashes)
    const text = reuseText(documentText(doc(PARAGRAPH, disclaimer)).body, distributorDocs())
    expect(text.words.filter((word) => word.excluded).length).toBe(wordsOf(disclaimer).length)
  })
})

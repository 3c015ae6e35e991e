import {describe, expect, it} from 'vitest'
import {folded, foldText} from '../../../../plugins/editorial-review/rules/fold'
import {matchFolded} from '../../../../plugins/editorial-review/rules/match'
import type {TextUnit} from '../../../../plugins/editorial-review/rules/text'

/** The original passage a folded match of `pattern` stands for. */
const found = (text: string, pattern: RegExp) => {
  const fold = foldText(text)
  const match = pattern.exec(fold.text)
  if (!match) return undefined
  const [start, end] = fold.originalRange(match.index, match.index + match[0].length)
  return text.slice(start, end)
}

const unit = (text: string): TextUnit => ({scope: 'body', text, segments: [{path: 'body', offset: 0, length: text.length}]})

describe('foldText', () => {
  it.each([
    ['a zero-width space', 'A\u200bP'],
    ['a zero-width non-joiner', 'A\u200cP'],
    ['a zero-width joiner', 'A\u200dP'],
    ['a word joiner', 'A\u2060P'],
    ['a byte order mark', '\ufeffAP'],
    ['a soft hyphen', 'A\u00adP'],
    ['a left-to-right mark', 'A\u200eP'],
  ])('removes %s', (_what, text) => {
    expect(foldText(text).text).toBe('AP')
  })

  it.each([
    ['full-width letters and parentheses', '（ＡＰ）', '(AP)'],
    ['mathematical letters (surrogate pairs)', '\u{1d400}\u{1d40f}', 'AP'],
    ['a no-break space', 'A\u00a0P', 'A P'],
    ['a ligature', '\ufb01le', 'file'],
  ])('applies NFKC: %s', (_what, text, expected) => {
    expect(foldText(text).text).toBe(expected)
  })

  it.each([
    ['Cyrillic capitals', '\u0410\u0420 \u0422\u0410\u0421\u0421', 'AP TACC'],
    ['Greek capitals', '\u0391\u03a1 \u039a\u039d\u0391', 'AP KNA'],
    ['Cyrillic small letters', 'R\u0435ut\u0435rs \u0440\u0430', 'Reuters pa'],
    ['Greek small letters', 'Ky\u03bfd\u03bf', 'Kyodo'],
  ])('folds look-alike letters: %s', (_what, text, expected) => {
    expect(foldText(text).text).toBe(expected)
  })

  it('leaves other letters alone: no transliteration', () => {
    // Only look-alikes change: in "Москва" М, о, с and а fold, к and в stay; "Δέλτα" stays.
    expect(foldText('\u041c\u043e\u0441\u043a\u0432\u0430 \u0394\u03ad\u03bb\u03c4\u03b1 Z\u00fcrich \u6771\u4eac').text).toBe(
      'M' + 'oc\u043a\u0432a \u0394\u03ad\u03bb\u03c4\u03b1 Z\u00fcrich \u6771\u4eac',
    )
  })

  it.each([
    ['an invisible character inside the match', 'WASHINGTON (A\u200bP) — x', /\(AP\)/, '(A\u200bP)'],
    ['invisible characters at the text’s start', '\ufeff\u200b(AP) x', /\(AP\)/, '(AP)'],
    ['a look-alike and full-width letters', 'x （\u0410Ｐ） y', /\(AP\)/, '（\u0410Ｐ）'],
    ['a surrogate pair', 'x \u{1d400}P y', /AP/, '\u{1d400}P'],
    ['a ligature cut by the match', 'x \ufb01 y', /f/, '\ufb01'],
    ['text after a removed character', 'A\u200bP and AP', /AP$/, 'AP'],
  ])('maps a match back to the exact original passage: %s', (_what, text, pattern, passage) => {
    expect(found(text, pattern)).toBe(passage)
  })

  it('maps an original offset to where the folded text from there begins', () => {
    const fold = foldText('A\u200b\u200bBC')
    expect([0, 1, 2, 3, 4, 5].map((offset) => fold.foldedOffset(offset))).toEqual([0, 1, 1, 1, 2, 3])
    expect(fold.originalRange(3, 3)).toEqual([5, 5])
  })

  it('keeps ASCII text as it is, offsets unchanged', () => {
    const fold = foldText('WASHINGTON (AP) — x'.replace('—', '-'))
    expect(fold.text).toBe('WASHINGTON (AP) - x')
    expect(fold.originalRange(11, 15)).toEqual([11, 15])
    expect(fold.foldedOffset(7)).toBe(7)
  })

  it('keeps German copy as it is without walking it, offsets unchanged', () => {
    const fold = foldText('Grüße aus Zürich – Müller (AP)')
    expect(fold.text).toBe('Grüße aus Zürich – Müller (AP)')
    expect(fold.originalRange(26, 30)).toEqual([26, 30])
  })

  it('folds a whole string as it folds each of its characters, on whatever mix it gets', () => {
    // Characters that NFKC changes alone, that change only next to others (a combining
    // accent, Hangul jamo), look-alikes and invisibles, among ones that never change.
    const pool = [
      'a',
      'ü',
      'e',
      '\u0301',
      '\u1100',
      '\u1161',
      '\u212b',
      '\ufb01',
      '\u00a0',
      '\u0410',
      '\u200b',
      '–',
      'ß',
      '\u{1d400}',
      ' ',
    ]
    let seed = 7
    const next = () => (seed = (seed * 48271) % 2147483647)
    for (let sample = 0; sample < 2_000; sample++) {
      const text = Array.from({length: 1 + (next() % 8)}, () => pool[next() % pool.length]).join('')
      expect(foldText(text).text, JSON.stringify(text)).toBe([...text].map((character) => foldText(character).text).join(''))
    }
  })

  it('folds names the same way as text', () => {
    expect(folded('\u0410\u200bP')).toBe('AP')
    expect(folded('Reuters')).toBe('Reuters')
  })
})

describe('matchFolded', () => {
  it('reports matches in folded text as exact ranges of the original, groups folded', () => {
    const text = 'a (А\u200bP) b (AP) c'
    const matches = matchFolded([unit(text)], /\((AP)\)/g)
    expect(matches.map(({start, end}) => text.slice(start, end))).toEqual(['(А\u200bP)', '(AP)'])
    expect(matches.map(({groups}) => groups)).toEqual([['AP'], ['AP']])
  })
})

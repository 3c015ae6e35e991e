import {describe, expect, it} from 'vitest'
import {literalPattern} from '../../../../plugins/editorial-review/core'

const matches = (literal: string, text: string) => new RegExp(literalPattern(literal), 'i').exec(text)?.[0]

describe('literalPattern', () => {
  it.each([
    ['whitespace runs and NBSP', 'Der Artikel wird', 'x Der \u00a0Artikel\n wird y', 'Der \u00a0Artikel\n wird'],
    ['curly apostrophes', "L'article est", 'L’article est', 'L’article est'],
    ['dash variants', 'Echtzeit-Pressemitteilung', 'Echtzeit–Pressemitteilung', 'Echtzeit–Pressemitteilung'],
    ['regex characters literally', '(SeaPRwire)', 'a (SeaPRwire) b', '(SeaPRwire)'],
  ])('tolerates %s', (_what, literal, text, found) => {
    expect(matches(literal, text)).toBe(found)
  })

  it('does not invent whitespace or swallow other characters', () => {
    expect(matches('(SeaPRwire)', 'SeaPRwire')).toBeUndefined()
    expect(matches('Der Artikel', 'DerArtikel')).toBeUndefined()
    expect(matches('a.b', 'axb')).toBeUndefined()
  })
})

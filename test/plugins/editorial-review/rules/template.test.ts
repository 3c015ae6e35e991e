import {describe, expect, it} from 'vitest'
import {compiledTemplate, matchTemplate} from '../../../../plugins/editorial-review/core'

const TEMPLATE = 'reaching more than {mediaOutlets} media stores, {journalists} editors in {countries} countries.'

describe('matchTemplate', () => {
  it('reads what each placeholder stands for, trimmed', () => {
    expect(matchTemplate(TEMPLATE, 'reaching more than 6,500 media stores, 86,000 editors in 90 countries.')).toEqual({
      mediaOutlets: '6,500',
      journalists: '86,000',
      countries: '90',
    })
  })

  it('tolerates white space runs, no-break spaces, letter case and typographic dashes', () => {
    expect(
      matchTemplate(TEMPLATE, 'Reaching more\u00a0than  6,500 media stores, 86,000 editors in 90 countries.')?.countries,
    ).toBe('90')
    expect(matchTemplate('real-time {what}.', 'real–time news.')).toEqual({what: 'news'})
  })

  it('keeps the space that separates words around a placeholder', () => {
    expect(matchTemplate('in {countries} countries', 'in 90countries')).toBeUndefined()
    expect(matchTemplate('{a} {b}', 'x y')).toEqual({a: 'x', b: 'y'})
  })

  it('matches the whole text only', () => {
    expect(matchTemplate(TEMPLATE, 'Intro. reaching more than 1 media stores, 2 editors in 3 countries.')).toBeUndefined()
    expect(matchTemplate(TEMPLATE, 'reaching more than 1 media stores, 2 editors in 3 countries. More.')).toBeUndefined()
  })
})

describe('compiledTemplate', () => {
  it('finds where a passage that follows the template ends, from where it starts', () => {
    const text = 'Intro. reaching more than 1 media stores, 2 editors in 3 countries. Next paragraph.'
    const {passage} = compiledTemplate(TEMPLATE)
    passage.lastIndex = text.indexOf('reaching')
    expect(passage.exec(text)?.[0]).toBe('reaching more than 1 media stores, 2 editors in 3 countries.')
  })

  it('compiles a template once', () => {
    expect(compiledTemplate(TEMPLATE)).toBe(compiledTemplate(TEMPLATE))
  })
})

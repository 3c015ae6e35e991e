import {describe, expect, it} from 'vitest'
import {bodyPlainText, documentText, evidenceIn, itemSegment} from '../../../../plugins/editorial-review/core'
import {block, release, seedDocument} from '../fixtures'

describe('documentText', () => {
  it('scans the title, each text block and the copy as received, with their paths', () => {
    const text = documentText(seedDocument())
    expect(text.title?.segments).toEqual([{path: 'title', offset: 0, length: text.title!.text.length}])
    expect(text.body).toHaveLength(6)
    expect(text.body[0]?.segments[0]?.path).toBe('body[_key=="p0"].children[_key=="p0s0"].text')
    expect(text.source?.segments[0]?.path).toBe('source.originalText')
    expect(text.copy).toEqual([text.title, ...text.body])
  })

  it('joins a block’s spans and skips non-text items, addressing keyless items by index', () => {
    const document = release([
      {_type: 'image', _key: 'img'},
      {
        _type: 'block',
        markDefs: [],
        children: [
          {_type: 'span', text: 'Hello ', marks: []},
          {_type: 'inlineThing', _key: 'x'},
          {_type: 'span', _key: 's', text: 'world', marks: ['em']},
          {_type: 'span', _key: 'empty', text: '', marks: []},
        ],
      },
    ])
    const [unit, ...rest] = documentText(document).body
    expect(rest).toEqual([])
    expect(unit?.text).toBe('Hello world')
    expect(unit?.segments).toEqual([
      {path: 'body[1].children[0].text', offset: 0, length: 6, marks: []},
      {path: 'body[1].children[_key=="s"].text', offset: 6, length: 5, marks: ['em']},
    ])
  })

  it('evidence for a range splits at span borders, with offsets into each span', () => {
    const unit = documentText(
      release([
        {
          _type: 'block',
          _key: 'b',
          children: [
            {_type: 'span', _key: 'a', text: 'abc'},
            {_type: 'span', _key: 'c', text: 'def'},
          ],
        },
      ]),
    ).body[0]!
    expect(evidenceIn(unit, 1, 5)).toEqual([
      {path: 'body[_key=="b"].children[_key=="a"].text', start: 1, end: 3, quote: 'bc'},
      {path: 'body[_key=="b"].children[_key=="c"].text', start: 0, end: 2, quote: 'de'},
    ])
    expect(evidenceIn(unit, 3, 3)).toEqual([])
  })

  it('quotes keys in paths as JSON strings', () => {
    expect(itemSegment('body', 'a"b', 0)).toBe('body[_key=="a\\"b"]')
  })

  it('bodyPlainText joins paragraphs, and stops early when given a limit', () => {
    const text = documentText(release([block('a', 'one'), block('b', 'two'), block('c', 'three')]))
    expect(bodyPlainText(text)).toBe('one\n\ntwo\n\nthree')
    expect(bodyPlainText(text, 4)).toBe('one\n\ntwo')
  })
})

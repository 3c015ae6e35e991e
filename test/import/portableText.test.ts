import {describe, expect, it} from 'vitest'
import {paragraphToBlock} from '../../scripts/import/portableText'

describe('paragraphToBlock', () => {
  it('keeps plain text as one span with a stable key', () => {
    expect(paragraphToBlock('Die Beamten trafen sich.', 2)).toEqual({
      _type: 'block',
      _key: 'p2',
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: 'p2s0', text: 'Die Beamten trafen sich.', marks: []}],
    })
  })

  it('turns http and https addresses into link annotations', () => {
    const block = paragraphToBlock('Mehr unter https://example.org/a?b=1 und http://example.com.', 0)
    expect(block.markDefs).toEqual([
      {_type: 'link', _key: 'p0l0', href: 'https://example.org/a?b=1'},
      {_type: 'link', _key: 'p0l1', href: 'http://example.com'},
    ])
    expect(block.children.map((child) => [child.text, child.marks])).toEqual([
      ['Mehr unter ', []],
      ['https://example.org/a?b=1', ['p0l0']],
      [' und ', []],
      ['http://example.com', ['p0l1']],
      ['.', []],
    ])
  })

  it('leaves other schemes and bare hosts as literal text', () => {
    const text = 'Schreiben Sie an presse@example.org, ftp://example.org/x, www.example.org oder javascript:alert(1).'
    const block = paragraphToBlock(text, 0)
    expect(block.markDefs).toEqual([])
    expect(block.children).toEqual([{_type: 'span', _key: 'p0s0', text, marks: []}])
  })
})

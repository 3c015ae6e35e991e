import {describe, expect, it} from 'vitest'
import {
  diffSinceApproval,
  plainDiff,
  type FieldChange,
  type ParagraphChange,
} from '../../../../plugins/editorial-review/review/diff'
import type {BodyItem, PressReleaseDocument} from '../../../../plugins/editorial-review/core'
import {block} from '../fixtures'

function release(body: BodyItem[], extra: Partial<PressReleaseDocument> = {}): PressReleaseDocument {
  return {_id: 'pressRelease.x', _type: 'pressRelease', title: 'Talks resume', language: 'de', body, ...extra}
}

function bodyChanges(before: BodyItem[], after: BodyItem[]): ParagraphChange[] {
  const changes = diffSinceApproval(release(before), release(after))
  const body = changes.find((change): change is Extract<FieldChange, {kind: 'body'}> => change.kind === 'body')
  return body?.paragraphs ?? []
}

const one = block('a', 'The talks resume on Monday.')
const two = block('b', 'Both delegations arrive in Geneva.')
const three = block('c', 'A statement follows.')

/** A paragraph with a link on `linked` and bold on `bold`. */
function marked(key: string, href: string, decorator = 'strong'): BodyItem {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [{_type: 'link', _key: 'l1', href}],
    children: [
      {_type: 'span', _key: `${key}0`, text: 'Read ', marks: []},
      {_type: 'span', _key: `${key}1`, text: 'the statement', marks: ['l1']},
      {_type: 'span', _key: `${key}2`, text: ' now', marks: [decorator]},
    ],
  }
}

describe('diffSinceApproval on Portable Text', () => {
  it('is empty when nothing a reader sees changed (keys and span splits do not count)', () => {
    const resplit: BodyItem = {
      ...one,
      _key: 'other',
      children: [
        {_type: 'span', _key: 'x', text: 'The talks ', marks: []},
        {_type: 'span', _key: 'y', text: 'resume on Monday.', marks: []},
      ],
    }
    expect(diffSinceApproval(release([one, two]), release([resplit, two]))).toEqual([])
  })

  it('reports an added paragraph at its position', () => {
    expect(bodyChanges([one, three], [one, two, three])).toEqual([
      {kind: 'added', index: 1, text: 'Both delegations arrive in Geneva.'},
    ])
  })

  it('reports a removed paragraph with its approved position', () => {
    expect(bodyChanges([one, two, three], [one, three])).toEqual([
      {kind: 'removed', index: 1, text: 'Both delegations arrive in Geneva.'},
    ])
  })

  it('reports a reordered paragraph as moved, not as removed and added', () => {
    const changes = bodyChanges([one, two, three], [one, three, two])
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({kind: 'moved', text: expect.any(String)})
    const move = changes[0] as Extract<ParagraphChange, {kind: 'moved'}>
    expect([move.from, move.to]).toEqual(move.text === three.children![0]!.text ? [2, 1] : [1, 2])
  })

  it('compares a changed paragraph word by word', () => {
    const edited = block('a', 'The talks resume on Tuesday.')
    expect(bodyChanges([one, two], [edited, two])).toEqual([
      {
        kind: 'changed',
        index: 0,
        marks: [],
        parts: [
          {kind: 'same', text: 'The talks resume on '},
          {kind: 'removed', text: 'Monday'},
          {kind: 'added', text: 'Tuesday'},
          {kind: 'same', text: '.'},
        ],
      },
    ])
  })

  it('shows a rewritten phrase as one deletion and one insertion, not alternating words', () => {
    const [change] = bodyChanges([block('a', 'We meet in Rome on Monday.')], [block('a', 'We meet online next week.')])
    expect(change).toMatchObject({
      parts: [
        {kind: 'same', text: 'We meet '},
        {kind: 'removed', text: 'in Rome on Monday'},
        {kind: 'added', text: 'online next week'},
        {kind: 'same', text: '.'},
      ],
    })
  })

  it('reports a link whose target changed, on the same words', () => {
    const changes = bodyChanges([marked('m', 'https://example.com/a')], [marked('m', 'https://example.com/b')])
    expect(changes).toEqual([
      {
        kind: 'changed',
        index: 0,
        parts: [{kind: 'same', text: 'Read the statement now'}],
        marks: [
          {kind: 'removed', text: 'the statement', mark: {annotation: 'link', href: 'https://example.com/a'}},
          {kind: 'added', text: 'the statement', mark: {annotation: 'link', href: 'https://example.com/b'}},
        ],
      },
    ])
  })

  it('reports a decorator that changed', () => {
    const [change] = bodyChanges([marked('m', 'https://example.com/a')], [marked('m', 'https://example.com/a', 'em')])
    expect(change).toMatchObject({
      kind: 'changed',
      marks: [
        {kind: 'removed', text: ' now', mark: {decorator: 'strong'}},
        {kind: 'added', text: ' now', mark: {decorator: 'em'}},
      ],
    })
  })

  it('reports a mark added to plain words', () => {
    const plain = block('p', 'Read the statement now')
    const [change] = bodyChanges([plain], [marked('p', 'https://example.com/a')])
    expect(change).toMatchObject({
      kind: 'changed',
      parts: [{kind: 'same', text: 'Read the statement now'}],
      marks: [
        {kind: 'added', text: 'the statement', mark: {annotation: 'link', href: 'https://example.com/a'}},
        {kind: 'added', text: ' now', mark: {decorator: 'strong'}},
      ],
    })
  })

  it('reports a style change on the same words', () => {
    const heading: BodyItem = {...one, style: 'h2'}
    expect(bodyChanges([one], [heading])).toEqual([
      {
        kind: 'changed',
        index: 0,
        parts: [{kind: 'same', text: one.children![0]!.text}],
        marks: [],
        style: {before: 'normal', after: 'h2'},
      },
    ])
  })
})

describe('diffSinceApproval on the other judged fields', () => {
  it('lists title, distributor and categories changes, field by field, in form order', () => {
    const approved = release([one], {
      title: 'Talks resume',
      distributor: {_type: 'reference', _ref: 'distributor.seaprwire'},
      categories: [{_type: 'reference', _ref: 'category.a', _key: 'k1'}],
    })
    const current = release([one], {
      title: 'Talks resume in Geneva',
      distributor: {_type: 'reference', _ref: 'distributor.globenewswire'},
      categories: [{_type: 'reference', _ref: 'category.b', _key: 'k2'}],
    })
    const changes = diffSinceApproval(approved, current)
    expect(changes.map((change) => change.field)).toEqual(['title', 'distributor', 'categories'])
    expect(plainDiff(changes)).toEqual([
      'title: Talks resume{+ in Geneva+}',
      'distributor: distributor.seaprwire → distributor.globenewswire',
      'categories: -category.a, +category.b',
    ])
  })

  it('renders the body diff as plain text for the audit', () => {
    expect(plainDiff(diffSinceApproval(release([one, two]), release([block('a', 'The talks resume on Tuesday.')])))).toEqual([
      'body:',
      '  paragraph 1: The talks resume on [-Monday-]{+Tuesday+}.',
      '  paragraph 2 (approved) removed: [-Both delegations arrive in Geneva.-]',
    ])
  })
})

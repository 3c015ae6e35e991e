import {describe, expect, it} from 'vitest'
import {contentHash, type MarkDefLike, type PressReleaseDocument, type SpanLike} from '../../../../plugins/editorial-review/core'
import {block, linkedBlock, seedDocument} from '../fixtures'

/** The same value with every object's keys in reverse order, at every depth. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, field]) => [key, reverseKeys(field)]),
    ) as T
  }
  return value
}

function edited(change: (document: PressReleaseDocument) => void): PressReleaseDocument {
  const document = structuredClone(seedDocument())
  change(document)
  return document
}

const seedHash = contentHash(seedDocument())

describe('contentHash', () => {
  it('is a sha256 hex digest', () => {
    expect(seedHash).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it.each<[string, (document: PressReleaseDocument) => void]>([
    ['_rev', (d) => void (d._rev = 'rev-2')],
    ['_updatedAt', (d) => void (d._updatedAt = '2030-01-01T00:00:00Z')],
    ['_createdAt', (d) => void (d._createdAt = '2030-01-01T00:00:00Z')],
    ['the drafts. id prefix', (d) => void (d._id = `drafts.${d._id}`)],
    [
      'the review',
      (d) => void (d.review = {_type: 'editorialReview', status: 'approved', thirdParty: true, contentHash: 'sha256:x'}),
    ],
    ['a block _key', (d) => void (d.body![0]!._key = 'other')],
    ['a span _key', (d) => void (d.body![0]!.children![0]!._key = 'other')],
    ['a category _key', (d) => void (d.categories![0]!._key = 'other')],
    ['the category order', (d) => void d.categories!.reverse()],
    ['the source and import metadata', (d) => void (d.source = {originalText: 'x'})],
    ['slug, receivedAt, infoSources', (d) => void Object.assign(d, {slug: {current: 'x'}, receivedAt: 'y', infoSources: []})],
    [
      'splitting a span in two with the same marks',
      (d) => {
        const text = d.body![1]!.children![0]!.text!
        d.body![1]!.children = [
          {_type: 'span', _key: 'a', text: text.slice(0, 10), marks: []},
          {_type: 'span', _key: 'b', text: text.slice(10), marks: []},
        ]
      },
    ],
  ])('ignores %s', (_what, change) => {
    expect(contentHash(edited(change))).toBe(seedHash)
  })

  it('ignores key order at every depth', () => {
    expect(contentHash(reverseKeys(seedDocument()))).toBe(seedHash)
  })

  it.each<[string, (document: PressReleaseDocument) => void]>([
    ['a body edit', (d) => void (d.body![2]!.children![0]!.text += ' Ergänzt.')],
    ['a removed paragraph', (d) => void d.body!.pop()],
    ['reordered paragraphs', (d) => void d.body!.reverse()],
    ['a mark', (d) => void (d.body![0]!.children![0]!.marks = ['strong'])],
    ['a block style', (d) => void (d.body![0]!.style = 'h2')],
    ['the title', (d) => void (d.title = 'Neuer Titel')],
    ['the language', (d) => void (d.language = 'en')],
    ['the dateline', (d) => void (d.dateline = {location: 'TEL AVIV', agency: 'AP'})],
    ['the distributor', (d) => void (d.distributor = {_ref: 'distributor.prnewswire'})],
    ['the disclaimer', (d) => void delete d.disclaimer],
    ['a category', (d) => void d.categories!.pop()],
  ])('changes with %s', (_what, change) => {
    expect(contentHash(edited(change))).not.toBe(seedHash)
  })

  it('judges link targets, not annotation keys', () => {
    const link = (key: string, href: string) => ({body: [linkedBlock(key, 'See ', 'this', '.', href)]})
    expect(contentHash(link('a', 'https://example.com/1'))).toBe(contentHash(link('b', 'https://example.com/1')))
    expect(contentHash(link('a', 'https://example.com/1'))).not.toBe(contentHash(link('a', 'https://example.com/2')))
  })

  it('ignores the _keys of other body items, but not what they hold', () => {
    const image = (key: string, ref: string) => ({body: [{_type: 'image', _key: key, asset: {_type: 'reference', _ref: ref}}]})
    expect(contentHash(image('a', 'image-1'))).toBe(contentHash(image('b', 'image-1')))
    expect(contentHash(image('a', 'image-1'))).not.toBe(contentHash(image('a', 'image-2')))
  })

  it('never hashes a decorator named like a link as that link, so a link cannot go live unjudged', () => {
    const link = {_type: 'link', href: 'https://evil.example/'}
    const decoratorNamedLikeLink = JSON.stringify(link)
    const paragraph = (markDefs: MarkDefLike[]) => ({
      body: [
        {
          _type: 'block',
          _key: 'a',
          style: 'normal',
          markDefs,
          children: [{_type: 'span', _key: 's', text: 'WASHINGTON (AP) — x', marks: [decoratorNamedLikeLink]}],
        },
      ],
    })
    expect(contentHash(paragraph([]))).not.toBe(contentHash(paragraph([{...link, _key: decoratorNamedLikeLink}])))
  })

  it('never hashes a child without _type like a span of the same text', () => {
    // What a client can send over the API, whatever the schema says.
    const paragraph = (child: object) => ({
      body: [{_type: 'block', _key: 'a', style: 'normal', markDefs: [], children: [child as SpanLike]}],
    })
    const text = '(SeaPRwire) – BERLIN (AP) – x'
    expect(contentHash(paragraph({_key: 's', text, marks: []}))).not.toBe(
      contentHash(paragraph({_type: 'span', _key: 's', text, marks: []})),
    )
  })

  it('distinguishes an empty document from one with an empty body paragraph', () => {
    expect(contentHash({})).not.toBe(contentHash({body: [block('a', 'x')]}))
  })
})

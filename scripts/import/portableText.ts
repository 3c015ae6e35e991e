import type {PortableTextBlock, PortableTextMarkDefinition, PortableTextSpan} from '@portabletext/types'
import LinkifyIt from 'linkify-it'

export interface LinkMarkDefinition extends PortableTextMarkDefinition {
  _type: 'link'
  href: string
}

export type BodyBlock = PortableTextBlock<LinkMarkDefinition, PortableTextSpan & {_key: string}, 'normal'> & {_key: string}

// Only explicit web addresses become links; "www.x" without a scheme, e-mail addresses
// and every other scheme stay literal text.
const linkify = new LinkifyIt({}, {fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false})
const WEB_SCHEMES = new Set(['http:', 'https:'])

/**
 * One paragraph as a Portable Text block. Keys derive from the paragraph's position, so
 * importing the same file twice yields identical blocks.
 */
export function paragraphToBlock(text: string, index: number): BodyBlock {
  const key = `p${index}`
  const children: (PortableTextSpan & {_key: string})[] = []
  const markDefs: LinkMarkDefinition[] = []
  let cursor = 0
  const span = (spanText: string, marks: string[]) =>
    children.push({_type: 'span', _key: `${key}s${children.length}`, text: spanText, marks})
  for (const match of linkify.match(text) ?? []) {
    if (!WEB_SCHEMES.has(match.schema.toLowerCase())) continue
    if (match.index > cursor) span(text.slice(cursor, match.index), [])
    const linkKey = `${key}l${markDefs.length}`
    markDefs.push({_type: 'link', _key: linkKey, href: match.url})
    span(match.raw, [linkKey])
    cursor = match.lastIndex
  }
  if (cursor < text.length || children.length === 0) span(text.slice(cursor), [])
  return {_type: 'block', _key: key, style: 'normal', markDefs, children}
}

/** Plain text of a block, for hashing and language detection. */
export function blockText(block: BodyBlock): string {
  return block.children.map((child) => child.text).join('')
}

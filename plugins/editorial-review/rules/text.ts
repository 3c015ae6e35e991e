/**
 * The strings detection scans, each with the Sanity paths its characters come from, so
 * a match found in a whole paragraph can be reported as exact ranges in the spans an
 * editor sees.
 */
import type {BodyItem, Evidence, MarkDefLike, PressReleaseDocument} from './types'

/** Which part of the document a string comes from. */
export type TextScope = 'title' | 'body' | 'source'

/** One string field's share of a scanned unit. */
export interface TextSegment {
  /** Sanity path of the string field. */
  path: string
  /** Where the field's value starts within the unit's text. */
  offset: number
  /** Length of the field's value. */
  length: number
  /** A span's marks: decorators, and `_key`s of the block's annotations. */
  marks?: string[]
}

/** A string scanned as one piece: the title, one body block (its spans joined), or the copy as received. */
export interface TextUnit {
  scope: TextScope
  text: string
  segments: TextSegment[]
  /** A body block's annotations (links), which its spans' marks refer to. */
  markDefs?: MarkDefLike[]
}

export interface DocumentText {
  title: TextUnit | undefined
  /** One unit per text block, in body order. */
  body: TextUnit[]
  /** `source.originalText`: the copy as received, with the disclaimer and boilerplate an import moved out of the body. */
  source: TextUnit | undefined
  /** Title and body: the copy editors work on. */
  copy: TextUnit[]
}

/** A path segment addressing an array item by `_key`, or by index when an item has none. */
export function itemSegment(field: string, key: string | undefined, index: number): string {
  return key ? `${field}[_key==${JSON.stringify(key)}]` : `${field}[${index}]`
}

function fieldUnit(scope: TextScope, path: string, value: unknown): TextUnit | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined
  return {scope, text: value, segments: [{path, offset: 0, length: value.length}]}
}

function blockUnit(block: BodyItem, blockIndex: number): TextUnit | undefined {
  if (block._type !== 'block' || !Array.isArray(block.children)) return undefined
  const blockPath = itemSegment('body', block._key, blockIndex)
  const segments: TextSegment[] = []
  const parts: string[] = []
  let offset = 0
  block.children.forEach((child, childIndex) => {
    if (child._type !== 'span' || typeof child.text !== 'string' || child.text.length === 0) return
    const path = `${blockPath}.${itemSegment('children', child._key, childIndex)}.text`
    segments.push({path, offset, length: child.text.length, marks: child.marks ?? []})
    parts.push(child.text)
    offset += child.text.length
  })
  return segments.length > 0 ? {scope: 'body', text: parts.join(''), segments, markDefs: block.markDefs ?? []} : undefined
}

/** Extracts every string detection scans, once per detection run. */
export function documentText(document: PressReleaseDocument): DocumentText {
  const title = fieldUnit('title', 'title', document.title)
  const body: TextUnit[] = []
  document.body?.forEach((item, index) => {
    const unit = blockUnit(item, index)
    if (unit) body.push(unit)
  })
  const source = fieldUnit('source', 'source.originalText', document.source?.originalText)
  return {title, body, source, copy: title ? [title, ...body] : body}
}

/**
 * Evidence for the range [start, end) of a unit: one entry per field the range
 * touches, because a passage may run across spans with different marks.
 */
export function evidenceIn(unit: TextUnit, start: number, end: number): Evidence[] {
  const evidence: Evidence[] = []
  for (const segment of unit.segments) {
    const from = Math.max(start, segment.offset)
    const to = Math.min(end, segment.offset + segment.length)
    if (from >= to) continue
    evidence.push({path: segment.path, start: from - segment.offset, end: to - segment.offset, quote: unit.text.slice(from, to)})
  }
  return evidence
}

/**
 * Body blocks joined as paragraphs: the running text, for language detection. With a
 * limit, joining stops once that many characters are collected (a 10,000-word body
 * need not be copied to read its first paragraphs).
 */
export function bodyPlainText(text: DocumentText, limit = Infinity): string {
  const parts: string[] = []
  let length = 0
  for (const unit of text.body) {
    if (length >= limit) break
    length += (parts.length > 0 ? 2 : 0) + unit.text.length
    parts.push(unit.text)
  }
  return parts.join('\n\n')
}

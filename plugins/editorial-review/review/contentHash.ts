/**
 * A stable hash of what a reviewer judges: title, body text with its marks and link
 * targets, dateline, distributor, disclaimer, categories and language. Storage
 * details (`_key`s, `_rev`, `_updatedAt`, the review itself, key order, how the
 * editor happened to split spans) never change it; any change a reader could see does.
 */
import canonicalize from 'canonicalize'
import {sha256Hex} from '../rules/hash'
import type {BodyItem, MarkDefLike, PressReleaseDocument, SpanLike} from '../rules/types'

/** Bumped when the judged form changes; every earlier approval then reads as outdated. */
const FORM_VERSION = 2

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

/** Drops `_key`s (storage identity, not content) and undefined values, at every depth. */
function withoutKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(withoutKeys)
  if (value && typeof value === 'object') {
    const result: {[key: string]: Json} = {}
    for (const [key, field] of Object.entries(value)) {
      if (key !== '_key' && field !== undefined) result[key] = withoutKeys(field)
    }
    return result
  }
  return value === undefined ? null : (value as Json)
}

/**
 * A span's marks as content: decorators by name, annotations by what they hold, in a
 * fixed order. The two are tagged apart, so a decorator named like an annotation's JSON
 * never hashes as that annotation (a link added later would go live unjudged).
 */
function resolvedMarks(marks: string[] | undefined, markDefs: MarkDefLike[]): string[] {
  return (marks ?? [])
    .map((mark) => {
      const definition = markDefs.find((def) => def._key === mark)
      return definition ? `annotation:${canonicalize(withoutKeys(definition))!}` : `decorator:${mark}`
    })
    .sort()
}

interface JudgedSpan {
  text: string
  marks: string[]
}

/** Spans with their text and marks; adjacent spans marked alike are one run of text to a reader. */
function judgedChildren(children: SpanLike[], markDefs: MarkDefLike[]): Json[] {
  const result: (JudgedSpan | Json)[] = []
  let previous: JudgedSpan | undefined
  for (const child of children) {
    if (child._type !== 'span') {
      // Tagged as an inline object, so a child without `_type` never hashes like a span of the same text.
      result.push({inline: withoutKeys(child)})
      previous = undefined
      continue
    }
    const text = typeof child.text === 'string' ? child.text : ''
    if (text.length === 0) continue
    const marks = resolvedMarks(child.marks, markDefs)
    if (previous && previous.marks.join('\u0000') === marks.join('\u0000')) {
      previous.text += text
      continue
    }
    previous = {text, marks}
    result.push(previous)
  }
  return result as Json[]
}

function judgedBlock(item: BodyItem): Json {
  if (item._type !== 'block') return withoutKeys(item)
  const block: {[key: string]: Json} = {
    _type: 'block',
    style: item.style ?? 'normal',
    children: judgedChildren(item.children ?? [], item.markDefs ?? []),
  }
  if (item.listItem !== undefined) block.listItem = item.listItem
  if (item.level !== undefined) block.level = item.level
  return block
}

/** The judged content as plain JSON; what `contentHash` hashes. */
export function judgedContent(document: PressReleaseDocument): Json {
  return {
    v: FORM_VERSION,
    title: document.title ?? null,
    language: document.language ?? null,
    dateline: document.dateline ? {location: document.dateline.location ?? null, agency: document.dateline.agency ?? null} : null,
    body: (document.body ?? []).map(judgedBlock),
    distributor: document.distributor?._ref ?? null,
    disclaimer: document.disclaimer?._ref ?? null,
    // The set of categories is judged, not the order an editor picked them in.
    categories: (document.categories ?? []).map((category) => category._ref).sort(),
    // An article's source credits are what readers see of its sources; only present when
    // given, so the hash of copy without credits (every release) is what it always was.
    ...(document.credits?.length
      ? {credits: document.credits.map((credit) => ({release: credit.release?._ref ?? null, label: credit.label ?? null}))}
      : {}),
  }
}

/** 'sha256:<hex>' over the RFC 8785 canonical JSON of the judged content. */
export function contentHash(document: PressReleaseDocument): string {
  return `sha256:${sha256Hex(canonicalize(judgedContent(document))!)}`
}

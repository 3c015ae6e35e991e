/**
 * What changed since an approval: the approved content against the current content,
 * field by field, over exactly what the content hash judges (`judgedContent`), so the
 * diff is empty exactly when the approval still holds. Portable Text is aligned
 * paragraph by paragraph (added, removed, moved, changed) and a changed paragraph is
 * compared word by word, with its marks and links. Pure: the Studio panel and the audit
 * render the same result.
 */
import canonicalize from 'canonicalize'
import {diffArrays, diffWordsWithSpace} from 'diff'
import type {PressReleaseDocument} from '../rules/types'
import {judgedContent} from './contentHash'

/** A run of text that stayed, was inserted or was deleted. */
export interface TextPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** A mark on a passage: a decorator (`strong`, `em`) or an annotation such as a link. */
export interface MarkChange {
  kind: 'added' | 'removed'
  /** The marked passage. */
  text: string
  /** `decorator` marks carry `name`; annotations their type and, for links, `href`. */
  mark: {decorator: string} | {annotation: string; href?: string}
}

export type ParagraphChange =
  | {kind: 'added'; index: number; text: string}
  | {kind: 'removed'; index: number; text: string}
  | {kind: 'moved'; from: number; to: number; text: string}
  | {
      kind: 'changed'
      /** Position in the current body. */
      index: number
      /** Word by word; all `same` when only marks or the style changed. */
      parts: TextPart[]
      marks: MarkChange[]
      /** Paragraph style or list kind, when it changed. */
      style?: {before: string; after: string}
    }

/** The judged fields, in the order the form shows them. */
export type DiffField = 'title' | 'dateline' | 'body' | 'language' | 'distributor' | 'disclaimer' | 'categories'

export type FieldChange =
  | {field: 'title' | 'dateline' | 'language'; kind: 'text'; parts: TextPart[]}
  | {field: 'distributor' | 'disclaimer'; kind: 'reference'; before: string | null; after: string | null}
  | {field: 'categories'; kind: 'references'; added: string[]; removed: string[]}
  | {field: 'body'; kind: 'body'; paragraphs: ParagraphChange[]}

interface JudgedSpan {
  text: string
  marks: string[]
}

interface JudgedParagraph {
  /** Canonical JSON of the judged block: equal exactly when a reader sees the same paragraph. */
  id: string
  text: string
  spans: JudgedSpan[]
  style: string
}

type Judged = ReturnType<typeof judgedContent> & Record<string, unknown>

/**
 * Word by word. A space between two changed words belongs to the change, so a rewritten
 * phrase reads as one deletion and one insertion, not as alternating words.
 */
function words(before: string, after: string): TextPart[] {
  const changes = diffWordsWithSpace(before, after)
  const parts: TextPart[] = []
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed) parts.push({kind: 'removed', text: removed})
    if (added) parts.push({kind: 'added', text: added})
    removed = added = ''
  }
  changes.forEach((change, index) => {
    if (change.removed) removed += change.value
    else if (change.added) added += change.value
    else if (
      (removed || added) &&
      /^\s+$/.test(change.value) &&
      changes[index + 1] &&
      (changes[index + 1]!.added || changes[index + 1]!.removed)
    ) {
      removed += change.value
      added += change.value
    } else {
      flush()
      parts.push({kind: 'same', text: change.value})
    }
  })
  flush()
  return parts
}

function unchanged(parts: TextPart[]): boolean {
  return parts.every((part) => part.kind === 'same')
}

function paragraphOf(block: unknown): JudgedParagraph {
  const id = canonicalize(block) ?? ''
  const value = (block ?? {}) as {_type?: string; style?: string; listItem?: string; children?: unknown[]}
  if (value._type !== 'block') return {id, text: `[${value._type ?? 'object'}]`, spans: [], style: value._type ?? 'object'}
  const spans = (value.children ?? []).map((child) => {
    const span = child as {text?: string; marks?: string[]; inline?: {_type?: string}}
    return span.inline
      ? {text: `[${span.inline._type ?? 'object'}]`, marks: []}
      : {text: span.text ?? '', marks: span.marks ?? []}
  })
  const style = [value.style ?? 'normal', value.listItem].filter(Boolean).join(' ')
  return {id, text: spans.map((span) => span.text).join(''), spans, style}
}

/** `contentHash` writes a mark as `decorator:<name>` or `annotation:<canonical JSON of the definition>`. */
function readMark(mark: string): MarkChange['mark'] {
  if (mark.startsWith('decorator:')) return {decorator: mark.slice('decorator:'.length)}
  try {
    const definition = JSON.parse(mark.slice('annotation:'.length)) as {_type?: string; href?: unknown}
    return {
      annotation: definition._type ?? 'annotation',
      ...(typeof definition.href === 'string' ? {href: definition.href} : {}),
    }
  } catch {
    return {annotation: mark}
  }
}

/** The passages each mark covers, adjacent spans under the same mark joined. */
function markedPassages(paragraph: JudgedParagraph): Map<string, string[]> {
  const passages = new Map<string, string[]>()
  let open = new Map<string, string>()
  for (const span of paragraph.spans) {
    const next = new Map<string, string>()
    for (const mark of span.marks) next.set(mark, (open.get(mark) ?? '') + span.text)
    for (const [mark, text] of open) if (!next.has(mark)) passages.set(mark, [...(passages.get(mark) ?? []), text])
    open = next
  }
  for (const [mark, text] of open) passages.set(mark, [...(passages.get(mark) ?? []), text])
  return passages
}

function markChanges(before: JudgedParagraph, after: JudgedParagraph): MarkChange[] {
  const old = markedPassages(before)
  const now = markedPassages(after)
  const changes: MarkChange[] = []
  const missing = (kind: MarkChange['kind'], from: Map<string, string[]>, to: Map<string, string[]>) => {
    for (const [mark, texts] of from) {
      const remaining = [...(to.get(mark) ?? [])]
      for (const text of texts) {
        const index = remaining.indexOf(text)
        if (index >= 0) remaining.splice(index, 1)
        else changes.push({kind, text, mark: readMark(mark)})
      }
    }
  }
  missing('removed', old, now)
  missing('added', now, old)
  return changes
}

function changedParagraph(before: JudgedParagraph, after: JudgedParagraph, index: number): ParagraphChange {
  return {
    kind: 'changed',
    index,
    parts: words(before.text, after.text),
    marks: markChanges(before, after),
    ...(before.style === after.style ? {} : {style: {before: before.style, after: after.style}}),
  }
}

/**
 * Paragraphs aligned by their judged content. A paragraph deleted in one place and
 * inserted unchanged in another moved; within a run of deletions followed by
 * insertions, the paragraphs are paired in order as edits of each other.
 */
export function diffBody(approved: unknown[], current: unknown[]): ParagraphChange[] {
  const before = approved.map(paragraphOf)
  const after = current.map(paragraphOf)
  const changes = diffArrays(before, after, {comparator: (left, right) => left.id === right.id})
  const removedIds = changes.filter((change) => change.removed).flatMap((change) => change.value.map((p) => p.id))
  const addedIds = new Set(changes.filter((change) => change.added).flatMap((change) => change.value.map((p) => p.id)))
  const moved = new Set(removedIds.filter((id) => addedIds.has(id)))

  const result: ParagraphChange[] = []
  let oldIndex = 0
  let newIndex = 0
  let pendingRemoved: {paragraph: JudgedParagraph; index: number}[] = []
  const flushRemoved = () => {
    for (const {paragraph, index} of pendingRemoved) result.push({kind: 'removed', index, text: paragraph.text})
    pendingRemoved = []
  }
  for (const change of changes) {
    if (!change.added && !change.removed) {
      flushRemoved()
      oldIndex += change.count
      newIndex += change.count
      continue
    }
    if (change.removed) {
      for (const paragraph of change.value) {
        if (!moved.has(paragraph.id)) pendingRemoved.push({paragraph, index: oldIndex})
        oldIndex++
      }
      continue
    }
    for (const paragraph of change.value) {
      if (moved.has(paragraph.id)) {
        const from = before.findIndex((candidate) => candidate.id === paragraph.id)
        result.push({kind: 'moved', from, to: newIndex, text: paragraph.text})
      } else {
        const edited = pendingRemoved.shift()
        result.push(
          edited
            ? changedParagraph(edited.paragraph, paragraph, newIndex)
            : {kind: 'added', index: newIndex, text: paragraph.text},
        )
      }
      newIndex++
    }
  }
  flushRemoved()
  return result
}

function datelineText(dateline: unknown): string {
  const value = (dateline ?? {}) as {location?: string | null; agency?: string | null}
  return [value.location, value.agency].filter(Boolean).join(' · ')
}

function textChange(field: 'title' | 'dateline' | 'language', before: string, after: string): FieldChange[] {
  const parts = words(before, after)
  return unchanged(parts) ? [] : [{field, kind: 'text', parts}]
}

/** What changed from the approved document to the current one; empty when a reader would see the same content. */
export function diffSinceApproval(approved: PressReleaseDocument, current: PressReleaseDocument): FieldChange[] {
  const before = judgedContent(approved) as Judged
  const after = judgedContent(current) as Judged
  const changes: FieldChange[] = [
    ...textChange('title', String(before.title ?? ''), String(after.title ?? '')),
    ...textChange('dateline', datelineText(before.dateline), datelineText(after.dateline)),
  ]
  const body = diffBody(before.body as unknown[], after.body as unknown[])
  if (body.length > 0) changes.push({field: 'body', kind: 'body', paragraphs: body})
  changes.push(...textChange('language', String(before.language ?? ''), String(after.language ?? '')))
  for (const field of ['distributor', 'disclaimer'] as const) {
    const was = (before[field] as string | null) ?? null
    const now = (after[field] as string | null) ?? null
    if (was !== now) changes.push({field, kind: 'reference', before: was, after: now})
  }
  const oldCategories = before.categories as string[]
  const newCategories = after.categories as string[]
  const added = newCategories.filter((id) => !oldCategories.includes(id))
  const removed = oldCategories.filter((id) => !newCategories.includes(id))
  if (added.length + removed.length > 0) changes.push({field: 'categories', kind: 'references', added, removed})
  return changes
}

/** Inline word diff as plain text: `[-deleted-]{+inserted+}` (the wdiff convention), for logs and the audit. */
export function plainParts(parts: TextPart[]): string {
  return parts
    .map((part) => (part.kind === 'added' ? `{+${part.text}+}` : part.kind === 'removed' ? `[-${part.text}-]` : part.text))
    .join('')
}

function plainMark(change: MarkChange): string {
  const mark =
    'decorator' in change.mark
      ? change.mark.decorator
      : `${change.mark.annotation}${change.mark.href ? ` ${change.mark.href}` : ''}`
  return `${change.kind === 'added' ? '+' : '-'}${mark} on "${change.text}"`
}

function plainParagraph(change: ParagraphChange): string[] {
  switch (change.kind) {
    case 'added':
      return [`paragraph ${change.index + 1} added: {+${change.text}+}`]
    case 'removed':
      return [`paragraph ${change.index + 1} (approved) removed: [-${change.text}-]`]
    case 'moved':
      return [`paragraph moved from ${change.from + 1} to ${change.to + 1}: ${change.text}`]
    case 'changed':
      return [
        `paragraph ${change.index + 1}: ${plainParts(change.parts)}`,
        ...change.marks.map((mark) => `  ${plainMark(mark)}`),
        ...(change.style ? [`  style ${change.style.before} → ${change.style.after}`] : []),
      ]
  }
}

/** The diff as indented plain-text lines (English, field names as in the schema). */
export function plainDiff(changes: FieldChange[]): string[] {
  return changes.flatMap((change): string[] => {
    switch (change.kind) {
      case 'text':
        return [`${change.field}: ${plainParts(change.parts)}`]
      case 'reference':
        return [`${change.field}: ${change.before ?? '(none)'} → ${change.after ?? '(none)'}`]
      case 'references':
        return [`${change.field}: ${[...change.removed.map((id) => `-${id}`), ...change.added.map((id) => `+${id}`)].join(', ')}`]
      case 'body':
        return [`body:`, ...change.paragraphs.flatMap(plainParagraph).map((line) => `  ${line}`)]
    }
  })
}

/**
 * Matching helpers shared by the rules: literal marker phrases become patterns that
 * tolerate the typographic noise of copy passed between wires (whitespace runs and
 * NBSP, curly quotes, dash variants), while ranges stay exact offsets into the text.
 */
import type {Evidence} from './types'
import {evidenceIn, type DocumentText, type TextUnit} from './text'

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g

/** Characters that wires swap for one another; each becomes a class of its variants. */
const EQUIVALENT_CHARACTERS: Record<string, string> = {
  "'": "['‘’ʼ]",
  '‘': "['‘’ʼ]",
  '’': "['‘’ʼ]",
  '"': '["“”„«»]',
  '“': '["“”„«»]',
  '”': '["“”„«»]',
  '„': '["“”„«»]',
  '-': '[-‐‑–—]',
  '–': '[-‐‑–—]',
  '—': '[-‐‑–—]',
}

/** Regex source matching `literal` with any whitespace run (NBSP included) for each run of whitespace. */
export function literalPattern(literal: string): string {
  let source = ''
  for (const token of literal.trim().split(/(\s+)/)) {
    if (/^\s+$/.test(token)) {
      source += '\\s+'
      continue
    }
    for (const character of token) {
      source += EQUIVALENT_CHARACTERS[character] ?? character.replace(REGEX_SPECIAL, '\\$&')
    }
  }
  return source
}

/** A matched range in a unit. */
export interface UnitMatch {
  unit: TextUnit
  start: number
  end: number
  /** Capture groups of the match, for rules that read what was matched. */
  groups: (string | undefined)[]
}

/** Every match of a global regex in the units, in order. */
export function matchUnits(units: TextUnit[], regex: RegExp): UnitMatch[] {
  const matches: UnitMatch[] = []
  for (const unit of units) {
    regex.lastIndex = 0
    for (let match = regex.exec(unit.text); match; match = regex.exec(unit.text)) {
      if (match[0].length === 0) {
        regex.lastIndex++
        continue
      }
      matches.push({unit, start: match.index, end: match.index + match[0].length, groups: match.slice(1)})
    }
  }
  return matches
}

/**
 * Matches in the copy editors work on, or else in the copy as received. Evidence should
 * point where an editor can act; the received text still proves where copy came from
 * after an editor removed the passage from the body.
 */
export function matchCopyElseSource(text: DocumentText, scan: (units: TextUnit[]) => UnitMatch[]): UnitMatch[] {
  const inCopy = scan(text.copy)
  if (inCopy.length > 0 || !text.source) return inCopy
  return scan([text.source])
}

/**
 * End of the paragraph holding `from`: a body block or the title is one paragraph; in
 * the received text a paragraph ends at the line break.
 */
export function paragraphEnd(unit: TextUnit, from: number): number {
  let end = unit.text.length
  if (unit.scope === 'source') {
    const lineBreak = unit.text.indexOf('\n', from)
    if (lineBreak !== -1) end = lineBreak
  }
  while (end > from && /\s/.test(unit.text[end - 1]!)) end--
  return end
}

/** Evidence for a list of matches, in order. */
export function evidenceOf(matches: UnitMatch[]): Evidence[] {
  return matches.flatMap((match) => evidenceIn(match.unit, match.start, match.end))
}

/** True when two matches share characters of the same unit. */
export function overlaps(a: UnitMatch, b: UnitMatch): boolean {
  return a.unit === b.unit && a.start < b.end && b.start < a.end
}

/** Drops matches overlapping an earlier kept match. */
export function withoutOverlaps(matches: UnitMatch[]): UnitMatch[] {
  const kept: UnitMatch[] = []
  for (const match of matches) {
    if (!kept.some((other) => overlaps(other, match))) kept.push(match)
  }
  return kept
}

/** Orders matches as they appear in the document: by unit, then offset. */
export function inDocumentOrder(matches: UnitMatch[], units: TextUnit[]): UnitMatch[] {
  const rank = new Map(units.map((unit, index) => [unit, index]))
  return [...matches].sort((a, b) => rank.get(a.unit)! - rank.get(b.unit)! || a.start - b.start)
}

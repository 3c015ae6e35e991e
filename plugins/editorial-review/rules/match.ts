/**
 * Matching helpers shared by the rules: literal marker phrases become patterns that
 * tolerate the typographic noise of copy passed between wires (whitespace runs and
 * NBSP, curly quotes, dash variants), while ranges stay exact offsets into the text.
 */
import type {Evidence} from './types'
import {foldText} from './fold'
import {evidenceIn, type DocumentText, type TextUnit} from './text'

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g

/** `text` as regex source that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&')
}

/** Dashes other than the hyphen that wires put where a hyphen could stand. */
const TYPOGRAPHIC_DASHES = '‐‑–—'
const TYPOGRAPHIC_DASH = new RegExp(`[${TYPOGRAPHIC_DASHES}]`, 'g')

/** Regex source of a dash no word contains: "--", an en or em dash. */
export const LONG_DASH = `(?:--|[${TYPOGRAPHIC_DASHES}])`

/** Regex source of a dash as wires set it between dateline parts: a long dash or one hyphen. */
export const DASH = `(?:${LONG_DASH}|-)`

/** Spells every dash as a hyphen, so names compare equal however their dashes were typed. */
export function withPlainDashes(text: string): string {
  return text.replace(TYPOGRAPHIC_DASH, '-')
}

/** Characters that wires swap for one another; each becomes a class of its variants. */
const EQUIVALENT_CHARACTERS: Record<string, string> = {
  "'": "['‘’ʼ]",
  '‘': "['‘’ʼ]",
  '’': "['‘’ʼ]",
  '"': '["“”„«»]',
  '“': '["“”„«»]',
  '”': '["“”„«»]',
  '„': '["“”„«»]',
  '-': `[-${TYPOGRAPHIC_DASHES}]`,
  '–': `[-${TYPOGRAPHIC_DASHES}]`,
  '—': `[-${TYPOGRAPHIC_DASHES}]`,
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
      source += EQUIVALENT_CHARACTERS[character] ?? escapeRegExp(character)
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
 * Every match of a global regex in the units' folded text (invisible characters removed,
 * NFKC, look-alike letters as Latin; see fold.ts), as exact ranges of the original
 * text: a credit spelled "(А\u200bP)" matches a pattern for "(AP)" and is quoted as written.
 * Capture groups hold the folded spelling.
 */
export function matchFolded(units: TextUnit[], regex: RegExp): UnitMatch[] {
  const matches: UnitMatch[] = []
  for (const unit of units) {
    const folded = foldText(unit.text)
    regex.lastIndex = 0
    for (let match = regex.exec(folded.text); match; match = regex.exec(folded.text)) {
      if (match[0].length === 0) {
        regex.lastIndex++
        continue
      }
      const [start, end] = folded.originalRange(match.index, match.index + match[0].length)
      matches.push({unit, start, end, groups: match.slice(1)})
    }
  }
  return matches
}

/**
 * Matches in the copy editors work on, or else in the copy as received. Evidence should
 * point where an editor can act; the received text still proves where copy came from
 * after an editor removed the passage from the body.
 */
export function matchCopyElseSource<M extends UnitMatch>(text: DocumentText, scan: (units: TextUnit[]) => M[]): M[] {
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
export function withoutOverlaps<M extends UnitMatch>(matches: M[]): M[] {
  const kept: M[] = []
  for (const match of matches) {
    if (!kept.some((other) => overlaps(other, match))) kept.push(match)
  }
  return kept
}

/** Orders matches as they appear in the document: by unit, then offset. */
export function inDocumentOrder<M extends UnitMatch>(matches: M[], units: TextUnit[]): M[] {
  const rank = new Map(units.map((unit, index) => [unit, index]))
  return [...matches].sort((a, b) => rank.get(a.unit)! - rank.get(b.unit)! || a.start - b.start)
}

/**
 * The one matcher for wire-agency credits, compiled once per agency list: the rules
 * that read credits and the import's dateline reader all recognise the same spellings
 * (codes and aliases, as written: "AP", not "ap"). The patterns are meant for folded
 * text (matchFolded, foldText), and names are folded the same way, so "(А\u200bP)" with a
 * Cyrillic "А" credits AP.
 */
import {folded} from './fold'
import {DASH, LONG_DASH, literalPattern, withPlainDashes} from './match'
import type {WireAgency} from './types'

export interface CompiledAgencies {
  /**
   * A credit in any of its three forms; groups: the parenthesised list ("(dpa/AFP)"),
   * the dash-framed name ("— AP —"), the copyright holder ("© 2026 The Associated Press").
   */
  credit: RegExp
  /**
   * A credit closing the text, as agencies append one to a story: "… on Monday. (AP)",
   * "… on Monday. — AP", or a last paragraph of just "(AP)". Groups as `credit`'s first two.
   */
  trailingCredit: RegExp
  /** Credit spelling with whitespace and dashes normalised → agency. */
  byName: Map<string, WireAgency>
}

/** Which form a credit match has, by the `credit` group that matched. */
export type CreditForm = 'parenthesised' | 'dashFramed' | 'copyright'
const CREDIT_FORMS: CreditForm[] = ['parenthesised', 'dashFramed', 'copyright']

const compiled = new WeakMap<WireAgency[], CompiledAgencies>()

/** A credit's spelling folded for matching, whitespace and dashes normalised: the key of `byName`. */
function normalised(name: string): string {
  return withPlainDashes(folded(name).replace(/\s+/g, ' ')).trim()
}

export function compiledAgencies(agencies: WireAgency[]): CompiledAgencies {
  const cached = compiled.get(agencies)
  if (cached) return cached
  const byName = new Map<string, WireAgency>()
  for (const agency of agencies) {
    for (const name of [agency.code, ...agency.aliases]) {
      if (name.trim() && !byName.has(normalised(name))) byName.set(normalised(name), agency)
    }
  }
  // Longest first, so "APA" is not read as "AP".
  const name = `(?:${[...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map(literalPattern)
    .join('|')})`
  const list = `${name}(?:\\s*/\\s*${name})*`
  const credit = new RegExp(
    [
      `\\(\\s*(${list})\\s*\\)`,
      `${LONG_DASH}\\s*(${name})\\s*${LONG_DASH}`,
      // "Copyright 2026 The Associated Press", "Copyright © 2026, Reuters", "(c) dpa".
      `(?:Copyright\\s*(?:©|\\([cC]\\))?|©|\\([cC]\\))\\s*(?:\\d{4},?\\s+)?(?:The\\s+)?(${name})(?![\\w-])`,
    ].join('|'),
    'g',
  )
  // Only at the very end, and only after white space or a sentence's end: "a spokesman told (AP) reporters" is no credit line.
  const trailingCredit = new RegExp(String.raw`(?<![^\s.!?…"”’)\]])(?:\(\s*(${list})\s*\)|${DASH}\s*(${name}))\s*$`, 'g')
  const result = {credit, trailingCredit, byName}
  compiled.set(agencies, result)
  return result
}

/** What a match of `credit` credits, and in which form, read from its capture groups. */
export function creditIn(groups: (string | undefined)[]): {form: CreditForm; credited: string} {
  const index = groups.findIndex((group) => group !== undefined)
  return {form: CREDIT_FORMS[index] ?? 'parenthesised', credited: groups[index] ?? ''}
}

/** Agencies a credit names, in its order: "dpa/AFP" credits two; a spelling no agency has, none. */
export function creditedAgencies(credited: string, byName: Map<string, WireAgency>): WireAgency[] {
  return credited
    .split('/')
    .map((name) => byName.get(normalised(name)))
    .filter((agency): agency is WireAgency => agency !== undefined)
}

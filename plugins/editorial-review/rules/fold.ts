/**
 * Folding for matching: copy passed between wires (or doctored to slip past review)
 * spells a credit with invisible characters ("A\u200bP"), compatibility forms ("（ＡＰ）")
 * or letters of other scripts that look Latin (Cyrillic "АP"). Matchers run on the
 * folded text and map every match back to exact offsets in the original string, so
 * evidence still quotes what was written: `quote === value.slice(start, end)`.
 */

/** Invisible characters removed before matching: format characters (ZWSP, ZWJ, word joiner, BOM, soft hyphen…) and the other default-ignorables. */
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u

/**
 * Letters of other scripts that render like Latin ones, folded to the Latin letter
 * (after NFKC, which already folds full-width and mathematical letters). Only
 * look-alikes, so a matcher for Latin credits sees through them; no transliteration.
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic capitals that render as Latin capitals.
  ...pairs('АA ВB ЕE ЅS ІI ЈJ КK МM НH ОO РP СC ТT ХX УY ԌG ԚQ ԜW'),
  // Cyrillic small letters that render as Latin small letters.
  ...pairs('аa еe оo рp сc хx уy іi јj ѕs һh ԁd ԛq ԝw'),
  // Greek capitals that render as Latin capitals.
  ...pairs('ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX'),
  // Greek small letters that render as Latin small letters.
  ...pairs('οo νv ιi κk'),
}

/** "АA ВB" → {А: 'A', В: 'B'}: each entry a look-alike followed by its Latin letter. */
function pairs(list: string): Record<string, string> {
  return Object.fromEntries(list.split(' ').map((pair) => [...pair] as [string, string]))
}

/** Folded spellings of the code points met so far: copy uses few distinct ones, and NFKC per character is slow. */
const foldedCodePoints = new Map<string, string>()
/** Past this many, the memo starts again: text made of every code point must not grow it without end. */
const FOLDED_CODE_POINTS_KEPT = 4_096

/** A code point's folded spelling: empty for an invisible one. */
function foldCodePoint(character: string): string {
  if (character.charCodeAt(0) < 0x80) return character
  let folded = foldedCodePoints.get(character)
  if (folded !== undefined) return folded
  folded = ''
  if (!INVISIBLE.test(character)) for (const part of character.normalize('NFKC')) folded += CONFUSABLES[part] ?? part
  if (foldedCodePoints.size >= FOLDED_CODE_POINTS_KEPT) foldedCodePoints.clear()
  foldedCodePoints.set(character, folded)
  return folded
}

/** A string folded for matching, with the way back to the original's offsets. */
export interface FoldedText {
  /** The original string. */
  original: string
  /** The folded string matchers run on. */
  text: string
  /** Original offset of the range [start, end) of the folded text: the smallest range of original characters that produced it. */
  originalRange(start: number, end: number): [number, number]
  /** Folded offset of an original offset: where folded text from that character on begins. */
  foldedOffset(originalOffset: number): number
}

const ASCII = /^[\x00-\x7f]*$/

/** A character folding can change besides NFKC: an invisible one or a look-alike letter. */
const FOLDABLE = new RegExp(`[\\p{Cf}\\p{Default_Ignorable_Code_Point}${Object.keys(CONFUSABLES).join('')}]`, 'u')

/**
 * True when folding leaves `text` as it is, checked natively on the whole string: most
 * copy (German with its umlauts, French with its accents) is NFKC already. A string that
 * NFKC leaves alone leaves each of its characters alone too (a character NFKC changes
 * decomposes to something no composition turns back into it), so no per-character walk.
 */
function foldsToItself(text: string): boolean {
  return ASCII.test(text) || (!FOLDABLE.test(text) && text.normalize('NFKC') === text)
}

function identity(text: string): FoldedText {
  return {
    original: text,
    text,
    originalRange: (start, end) => [start, end],
    foldedOffset: (offset) => offset,
  }
}

/** Texts folded lately: every rule folds the same title, blocks and received copy again. */
const foldedTexts = new Map<string, FoldedText>()
/** A few documents' units; past either bound the memo starts again, so typing into a long release cannot grow it. */
const FOLDED_TEXTS_KEPT = {texts: 256, characters: 1_000_000}
let keptCharacters = 0

function remember(folded: FoldedText): FoldedText {
  if (foldedTexts.size >= FOLDED_TEXTS_KEPT.texts || keptCharacters > FOLDED_TEXTS_KEPT.characters) {
    foldedTexts.clear()
    keptCharacters = 0
  }
  foldedTexts.set(folded.original, folded)
  keptCharacters += folded.original.length
  return folded
}

/**
 * `text` with invisible characters removed, NFKC applied and look-alike letters folded
 * to Latin, one code point at a time (so each folded character knows the original
 * character it came from). Results are kept a while, as every rule folds the same units.
 */
export function foldText(text: string): FoldedText {
  const known = foldedTexts.get(text)
  if (known) return known
  if (foldsToItself(text)) return remember(identity(text))
  let folded = ''
  // For each UTF-16 unit of the folded text: where its original character starts and ends.
  const starts: number[] = []
  const ends: number[] = []
  let offset = 0
  for (const character of text) {
    const part = foldCodePoint(character)
    folded += part
    for (let index = 0; index < part.length; index++) {
      starts.push(offset)
      ends.push(offset + character.length)
    }
    offset += character.length
  }
  const foldedOffset = (originalOffset: number): number => {
    // The first folded unit whose original character starts at or after the offset.
    let low = 0
    let high = starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (starts[middle]! < originalOffset) low = middle + 1
      else high = middle
    }
    return low
  }
  const originalRange = (start: number, end: number): [number, number] => {
    const from = start < starts.length ? starts[start]! : text.length
    if (end <= start) return [from, from]
    return [from, ends[end - 1]!]
  }
  return remember({original: text, text: folded, originalRange, foldedOffset})
}

/** Just the folded spelling, for names compared against folded text. */
export function folded(text: string): string {
  if (foldsToItself(text)) return text
  let result = ''
  for (const character of text) result += foldCodePoint(character)
  return result
}

/**
 * The one reading of a marker phrase's template, e.g. "reaching more than
 * {mediaOutlets} media stores": the boilerplate rule finds where the paragraph ends
 * with it, and the import reads the figures its placeholders stand for.
 */
import {literalPattern} from './match'

export interface CompiledTemplate {
  /** The passage from where it starts; sticky: set `lastIndex` to the start first. */
  passage: RegExp
  /** The whole of a text, nothing before or after. */
  whole: RegExp
  /** Placeholder names, in the order of the patterns' groups. */
  names: string[]
}

const PLACEHOLDER = /(\{[a-zA-Z]+\})/

// A distributor has a handful of templates, and every file and every edit tries them.
const compiledTemplates = new Map<string, CompiledTemplate>()

/** The shared literal pattern trims its phrase; inside a template the edge spaces separate words. */
function withEdgeSpace(literal: string): string {
  if (literal.trim() === '') return literal === '' ? '' : '\\s+'
  const leading = /^\s/.test(literal) ? '\\s+' : ''
  const trailing = /\s$/.test(literal) ? '\\s+' : ''
  return `${leading}${literalPattern(literal)}${trailing}`
}

/**
 * Literal parts match up to runs of white space (NBSP included), typographic quotes and
 * dashes, and letter case; a placeholder stands for the shortest text on the same line
 * that fits.
 */
export function compiledTemplate(template: string): CompiledTemplate {
  const cached = compiledTemplates.get(template)
  if (cached) return cached
  const names: string[] = []
  const source = template
    .split(PLACEHOLDER)
    .map((part) => {
      const placeholder = /^\{([a-zA-Z]+)\}$/.exec(part)
      if (!placeholder) return withEdgeSpace(part)
      names.push(placeholder[1]!)
      return '([^\\n]+?)'
    })
    .join('')
  const result = {passage: new RegExp(source, 'iuy'), whole: new RegExp(`^${source}$`, 'iu'), names}
  compiledTemplates.set(template, result)
  return result
}

/** The text each placeholder stands for, trimmed, when the whole text follows the template. */
export function matchTemplate(template: string, text: string): Record<string, string> | undefined {
  const {whole, names} = compiledTemplate(template)
  const match = whole.exec(text.trim())
  if (!match) return undefined
  return Object.fromEntries(names.map((name, index) => [name, match[index + 1]!.trim()]))
}

import {literalPattern} from '../../plugins/editorial-review/core'

/**
 * Matches text against a template such as "reaching more than {mediaOutlets} media
 * stores". Literal parts match exactly, up to runs of white space (NBSP included) and
 * typographic apostrophes; each placeholder captures the shortest text that fits.
 */
export function matchTemplate(template: string, text: string): Record<string, string> | undefined {
  const {pattern, names} = compiled(template)
  const match = pattern.exec(text.trim())
  if (!match) return undefined
  return Object.fromEntries(names.map((name, index) => [name, match[index + 1]!.trim()]))
}

// A distributor has a handful of templates and every file of a run tries them.
const compiledTemplates = new Map<string, {pattern: RegExp; names: string[]}>()

function compiled(template: string): {pattern: RegExp; names: string[]} {
  const cached = compiledTemplates.get(template)
  if (cached) return cached
  const names: string[] = []
  const source = template
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const placeholder = /^\{([a-zA-Z]+)\}$/.exec(part)
      if (placeholder) {
        names.push(placeholder[1]!)
        return '(.+?)'
      }
      return part.trim() === '' ? part.replace(/\s+/g, '\\s+') : withEdgeSpace(part)
    })
    .join('')
  const result = {pattern: new RegExp(`^${source}$`, 'su'), names}
  compiledTemplates.set(template, result)
  return result
}

/** The shared literal pattern trims its phrase; inside a template the edge spaces separate words. */
function withEdgeSpace(literal: string): string {
  const leading = /^\s/.test(literal) ? '\\s+' : ''
  const trailing = /\s$/.test(literal) ? '\\s+' : ''
  return `${leading}${literalPattern(literal)}${trailing}`
}

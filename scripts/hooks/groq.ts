/** Small builders for GROQ text in webhook definitions, so the filters read as sentences. */

/** A GROQ string literal; JSON's escapes are GROQ's. */
export const literal = (text: string): string => JSON.stringify(text)

/**
 * Escapes an expression's text for Slack's mrkdwn (`&`, `<`, `>`), so a title can neither
 * break the link syntax nor ping the channel with `<!channel>`. `&` goes first.
 */
export function slackEscaped(expression: string): string {
  return [
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
  ].reduce((text, [from, to]) => `array::join(string::split(${text}, ${literal(from!)}), ${literal(to!)})`, expression)
}

/** `a + b + …` where any null part becomes "" (GROQ's `+` with null is null). */
export function concat(...parts: string[]): string {
  return parts.map((part) => (part.startsWith('"') ? part : `coalesce(${part}, "")`)).join(' + ')
}

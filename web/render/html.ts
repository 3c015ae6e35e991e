/**
 * HTML built from trusted templates and escaped values. Every interpolation into `html`
 * is escaped unless it is already `SafeHtml` (the output of another `html` template or
 * of the Portable Text serializer), so document text can never become markup by
 * accident: forgetting to escape is impossible, not merely discouraged.
 */

/** Markup that is safe to emit as is. Only this module and the serializers create it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!)
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[]

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/** Tagged template: literal parts are trusted markup, interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '')
  })
  return new SafeHtml(out)
}

/** Marks serializer output as safe; callers must only pass markup built from escaped text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

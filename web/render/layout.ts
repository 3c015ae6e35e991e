/** The page shell: one stylesheet inline, no scripts (the CSP forbids them anyway). */
import {createHash} from 'node:crypto'
import {html, trusted, type SafeHtml} from './html'

const STYLE = `body{font:17px/1.5 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
header a{color:inherit;text-decoration:none}nav ul{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
.label{font:600 .85rem/1.4 system-ui,sans-serif;background:#fff4d6;border-left:4px solid #c98a00;padding:.4rem .6rem;margin:.4rem 0}
.label strong{text-transform:uppercase;letter-spacing:.04em}.disclaimer{font:.9rem/1.4 system-ui,sans-serif;color:#444;border:1px solid #ddd;padding:.6rem}
.meta{font:.85rem system-ui,sans-serif;color:#555}.releases{list-style:none;padding:0}.releases li{border-bottom:1px solid #eee;padding:1rem 0}
.pager{display:flex;gap:1rem}`

export interface PageOptions {
  /** Text for <title>. */
  title: string
  /** Main content. */
  body: SafeHtml
  /** Extra markup for <head>, such as JSON-LD. */
  head?: SafeHtml
  /** BCP 47 language of the page's own text. */
  language?: string
}

export function page(options: PageOptions): string {
  return html`<!doctype html>
<html lang="${options.language ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<style>${trusted(STYLE)}</style>
${options.head}
</head>
<body>
<header><p><a href="/">Pressroom</a></p></header>
<main>${options.body}</main>
</body>
</html>
`.value
}

/** The Content-Security-Policy: no scripts at all, only this page's own stylesheet. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

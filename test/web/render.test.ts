/** The escaping and linking rules of the reference front-end, without a browser. */
import {describe, expect, it} from 'vitest'
import {escapeHtml, html, trusted} from '../../web/render/html'
import {jsonLdScript, scriptSafeJson} from '../../web/render/jsonLd'
import {disclosure, labelBadge} from '../../web/render/labels'
import {bodyHtml} from '../../web/render/portableText'
import {safeWebUrl} from '../../web/render/url'
import {Router} from '../../web/router'

describe('html', () => {
  it('escapes every interpolation unless it is already safe markup', () => {
    const title = `<script>alert("x")</script> & 'y'`
    expect(html`<h1>${title}</h1>`.value).toBe('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</h1>')
    expect(html`<p>${trusted('<b>ok</b>')}${[html`<i>${'<'}</i>`, '>']}</p>`.value).toBe('<p><b>ok</b><i>&lt;</i>&gt;</p>')
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0')
  })

  it('escapes attribute values', () => {
    expect(html`<a title="${'" onmouseover="x'}">`.value).toBe('<a title="&quot; onmouseover=&quot;x">')
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;')
  })
})

describe('JSON-LD', () => {
  it('cannot close its script element or open a comment', () => {
    const value = {headline: '</script><script>alert(1)</script><!-- & \u2028'}
    const json = scriptSafeJson(value)
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual(value)
    expect(jsonLdScript(value).value).toBe(`<script type="application/ld+json">${json}</script>`)
    expect(jsonLdScript(value).value.match(/<\/script/gi)).toHaveLength(1)
  })
})

describe('links', () => {
  it('only http and https become hrefs', () => {
    expect(safeWebUrl('https://www.seaprwire.com/')).toBe('https://www.seaprwire.com/')
    expect(safeWebUrl(' http://example.com/a?b=1 ')).toBe('http://example.com/a?b=1')
    for (const address of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>',
      'vbscript:x',
      '/relative',
      '//evil.example',
      'mailto:a@b.c',
      '',
      null,
      undefined,
    ]) {
      expect(safeWebUrl(address)).toBeUndefined()
    }
  })

  it('body links to other schemes keep their text and lose the link', () => {
    const body = [
      {
        _type: 'block',
        _key: 'b',
        style: 'normal',
        markDefs: [
          {_type: 'link', _key: 'js', href: 'javascript:alert(1)'},
          {_type: 'link', _key: 'web', href: 'https://example.com/"quoted"'},
        ],
        children: [
          {_type: 'span', _key: 'a', text: '<b>bait</b>', marks: ['js']},
          {_type: 'span', _key: 'c', text: ' real', marks: ['web']},
        ],
      },
      {_type: 'embed', _key: 'e', html: '<script>alert(1)</script>'},
    ]
    expect(bodyHtml(body).value).toBe(
      '<p>&lt;b&gt;bait&lt;/b&gt;<a href="https://example.com/%22quoted%22" rel="nofollow noopener noreferrer"> real</a></p>',
    )
    expect(bodyHtml(null).value).toBe('')
  })
})

describe('labels', () => {
  const thirdParty = {
    thirdParty: true,
    distributor: {name: 'Wire <b>', website: 'javascript:alert(1)'},
    disclaimer: {text: 'Provided by a third party <i>.', language: 'de'},
  }

  it('label third-party copy, escaping the distributor and linking only web addresses', () => {
    expect(labelBadge(thirdParty).value).toBe(
      '<p class="label" data-testid="third-party-label"><strong>Third-party content</strong> <span class="distributor">Distributed by Wire &lt;b&gt;</span></p>',
    )
    expect(disclosure(thirdParty).value).toContain(
      '<p class="disclaimer" data-testid="disclaimer" lang="de">Provided by a third party &lt;i&gt;.</p>',
    )
  })

  it('own copy carries no label', () => {
    expect(disclosure({thirdParty: false, distributor: null, disclaimer: null}).value).toBe('')
  })
})

describe('router', () => {
  const router = new Router<string>([
    {pattern: '/', handler: async () => 'list'},
    {pattern: '/releases/:slug', handler: async ({params}) => `release ${params.slug}`},
  ])
  const at = (path: string) => router.dispatch(new URL(path, 'http://127.0.0.1'))

  it('dispatches by the table, decoding parameters', async () => {
    expect(await at('/')).toBe('list')
    expect(await at('/releases/a%20b')).toBe('release a b')
    expect(await at('/releases/a/')).toBe('release a')
  })

  it('answers undefined for anything else, including malformed escapes', async () => {
    expect(await at('/releases')).toBeUndefined()
    expect(await at('/releases/a/b')).toBeUndefined()
    expect(await at('/releases/%E0%A4%A')).toBeUndefined()
  })
})

describe('list page', () => {
  const entry = {
    _id: 'pressRelease.a',
    title: 'A <b>title</b>',
    slug: 'a title',
    language: 'en',
    publishedAt: '2026-01-07T10:00:00.000Z',
    dateline: {location: 'BERLIN', agency: 'dpa'},
    categories: [],
    thirdParty: false,
    distributor: null,
    disclaimer: null,
  }

  it('links entries by encoded slug, pages with the filters kept, and shows the active filters', async () => {
    const {listPage} = await import('../../web/render/list')
    const body = listPage({
      releases: {total: 3, items: [entry]},
      categories: [{title: 'Top-Story', slug: 'top-story', language: 'de', count: 3}],
      filters: {language: 'en', category: null, distributor: null, page: 2},
      pageSize: 1,
    })
    expect(body).toContain('<h2><a href="/releases/a%20title">A &lt;b&gt;title&lt;/b&gt;</a></h2>')
    expect(body).toContain('<p class="meta">BERLIN (dpa) · 7 January 2026</p>')
    expect(body).toContain(
      '<a rel="prev" href="/?language=en">Newer</a><span>Page 2 of 3</span><a rel="next" href="/?language=en&amp;page=3">Older</a>',
    )
    expect(body).toContain('<a href="/?language=en&amp;category=top-story">Top-Story</a> (3)')
    expect(body).toContain('Filtered by language “en” · <a href="/">Show all</a>')
  })
})

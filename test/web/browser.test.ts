/**
 * The reference front-end in Chromium: the list and the release page with the
 * third-party label, the distributor and the disclaimer, JSON-LD that parses, and a
 * title holding <script> shown as text. Screenshots go to test-results/ (git-ignored).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startWebServer, type RunningWeb} from '../../web/app'
import {
  applyDecision,
  importSeeds,
  publish,
  ROOT,
  SEED_DRAFT_ID,
  startLakeProcess,
  TOKENS,
  type TestLake,
} from '../support/frontend-lake'

const SEED_SLUG = 'us-und-israelische-beamte-halten-virtuelle-gespraeche-ueber-ihren-streit-um-eine'
const DISCLAIMER =
  'Der Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire (https://www.seaprwire.com/) gibt diesbezüglich keine Zusicherungen oder Darstellungen ab.'
const HOSTILE_TITLE = `</script><script>window.__pwned = true</script><img src=x onerror="window.__pwned = true"> & "Quotes" <b>bold</b>`
const HOSTILE_SLUG = 'hostile-title'
const SCREENSHOTS = path.join(ROOT, 'test-results', 'web')

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], {encoding: 'utf8'}).trim()
  } catch {
    throw new Error('Chromium is missing: run scripts/ensure-chromium.sh (apt-get install -y chromium) or set CHROMIUM_PATH.')
  }
}

let lake: TestLake
let web: RunningWeb
let browser: BrowserContext
let userDataDir: string

beforeAll(async () => {
  lake = await startLakeProcess()
  await importSeeds(lake)
  const editor = lake.client(TOKENS.editor)
  await editor.patch(SEED_DRAFT_ID).set({publishedAt: '2026-01-06T09:30:00.000Z'}).commit()
  await applyDecision(lake, {id: SEED_DRAFT_ID, action: 'approve', at: '2026-01-06T09:20:00.000Z'})
  await publish(lake, SEED_DRAFT_ID)

  // The newsroom's own copy, with markup in the title and a javascript: link in the body.
  await editor.create({
    _id: `drafts.pressRelease.${HOSTILE_SLUG}`,
    _type: 'pressRelease',
    title: HOSTILE_TITLE,
    slug: {_type: 'slug', current: HOSTILE_SLUG},
    language: 'en',
    dateline: {_type: 'dateline', location: 'BERLIN <i>HQ</i>'},
    publishedAt: '2026-01-07T10:00:00.000Z',
    categories: [{_type: 'reference', _ref: 'category.de.top-story', _key: 'top'}],
    body: [
      {
        _type: 'block',
        _key: 'b0',
        style: 'normal',
        markDefs: [
          {_type: 'link', _key: 'bad', href: 'javascript:window.__pwned=true'},
          {_type: 'link', _key: 'good', href: 'https://example.com/report'},
        ],
        children: [
          {_type: 'span', _key: 's0', text: 'Click <em>here</em>', marks: ['bad']},
          {_type: 'span', _key: 's1', text: ' or read the report', marks: ['good']},
        ],
      },
    ],
  })
  await publish(lake, `drafts.pressRelease.${HOSTILE_SLUG}`)

  web = await startWebServer({port: 0, client: lake.client(), log: () => {}})
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-chromium-'))
  fs.mkdirSync(SCREENSHOTS, {recursive: true})
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
})

afterAll(async () => {
  await browser?.close()
  await web?.close()
  await lake?.stop()
  if (userDataDir) fs.rmSync(userDataDir, {recursive: true, force: true})
})

async function open(pathname: string, screenshot: string): Promise<Page> {
  const page = await browser.newPage()
  const response = await page.goto(`${web.url}${pathname}`)
  expect(response?.status()).toBe(200)
  await page.screenshot({path: path.join(SCREENSHOTS, screenshot), fullPage: true})
  return page
}

async function jsonLd(page: Page): Promise<Record<string, unknown>> {
  const text = await page.locator('script[type="application/ld+json"]').textContent()
  return JSON.parse(text ?? 'null') as Record<string, unknown>
}

describe('reference front-end in Chromium', () => {
  it('the list shows both public releases, the third-party one labelled', async () => {
    const page = await open('/', 'list.png')
    const entries = page.locator('ul.releases > li')
    await expect.poll(() => entries.count()).toBe(2)
    expect(await entries.nth(0).locator('h2').textContent()).toBe(HOSTILE_TITLE)
    expect(await entries.nth(0).locator('[data-testid="third-party-label"]').count()).toBe(0)
    expect(await entries.nth(1).locator('[data-testid="third-party-label"]').innerText()).toMatch(
      /Third-party content\s*Distributed by SeaPRwire/i,
    )
    expect(await page.locator('nav[aria-label="Categories"]').innerText()).toContain('Top-Story (2)')
    await page.close()
  })

  it('the release page shows the label, the distributor, the disclaimer and the dateline', async () => {
    const page = await open(`/releases/${SEED_SLUG}`, 'release.png')
    const label = page.locator('[data-testid="third-party-label"]')
    expect(await label.isVisible()).toBe(true)
    expect(await label.innerText()).toMatch(/Third-party content\s*Distributed by SeaPRwire/i)
    expect(await label.locator('a').getAttribute('href')).toBe('https://www.seaprwire.com/')
    const disclaimer = page.locator('[data-testid="disclaimer"]')
    expect(await disclaimer.isVisible()).toBe(true)
    expect(await disclaimer.textContent()).toBe(DISCLAIMER)
    expect(await disclaimer.getAttribute('lang')).toBe('de')
    expect(await page.locator('[data-testid="dateline"]').textContent()).toBe('WASHINGTON (AP)')
    expect(await page.locator('article').getAttribute('lang')).toBe('de')
    expect(await page.locator('article .body p').count()).toBe(6)
    expect(await jsonLd(page)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'US und israelische Beamte halten virtuelle Gespräche über ihren Streit um eine Militäroperation in Rafah ab',
      url: `${web.url}/releases/${SEED_SLUG}`,
      inLanguage: 'de',
      datePublished: '2026-01-06T09:30:00.000Z',
      dateline: 'WASHINGTON (AP)',
      articleSection: ['Top-Story', 'Tagesnachrichten'],
      sourceOrganization: {'@type': 'Organization', name: 'SeaPRwire', url: 'https://www.seaprwire.com/'},
      backstory: DISCLAIMER,
    })
    await page.close()
  })

  it('a title holding <script> is shown as text and runs nothing', async () => {
    const page = await open(`/releases/${HOSTILE_SLUG}`, 'hostile-title.png')
    expect(await page.locator('[data-testid="headline"]').textContent()).toBe(HOSTILE_TITLE)
    expect(await page.title()).toBe(HOSTILE_TITLE)
    expect(await page.evaluate(() => (window as unknown as {__pwned?: boolean}).__pwned)).toBeUndefined()
    // The only script element is the JSON-LD data block, and it parses back to the same title.
    expect(await page.locator('script').count()).toBe(1)
    expect(await page.locator('img, b, i, em').count()).toBe(0)
    expect((await jsonLd(page)).headline).toBe(HOSTILE_TITLE)
    expect(await page.locator('[data-testid="dateline"]').textContent()).toBe('BERLIN <i>HQ</i>')
    // Own copy carries no third-party label.
    expect(await page.locator('[data-testid="third-party-label"]').count()).toBe(0)
    // Only the http(s) link became an anchor; the javascript: one stayed text.
    const links = page.locator('article .body a')
    expect(await links.count()).toBe(1)
    expect(await links.getAttribute('href')).toBe('https://example.com/report')
    expect(await page.locator('article .body').textContent()).toBe('Click <em>here</em> or read the report')
    await page.close()
  })

  it('an unknown slug is a 404 page', async () => {
    const page = await browser.newPage()
    const response = await page.goto(`${web.url}/releases/no-such-release`)
    expect(response?.status()).toBe(404)
    await page.close()
  })
})

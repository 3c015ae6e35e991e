/**
 * The built Studio in Chromium against a lake on a random port: load the structure tool,
 * create a category, edit it, publish it, and find it in the list, with no failed API
 * calls and no console errors from them. Screenshots go to test-results/lake-studio/.
 *
 * The Studio is taken from $STUDIO_DIST (default dist/); `npm test` builds it first. The
 * built Studio is pointed at this lake through localStorage `pressroom:apiHost`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Page} from 'playwright-core'
import {launchChromium, type LaunchedBrowser} from '../support/browser'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, type LakeProcess} from '../support/lake'
import {serveStatic, type StaticServer} from '../support/static-server'

const STUDIO_DIST = path.resolve(PROJECT_ROOT, process.env.STUDIO_DIST ?? 'dist')
const SHOTS = path.join(PROJECT_ROOT, 'test-results', 'lake-studio')
const hasStudio = fs.existsSync(path.join(STUDIO_DIST, 'index.html'))
if (!hasStudio) {
  console.warn(
    `\n!!! SKIPPING the Studio browser test: no built Studio at ${STUDIO_DIST}. Run \`npm run build\` or set STUDIO_DIST. !!!\n`,
  )
}

/** Console errors the offline Studio produces by itself (its CDN version check), unrelated to the lake. */
const OFFLINE_NOISE = [/ERR_NAME_NOT_RESOLVED/, /Failed to fetch version for package/, /ERR_INTERNET_DISCONNECTED/]

describe.skipIf(!hasStudio)('Studio against the lake (Chromium)', () => {
  let lake: LakeProcess
  let studio: StaticServer
  let chromium: LaunchedBrowser
  let page: Page
  const problems: string[] = []
  /** Off while the tab is deliberately navigated away for the restart (unload noise is not the lake's). */
  let watching = true
  /** While a full page load replaces the Studio, its presence layer may send on the socket the browser is closing. */
  let navigating = false
  const UNLOAD_NOISE = /WebSocket is already in CLOSING or CLOSED state/
  const navigate = async (url: string) => {
    navigating = true
    try {
      await page.goto(url)
    } finally {
      navigating = false
    }
  }
  const title = `E2E category ${Date.now()}`

  const shot = (name: string) => page.screenshot({path: path.join(SHOTS, `${name}.png`)})

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, {recursive: true})
    studio = await serveStatic(STUDIO_DIST)
    lake = await startLakeProcess({corsOrigins: [studio.origin]})
    chromium = await launchChromium()
    const context = chromium.context
    const apiHost = `http://localhost:${lake.port}`
    await context.addInitScript(
      ({host, origin, token}: {host: string; origin: string; token: string}) => {
        if (window.location.origin !== origin) return
        window.localStorage.setItem('pressroom:apiHost', host)
        // Signed in as the administrator, as after the login screen (test/studio/newcomer.e2e.test.ts walks that).
        if (!window.localStorage.getItem('__studio_auth_token_pressroom'))
          window.localStorage.setItem('__studio_auth_token_pressroom', JSON.stringify({token}))
        // The Studio's default locale is its last locale plugin (German); the test reads English UI text.
        for (const workspace of ['pressroom', 'default'])
          window.localStorage.setItem(`sanity-locale:pressroom:${workspace}`, 'en-US')
      },
      {host: apiHost, origin: studio.origin, token: LAKE_TOKENS.administrator},
    )
    page = await context.newPage()
    const isLake = (url: string) => new URL(url).port === String(lake.port)
    page.on('response', (res) => {
      if (watching && isLake(res.url()) && res.status() >= 400)
        problems.push(`HTTP ${res.status()} ${res.request().method()} ${res.url()}`)
    })
    page.on('requestfailed', (req) => {
      const failure = req.failure()?.errorText ?? ''
      // Navigations abort open listeners; that is the browser, not the lake.
      if (watching && isLake(req.url()) && !failure.includes('ERR_ABORTED'))
        problems.push(`request failed ${req.method()} ${req.url()}: ${failure}`)
    })
    page.on('console', (msg) => {
      if (!watching || msg.type() !== 'error') return
      const text = msg.text()
      if (OFFLINE_NOISE.some((re) => re.test(text))) return
      if (navigating && UNLOAD_NOISE.test(text)) return
      problems.push(`console error: ${text.slice(0, 300)}`)
    })
    page.on('pageerror', (err) => watching && problems.push(`page error: ${err.message}`))
  }, 120_000)

  afterAll(async () => {
    await chromium?.close()
    await studio?.close()
    await lake?.stop()
  })

  it('loads the structure tool, creates, edits and publishes a category, and lists it', async () => {
    const client = lake.client()
    try {
      await page.goto(`${studio.url}/structure/category`)
      await page.getByText('No documents of this type').waitFor({timeout: 60_000})
      await shot('01-structure')

      // Create through the pane's "+" button.
      await page
        .locator('[data-testid="pane-header"]')
        .filter({hasText: 'Category'})
        .locator('[data-testid="action-intent-button"]')
        .first()
        .click()
      const titleInput = page.locator('[data-testid="field-title"] input')
      await titleInput.waitFor({timeout: 30_000})
      await titleInput.fill(title)
      await expect
        .poll(() => client.fetch('*[_type == "category" && title == $title][0]._id', {title}), {timeout: 20_000})
        .toMatch(/^drafts\./)
      const draftId: string = await client.fetch('*[_type == "category" && title == $title][0]._id', {title})
      const publishedId = draftId.replace(/^drafts\./, '')
      await shot('02-created')

      // Edit: generate the slug from the title and set the language.
      await page
        .locator('[data-testid="field-slug"]')
        .getByRole('button', {name: /generate/i})
        .click()
      await page.locator('[data-testid="field-language"] input').fill('en')
      await expect
        .poll(() => client.getDocument(draftId), {timeout: 20_000})
        .toMatchObject({language: 'en', slug: {current: expect.any(String)}})
      await shot('03-edited')

      // Publish.
      const publish = page.locator('[data-testid="action-publish"]')
      await expect.poll(() => publish.isEnabled(), {timeout: 30_000}).toBe(true)
      await publish.click()
      await expect.poll(() => client.getDocument(publishedId), {timeout: 30_000}).toMatchObject({title, language: 'en'})
      await expect.poll(() => client.getDocument(draftId).then((d) => d ?? null), {timeout: 10_000}).toBeNull()
      await shot('04-published')

      // After a fresh load, the list shows it (no document pane is open, so the list is the only place).
      await navigate(`${studio.url}/structure/category`)
      await page.getByText(title).first().waitFor({timeout: 30_000})
      await shot('05-listed')

      // Restart the lake on the same port and data: the published document is still there.
      // The tab leaves the Studio first, so its requests during the downtime aren't counted.
      expect(problems).toEqual([])
      watching = false
      await page.goto('about:blank')
      expect(await lake.stop()).toBe(0)
      lake = await startLakeProcess({dataDir: lake.dataDir, corsOrigins: [studio.origin], args: ['--port', String(lake.port)]})
      watching = true
      await navigate(`${studio.url}/structure/category;${publishedId}`)
      await expect.poll(() => page.locator('[data-testid="field-title"] input').inputValue(), {timeout: 30_000}).toBe(title)
      await shot('06-after-restart')

      // The document's history (rebuilt from the journal) opens in the review-changes pane.
      await page.locator('[data-testid="pane-footer-document-status"]').click()
      const review = page.locator('[data-testid="review-changes-pane"]:visible').first()
      await review.waitFor({timeout: 30_000})
      // The diff since the draft was created shows the title the test typed.
      await review.getByText(title).first().waitFor({timeout: 30_000})
      await shot('07-history')
      expect(problems).toEqual([])
    } catch (err) {
      await shot('failure').catch(() => undefined)
      throw new Error(`${(err as Error).message}\nproblems so far:\n${problems.join('\n')}\nlake stderr:\n${lake.stderr()}`)
    }
  }, 180_000)

  it('acts as the user whose token the Studio holds: a viewer reads but cannot create', async () => {
    const seenUsers: string[] = []
    page.on('response', async (res) => {
      if (new URL(res.url()).pathname.endsWith('/users/me') && res.ok()) seenUsers.push(((await res.json()) as {id: string}).id)
    })
    try {
      // The Studio (loginMethod token) reads its token from here, as after a login.
      await page.evaluate(
        (token) => localStorage.setItem('__studio_auth_token_pressroom', JSON.stringify({token, time: new Date().toISOString()})),
        LAKE_TOKENS.viewer,
      )
      await navigate(`${studio.url}/structure/category`)
      await page.getByText(title).first().waitFor({timeout: 60_000})
      await expect.poll(() => seenUsers.at(-1), {timeout: 30_000}).toBe('local-viewer')
      const create = page
        .locator('[data-testid="pane-header"]')
        .filter({hasText: 'Category'})
        .locator('[data-testid="action-intent-button"]')
        .first()
      await expect.poll(() => create.isDisabled(), {timeout: 30_000}).toBe(true)
      await shot('08-viewer')
      expect(problems).toEqual([])
    } catch (err) {
      await shot('failure-viewer').catch(() => undefined)
      throw new Error(`${(err as Error).message}\nproblems so far:\n${problems.join('\n')}`)
    } finally {
      await page.evaluate(() => localStorage.removeItem('__studio_auth_token_pressroom')).catch(() => undefined)
    }
  }, 120_000)
})

/**
 * The built Studio in Chromium against a lake on a random port: load the structure tool,
 * create a category, edit it, publish it, and find it in the list, with no failed API
 * calls and no console errors from them. Screenshots go to test-results/lake-studio/.
 *
 * The Studio is taken from $STUDIO_DIST (default dist/); `npm test` builds it first. The
 * built Studio is pointed at this lake through localStorage `pressroom:apiHost`.
 */
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Page} from 'playwright-core'
import {LAKE_TOKENS, type LakeProcess} from '../support/lake'
import type {StaticServer} from '../support/static-server'
import {
  hasStudio,
  screenshotDir,
  startStudioSession,
  warnNoStudio,
  type StudioSession,
  type WatchedPage,
} from '../support/studio-page'

warnNoStudio('the Studio browser test')

describe.skipIf(!hasStudio)('Studio against the lake (Chromium)', () => {
  let session: StudioSession
  let lake: LakeProcess
  let studio: StaticServer
  let page: Page
  let watched: WatchedPage
  const SHOTS = screenshotDir('lake-studio')
  const navigate = (url: string) => watched.navigate(url)
  const title = `E2E category ${Date.now()}`

  const shot = (name: string) => page.screenshot({path: path.join(SHOTS, `${name}.png`)})

  beforeAll(async () => {
    // Signed in as the administrator, as after the login screen (test/studio/newcomer.e2e.test.ts walks that).
    session = await startStudioSession({token: LAKE_TOKENS.administrator})
    ;({lake, studio, page, watched} = session)
  }, 120_000)

  afterAll(() => session?.close())

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
      expect(watched.takeProblems()).toEqual([])
      await watched.unwatched(async () => {
        await page.goto('about:blank')
        expect(await session.restartLake()).toBe(0)
        lake = session.lake
      })
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
      expect(watched.takeProblems()).toEqual([])
    } catch (err) {
      await shot('failure').catch(() => undefined)
      throw new Error(
        `${(err as Error).message}\nproblems so far:\n${watched.takeProblems().join('\n')}\nlake stderr:\n${lake.stderr()}`,
      )
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
      expect(watched.takeProblems()).toEqual([])
    } catch (err) {
      await shot('failure-viewer').catch(() => undefined)
      throw new Error(`${(err as Error).message}\nproblems so far:\n${watched.takeProblems().join('\n')}`)
    } finally {
      await page.evaluate(() => localStorage.removeItem('__studio_auth_token_pressroom')).catch(() => undefined)
    }
  }, 120_000)
})

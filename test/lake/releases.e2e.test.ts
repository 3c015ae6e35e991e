/**
 * The Releases tool of the built Studio in Chromium against a lake holding the seed: the
 * tool is not blank with no release, "New release" (after its `dryRun` permission check)
 * creates one, "Add to release" puts the wire copy in it, and the release page lists it
 * with "Run release" shut while the copy is unreviewed. Every lake response must be 2xx
 * except the gate's own 409 to the Studio's dry-run publish check. Screenshots go to
 * test-results/lake-releases/.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Page} from 'playwright-core'
import {launchChromium, type LaunchedBrowser} from '../support/browser'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, type LakeProcess} from '../support/lake'
import {runScript} from '../support/run-script'
import {serveStatic, type StaticServer} from '../support/static-server'

const STUDIO_DIST = path.resolve(PROJECT_ROOT, process.env.STUDIO_DIST ?? 'dist')
const SHOTS = path.join(PROJECT_ROOT, 'test-results', 'lake-releases')
const hasStudio = fs.existsSync(path.join(STUDIO_DIST, 'index.html'))
if (!hasStudio) console.warn(`\n!!! SKIPPING the Releases tool browser test: no built Studio at ${STUDIO_DIST}. !!!\n`)

const WIRE = 'pressRelease.000_e42a070e862f161b'
/** Console errors the offline Studio produces by itself (its CDN version check). */
const OFFLINE_NOISE = [/ERR_NAME_NOT_RESOLVED/, /Failed to fetch version for package/, /ERR_INTERNET_DISCONNECTED/]
/** The review gate refusing the Studio's dry-run publish of a release with unreviewed copy: the gate doing its job. */
const isGateDryRun = (method: string, url: string, status: number, body: string | null) =>
  status === 409 && method === 'POST' && url.includes('/data/actions/') && /"sanity\.action\.release\.publish"/.test(body ?? '')

describe.skipIf(!hasStudio)('the Releases tool against the lake (Chromium)', () => {
  let lake: LakeProcess
  let studio: StaticServer
  let chromium: LaunchedBrowser
  let page: Page
  const problems: string[] = []
  const shot = (name: string) => page.screenshot({path: path.join(SHOTS, `${name}.png`)})

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, {recursive: true})
    studio = await serveStatic(STUDIO_DIST)
    lake = await startLakeProcess({corsOrigins: [studio.origin]})
    const imported = await runScript('scripts/import.ts', [path.join(PROJECT_ROOT, 'seeds')], {SANITY_API_HOST: lake.url})
    expect(imported.code, imported.stderr).toBe(0)
    chromium = await launchChromium()
    await chromium.context.addInitScript(
      ({host, origin, token}: {host: string; origin: string; token: string}) => {
        if (window.location.origin !== origin) return
        window.localStorage.setItem('pressroom:apiHost', host)
        window.localStorage.setItem('__studio_auth_token_pressroom', JSON.stringify({token, time: new Date().toISOString()}))
        for (const workspace of ['pressroom', 'default'])
          window.localStorage.setItem(`sanity-locale:pressroom:${workspace}`, 'en-US')
      },
      {host: `http://localhost:${lake.port}`, origin: studio.origin, token: LAKE_TOKENS.editor},
    )
    page = await chromium.context.newPage()
    const isLake = (url: string) => new URL(url).port === String(lake.port)
    page.on('response', (res) => {
      const req = res.request()
      if (!isLake(res.url()) || res.status() < 400) return
      if (isGateDryRun(req.method(), res.url(), res.status(), req.postData())) return
      problems.push(`HTTP ${res.status()} ${req.method()} ${res.url()}`)
    })
    page.on('console', (msg) => {
      const text = msg.text()
      if (msg.type() !== 'error' || OFFLINE_NOISE.some((re) => re.test(text))) return
      // The browser reports the gate's 409 above as a failed resource too.
      if (/status of 409/.test(text)) return
      problems.push(`console error: ${text.slice(0, 300)}`)
    })
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  }, 180_000)

  afterAll(async () => {
    await chromium?.close()
    await studio?.close()
    await lake?.stop()
  })

  it('creates a release, adds the wire copy, and keeps "Run release" shut while it is unreviewed', async () => {
    const client = lake.client()
    try {
      await page.goto(`${studio.url}/releases`)
      const create = page.getByRole('button', {name: 'New release'}).first()
      await expect.poll(() => create.isEnabled(), {timeout: 90_000}).toBe(true)
      await shot('01-empty-tool')
      await create.click()
      await page
        .getByPlaceholder(/untitled release/i)
        .first()
        .fill('E2E release')
      await page.getByRole('button', {name: 'Create release'}).last().click()
      await expect
        .poll(() => client.fetch<string | null>('*[_type == "system.release" && metadata.title == "E2E release"][0].name'), {
          timeout: 30_000,
        })
        .toMatch(/^r/)
      const name = await client.fetch<string>('*[_type == "system.release" && metadata.title == "E2E release"][0].name')
      await shot('02-created')

      await page.goto(`${studio.url}/structure/pressRelease;${WIRE}?perspective=${name}`)
      await page.getByRole('button', {name: 'Add to release'}).first().click({timeout: 90_000})
      await expect
        .poll(() => client.getDocument(`versions.${name}.${WIRE}`).then((d) => d?._id ?? null), {timeout: 30_000})
        .toBe(`versions.${name}.${WIRE}`)
      await shot('03-added')

      await page.goto(`${studio.url}/releases/${name}`)
      await page.getByText('Add (1)').waitFor({timeout: 90_000})
      const run = page.getByTestId('publish-all-button')
      await run.waitFor({timeout: 30_000})
      // The release validates its documents first; the review's validation error is what holds it.
      await page.getByText('Errors (1)').waitFor({timeout: 90_000})
      expect(await run.isDisabled()).toBe(true)
      await shot('04-release')
      expect(problems).toEqual([])
    } catch (err) {
      await shot('failure').catch(() => undefined)
      throw new Error(`${(err as Error).message}\nproblems so far:\n${problems.join('\n')}\nlake stderr:\n${lake.stderr()}`)
    }
  }, 300_000)
})

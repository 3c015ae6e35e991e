/**
 * The Releases tool of the built Studio in Chromium against a lake holding the seed: the
 * tool is not blank with no release, "New release" (after its `dryRun` permission check)
 * creates one, "Add to release" puts the wire copy in it, and the release page lists it
 * with "Run release" shut while the copy is unreviewed. Then the release's title and
 * description are edited on its page, a category is added, the wire copy removed from the
 * page's document menu, and the release scheduled, unscheduled, archived (its versions
 * leave the dataset) and unarchived (they come back). Every lake response must be 2xx
 * except the gate's own 409 to the Studio's dry-run publish check. Screenshots go to
 * test-results/lake-releases/.
 */
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Page} from 'playwright-core'
import {LAKE_TOKENS, type LakeProcess} from '../support/lake'
import type {StaticServer} from '../support/static-server'
import {
  GATE_DRY_RUN,
  hasStudio,
  screenshotDir,
  startStudioSession,
  warnNoStudio,
  type StudioSession,
  type WatchedPage,
} from '../support/studio-page'

warnNoStudio('the Releases tool browser test')

const WIRE = 'pressRelease.000_e42a070e862f161b'
/** Not reviewed copy, so a release holding only it validates and may be scheduled. */
const CATEGORY = 'category.de.tagesnachrichten'

describe.skipIf(!hasStudio)('the Releases tool against the lake (Chromium)', () => {
  let session: StudioSession
  let lake: LakeProcess
  let studio: StaticServer
  let page: Page
  let watched: WatchedPage
  /** The release the first test creates and the second one works on. */
  let name = ''
  const SHOTS = screenshotDir('lake-releases')
  const goto = (url: string) => watched.navigate(url)
  const shot = (name: string) => page.screenshot({path: path.join(SHOTS, `${name}.png`)})

  beforeAll(async () => {
    session = await startStudioSession({token: LAKE_TOKENS.editor, seeds: true, watch: GATE_DRY_RUN})
    ;({lake, studio, page, watched} = session)
  }, 180_000)

  afterAll(() => session?.close())

  it('creates a release, adds the wire copy, and keeps "Run release" shut while it is unreviewed', async () => {
    const client = lake.client()
    try {
      await goto(`${studio.url}/releases`)
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
      name = await client.fetch<string>('*[_type == "system.release" && metadata.title == "E2E release"][0].name')
      await shot('02-created')

      await goto(`${studio.url}/structure/pressRelease;${WIRE}?perspective=${name}`)
      await page.getByRole('button', {name: 'Add to release'}).first().click({timeout: 90_000})
      await expect
        .poll(() => client.getDocument(`versions.${name}.${WIRE}`).then((d) => d?._id ?? null), {timeout: 30_000})
        .toBe(`versions.${name}.${WIRE}`)
      await shot('03-added')

      await goto(`${studio.url}/releases/${name}`)
      await page.getByText('Add (1)').waitFor({timeout: 90_000})
      const run = page.getByTestId('publish-all-button')
      await run.waitFor({timeout: 30_000})
      // The release validates its documents first; the review's validation error is what holds it.
      await page.getByText('Errors (1)').waitFor({timeout: 90_000})
      expect(await run.isDisabled()).toBe(true)
      await shot('04-release')
      expect(watched.takeProblems()).toEqual([])
    } catch (err) {
      await shot('failure').catch(() => undefined)
      throw new Error(
        `${(err as Error).message}\nproblems so far:\n${watched.takeProblems().join('\n')}\nlake stderr:\n${lake.stderr()}`,
      )
    }
  }, 300_000)

  it('edits the release, adds and removes documents, schedules, unschedules, archives and unarchives it', async () => {
    const client = lake.client()
    const release = () => client.releases.get({releaseId: name})
    const versions = () => client.fetch<string[]>('*[sanity::partOfRelease($name)]._id | order(@)', {name}, {perspective: 'raw'})
    const menu = async (item: string) => {
      await page.getByTestId('release-menu-button').click()
      await page.getByTestId(item).click()
    }
    try {
      expect(name, 'the first test creates the release').not.toBe('')
      // Title and description are edited in place; the Studio saves each after a pause.
      await goto(`${studio.url}/releases/${name}`)
      await page.getByTestId('release-form-title').fill('Hafen und Senat')
      await expect.poll(async () => (await release())?.metadata.title, {timeout: 30_000}).toBe('Hafen und Senat')
      // The form sends title and description together, built from the Studio's copy of the release;
      // reloaded, that copy holds the saved title, which a description typed before the listener's
      // echo arrived would otherwise overwrite with the old one.
      await goto(`${studio.url}/releases/${name}`)
      await expect.poll(() => page.getByTestId('release-form-title').inputValue(), {timeout: 90_000}).toBe('Hafen und Senat')
      await page.getByTestId('release-form-description').fill('Zahlen aus dem Hafen, Stimmen aus dem Senat')
      await expect
        .poll(async () => (await release())?.metadata, {timeout: 30_000})
        .toMatchObject({title: 'Hafen und Senat', description: 'Zahlen aus dem Hafen, Stimmen aus dem Senat'})

      // Another document goes in from its own form, the wire copy out from the release page.
      await goto(`${studio.url}/structure/category;${CATEGORY}?perspective=${name}`)
      await page.getByRole('button', {name: 'Add to release'}).first().click({timeout: 90_000})
      await expect.poll(versions, {timeout: 30_000}).toEqual([`versions.${name}.${CATEGORY}`, `versions.${name}.${WIRE}`])
      const wireTitle = await client.fetch<string>(
        '*[_id == $id][0].title',
        {id: `versions.${name}.${WIRE}`},
        {perspective: 'raw'},
      )
      await goto(`${studio.url}/releases/${name}`)
      const wireRow = page.locator('[data-index]').filter({hasText: wireTitle})
      await wireRow.getByRole('button').last().click({timeout: 90_000})
      await page.getByRole('menuitem', {name: 'Discard version'}).click()
      await page.locator('#discard-version-dialog').getByRole('button', {name: 'Remove from release'}).click()
      await expect.poll(versions, {timeout: 30_000}).toEqual([`versions.${name}.${CATEGORY}`])
      await shot('05-edited')

      // Scheduling needs an "At time" release with its intended time (the type picker's edit, sent here directly).
      const publishAt = '2099-06-01T08:00:00.000Z'
      await client.releases.edit({
        releaseId: name,
        patch: {set: {'metadata.releaseType': 'scheduled', 'metadata.intendedPublishAt': publishAt}},
      })
      const schedule = page.getByTestId('schedule-button')
      await expect.poll(() => schedule.isEnabled(), {timeout: 90_000}).toBe(true)
      await schedule.click()
      await page.getByTestId('confirm-schedule-dialog').getByRole('button', {name: 'Yes, schedule'}).click()
      await expect.poll(async () => (await release())?.state, {timeout: 30_000}).toBe('scheduled')
      expect((await release())?.publishAt).toBe(publishAt)
      await shot('06-scheduled')
      // A scheduled release's footer button unschedules it, after a confirmation.
      await expect.poll(() => schedule.textContent(), {timeout: 30_000}).toContain('Unschedule release')
      await schedule.click()
      await page.locator('#confirm-unschedule-dialog').getByRole('button', {name: 'Unschedule release'}).click()
      await expect.poll(async () => (await release())?.state, {timeout: 30_000}).toBe('active')
      expect((await release())?.publishAt).toBeUndefined()

      // Archiving takes the versions out of the dataset; unarchiving brings them back.
      await menu('archive-release-menu-item')
      await page.getByRole('dialog').getByRole('button', {name: 'Yes, archive release'}).click()
      await expect.poll(async () => (await release())?.state, {timeout: 30_000}).toBe('archived')
      expect(await versions()).toEqual([])
      // The archived release still lists its document, read back from the history.
      await page.locator('[data-index]').filter({hasText: 'Tagesnachrichten'}).first().waitFor({timeout: 60_000})
      await shot('07-archived')
      await menu('unarchive-release-menu-item')
      await expect.poll(async () => (await release())?.state, {timeout: 30_000}).toBe('active')
      expect(await versions()).toEqual([`versions.${name}.${CATEGORY}`])
      await shot('08-unarchived')
      expect(watched.takeProblems()).toEqual([])
    } catch (err) {
      await shot('failure-2').catch(() => undefined)
      throw new Error(
        `${(err as Error).message}\nproblems so far:\n${watched.takeProblems().join('\n')}\nlake stderr:\n${lake.stderr()}`,
      )
    }
  }, 300_000)
})

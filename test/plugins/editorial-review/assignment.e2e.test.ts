/**
 * Assignment in the built Studio, in Chromium, against a real lake holding the imported
 * seed and two pasted wire stories: a reviewer claims a release in the review panel,
 * assigns it to another reviewer, moves its due time into the past with a note; the queue's
 * "Assigned to me", "Unassigned" and "Overdue" lanes then show each user their own copy, and
 * list previews name who has it. Failed requests and console errors fail the test unless
 * they are on the allow-list. Screenshots go to test-results/assignment/.
 */
import path from 'node:path'
import type {Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {assign, type PressReleaseDocument} from '../../../plugins/editorial-review/core'
import {LAKE_TOKENS, type LakeProcess} from '../../support/lake'
import {runScript} from '../../support/run-script'
import type {StaticServer} from '../../support/static-server'
import {
  hasStudio,
  screenshotDir,
  startStudioSession,
  switchStudioUser,
  warnNoStudio,
  type StudioSession,
  type WatchedPage,
} from '../../support/studio-page'
import {AP_WIRE_COPY, bodyOf} from './fixtures'

warnNoStudio('the assignment browser test')

const RELEASE_ID = 'pressRelease.000_e42a070e862f161b'
const DOCUMENT_PATH = `/structure/pressRelease;${RELEASE_ID}`
const CLAIMED_TITLE = 'Wire story the editor holds'
const FREE_TITLE = 'Wire story nobody holds'

/** `YYYY-MM-DDTHH:mm` in the browser's local time (the container's TZ), what a `datetime-local` input takes. */
function localInputValue(date: Date): string {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

describe.skipIf(!hasStudio)('assignment in the Studio (Chromium)', {timeout: 240_000}, () => {
  let session: StudioSession
  let lake: LakeProcess
  let studio: StaticServer
  let page: Page
  let releaseTitle: string
  let watched: WatchedPage
  const SHOTS = screenshotDir('assignment')

  const shot = (name: string) => page.screenshot({path: path.join(SHOTS, `${name}.png`)})
  const admin = () => lake.client({token: LAKE_TOKENS.administrator})
  const stored = async (id: string) => (await admin().getDocument<PressReleaseDocument & {_id: string}>(id))!
  const assignment = () => page.getByTestId('review-assignment')

  async function openAs(token: string, studioPath: string) {
    await watched.navigate(`${studio.url}/`)
    await switchStudioUser(page, token)
    await watched.navigate(`${studio.url}${studioPath}`)
  }

  /** The titles a queue lane lists for the user the token selects, once `expected` shows. */
  async function laneTitles(token: string, lane: string, expected: string): Promise<string[]> {
    await openAs(token, `/structure/review-queue;${lane}`)
    await page.getByText(expected, {exact: true}).first().waitFor({timeout: 60_000})
    const titles = [releaseTitle, CLAIMED_TITLE, FREE_TITLE]
    const shown = await Promise.all(titles.map(async (title) => (await page.getByText(title, {exact: true}).count()) > 0))
    return titles.filter((_, index) => shown[index])
  }

  async function pastedWireStory(id: string, title: string) {
    await lake.client({token: LAKE_TOKENS.contributor}).create({
      _id: id,
      _type: 'pressRelease',
      title,
      body: bodyOf(AP_WIRE_COPY),
    })
  }

  beforeAll(async () => {
    // No token: each test signs in as the user it needs (openAs).
    session = await startStudioSession({seeds: true})
    ;({lake, studio, page, watched} = session)
    releaseTitle = (await stored(`drafts.${RELEASE_ID}`)).title!
    await pastedWireStory('drafts.pressRelease.wire-claimed', CLAIMED_TITLE)
    await pastedWireStory('drafts.pressRelease.wire-free', FREE_TITLE)
    // The editor holds one story already; claiming through the Studio is what the test exercises below.
    const claim = assign(
      await stored('drafts.pressRelease.wire-claimed'),
      {action: 'claim', user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']}},
      {reviewerRoles: ['editor']},
    )
    if (!claim.ok) throw new Error(claim.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch('drafts.pressRelease.wire-claimed').set({review: claim.review}).commit()
  }, 180_000)

  afterEach(() => {
    expect(watched.takeProblems()).toEqual([])
  })

  afterAll(() => session?.close())

  it('shows a contributor who has the copy, with the buttons shut and the reason given', async () => {
    await openAs(LAKE_TOKENS.contributor, DOCUMENT_PATH)
    await assignment().waitFor({timeout: 120_000})
    expect(await page.getByTestId('review-assignee').textContent()).toBe('Nobody has claimed this copy yet')
    expect(await page.getByTestId('review-due').textContent()).toMatch(/^Due /)
    expect(await page.getByTestId('review-claim').isDisabled()).toBe(true)
    expect(await page.getByTestId('review-assignment-blocked').textContent()).toBe(
      'Only reviewers (administrator, editor) can claim copy, assign it or move its due time; ask one of them.',
    )
  })

  it('claims, assigns to another reviewer by name, and moves the due time into the past with a note', async () => {
    await openAs(LAKE_TOKENS.editor, DOCUMENT_PATH)
    await assignment().waitFor({timeout: 120_000})
    await page.getByTestId('review-claim').click()
    await expect.poll(() => page.getByTestId('review-assignee').textContent(), {timeout: 30_000}).toBe('Assigned to you')
    await expect
      .poll(async () => (await stored(`drafts.${RELEASE_ID}`)).review?.assignee?.userId, {timeout: 30_000})
      .toBe('local-editor')
    await shot('1-claimed')

    await page.getByTestId('review-assign').click()
    await page.getByTestId('review-assign-local-admin').click()
    await expect
      .poll(() => page.getByTestId('review-assignee').textContent(), {timeout: 30_000})
      .toBe('Assigned to Local Administrator')
    await expect
      .poll(async () => (await stored(`drafts.${RELEASE_ID}`)).review?.assignments?.map(({action}) => action), {
        timeout: 30_000,
      })
      .toEqual(['claim', 'assign'])

    await page.getByTestId('review-change-due').click()
    const confirm = page.getByTestId('review-due-confirm')
    await page.getByTestId('review-due-input').fill(localInputValue(new Date(Date.now() - 2 * 3_600_000)))
    expect(await confirm.isDisabled()).toBe(true)
    await page.getByTestId('review-due-note').fill('The distributor lifted the embargo early.')
    await shot('2-due-dialog')
    await confirm.click()
    await expect.poll(() => page.getByTestId('review-due').getAttribute('data-overdue'), {timeout: 30_000}).toBe('true')
    expect(await page.getByTestId('review-due').textContent()).toMatch(/^Overdue since /)
    // The form shows the new due time before its save reaches the lake, so the lake is polled.
    await expect
      .poll(async () => (await stored(`drafts.${RELEASE_ID}`)).review?.assignments?.at(-1), {timeout: 30_000})
      .toMatchObject({
        action: 'setDue',
        userId: 'local-editor',
        note: 'The distributor lifted the embargo early.',
      })
    await shot('3-overdue')
  })

  it('lists each reviewer’s own copy in "Assigned to me", the rest in "Unassigned", and the past-due release in "Overdue"', async () => {
    expect(await laneTitles(LAKE_TOKENS.editor, 'assignedToMe', CLAIMED_TITLE)).toEqual([CLAIMED_TITLE])
    await shot('4-editor-assigned-to-me')
    expect(await laneTitles(LAKE_TOKENS.administrator, 'assignedToMe', releaseTitle)).toEqual([releaseTitle])
    // The list preview names who has it.
    await page.getByText('@Local Administrator').first().waitFor({timeout: 30_000})
    expect(await laneTitles(LAKE_TOKENS.editor, 'unassigned', FREE_TITLE)).toEqual([FREE_TITLE])
    expect(await laneTitles(LAKE_TOKENS.editor, 'overdue', releaseTitle)).toEqual([releaseTitle])
    await shot('5-overdue-lane')
  })

  it('adds copy to the open "Overdue" lane when the cron marks it, without a reload', async () => {
    // Due a few seconds from now: the write refreshes the lane while the copy is not overdue yet.
    const dueAt = new Date(Date.now() + 8_000)
    const moved = assign(
      await stored('drafts.pressRelease.wire-free'),
      {action: 'setDue', user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']}, dueAt, note: 'Soon'},
      {reviewerRoles: ['editor']},
    )
    if (!moved.ok) throw new Error(moved.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch('drafts.pressRelease.wire-free').set({review: moved.review}).commit()
    // Waits for the due time to pass, which writes nothing: the open lane has no reason to query again.
    await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() + 1_000 - Date.now()))
    expect(await page.getByText(FREE_TITLE, {exact: true}).count()).toBe(0)

    const cron = await runScript('scripts/audit.ts', ['--overdue', '--notify'], {
      SANITY_API_HOST: lake.url,
      SANITY_API_TOKEN: LAKE_TOKENS.contributor,
    })
    expect(cron.code, cron.stderr).toBe(1)
    expect(cron.stdout).toContain('marked    drafts.pressRelease.wire-free')
    await page.getByText(FREE_TITLE, {exact: true}).first().waitFor({timeout: 30_000})
    await shot('6-overdue-lane-after-mark')
  })
})

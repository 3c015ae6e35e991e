/**
 * The editorial review in the real built Studio, in Chromium, against a real lake on a
 * random port holding the imported seed. Each step is one test and saves a screenshot
 * under test-results/editorial-review/. Users are picked by the lake's dev tokens.
 */
import path from 'node:path'
import type {Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {LAKE_TOKENS, type LakeProcess} from '../../support/lake'
import type {StaticServer} from '../../support/static-server'
import {
  GATE_DRY_RUN,
  hasStudio,
  publishFromForm,
  screenshotDir,
  startStudioSession,
  switchStudioUser,
  warnNoStudio,
  type StudioSession,
  type WatchedPage,
} from '../../support/studio-page'

warnNoStudio('the editorial-review browser test')

const RELEASE_ID = 'pressRelease.000_e42a070e862f161b'
const DOCUMENT_URL = `/structure/pressRelease;${RELEASE_ID}`

describe.skipIf(!hasStudio)('editorial review in the Studio (Chromium)', {timeout: 180_000}, () => {
  let session: StudioSession
  let lake: LakeProcess
  let studio: StaticServer
  let page: Page
  let watched: WatchedPage
  const SHOTS = screenshotDir('editorial-review')

  const shot = (name: string) => page.screenshot({path: path.join(SHOTS, `${name}.png`)})
  const admin = () => lake.client({token: LAKE_TOKENS.administrator})

  /** Opens the seed release as the user the token selects, in the Studio locale given. */
  async function openAs(token: string, locale = 'en-US') {
    await watched.navigate(`${studio.url}/`)
    await switchStudioUser(page, token, locale)
    await watched.navigate(`${studio.url}${DOCUMENT_URL}`)
    await page.getByTestId('review-findings').waitFor({timeout: 60_000})
  }

  const publishButton = () => page.getByTestId('action-publish')
  const panelBadge = () => page.getByTestId('review-panel-badge')

  /** Hovers an element and waits for its tooltip to show the expected text. */
  async function expectTooltip(target: ReturnType<Page['getByTestId']>, expected: string) {
    await target.hover()
    await page.locator('[data-ui="Tooltip"]', {hasText: expected}).first().waitFor({state: 'visible', timeout: 10_000})
  }

  async function openActionMenu() {
    // The document's actions menu; the pane header can show a collapsed menu with the same test id.
    await page.getByTestId('pane-footer').getByTestId('action-menu-button').click()
    await page.getByTestId('action-Approve').or(page.getByTestId('action-Reject')).first().waitFor({timeout: 10_000})
  }

  beforeAll(async () => {
    // No token: each test signs in as the user it needs (openAs).
    session = await startStudioSession({seeds: true, watch: GATE_DRY_RUN})
    ;({lake, studio, page, watched} = session)
  }, 180_000)

  afterEach(() => {
    expect(watched.takeProblems()).toEqual([])
  })

  afterAll(() => session?.close())

  it('1. shows a reviewer the findings, quoting "(SeaPRwire)" and "(AP)", with Publish disabled and the reason', async () => {
    await openAs(LAKE_TOKENS.editor)
    const quotes = await page.getByTestId('finding-quote').allTextContents()
    expect(quotes).toEqual(expect.arrayContaining(['(SeaPRwire)', '(AP)']))
    await expect.poll(() => page.getByTestId('review-highlight').count(), {timeout: 20_000}).toBeGreaterThanOrEqual(2)
    expect(await page.getByTestId('review-highlight').allTextContents()).toEqual(expect.arrayContaining(['(SeaPRwire)', '(AP)']))
    expect(await panelBadge().textContent()).toBe('Third-party · needs review')
    await expect.poll(() => publishButton().isDisabled()).toBe(true)
    await expectTooltip(publishButton(), 'Third-party copy must be approved before it is published: review it and approve it.')
    await shot('1-reviewer-sees-findings')
  })

  it('2. does not let a contributor approve, and says why', async () => {
    await openAs(LAKE_TOKENS.contributor)
    await openActionMenu()
    const approve = page.getByTestId('action-Approve')
    expect(await approve.getAttribute('data-disabled')).not.toBeNull()
    await expectTooltip(approve, 'Only reviewers (administrator, editor) can decide on third-party copy')
    await shot('2-contributor-cannot-approve')
    await page.keyboard.press('Escape')
  })

  it('3. lets the reviewer approve, and Publish opens', async () => {
    await openAs(LAKE_TOKENS.editor)
    await openActionMenu()
    await page.getByTestId('action-Approve').click()
    await page.getByTestId('review-note').fill('Lizenz für AP-Texte liegt vor.')
    await page.getByTestId('review-confirm').click()
    await expect.poll(() => panelBadge().textContent(), {timeout: 20_000}).toBe('Approved')
    await expect.poll(() => publishButton().isEnabled(), {timeout: 20_000}).toBe(true)
    await expect.poll(() => page.getByTestId('review-trail').textContent()).toContain('Approved by Local Editor')
    // Publish opens while the approval is still saving, so the lake is polled.
    await expect
      .poll(async () => (await admin().getDocument(`drafts.${RELEASE_ID}`))?.review, {timeout: 30_000})
      .toMatchObject({
        status: 'approved',
        decisions: [{action: 'approve', userId: 'local-editor', note: 'Lizenz für AP-Texte liegt vor.'}],
      })
    await shot('3-approved')
  })

  it('4. publishes, and the document is published in the lake', async () => {
    // The lake records the decision its own way (its time, its hash), so the Studio syncs
    // once more after the approval; Publish is disabled while it saves, as for any edit.
    await expect.poll(() => page.getByTestId('pane-footer').textContent(), {timeout: 30_000}).not.toContain('Saving')
    await expect.poll(() => publishButton().isEnabled(), {timeout: 30_000}).toBe(true)
    await publishFromForm(page, async () => (await admin().getDocument(RELEASE_ID))?.review?.status === 'approved').catch(
      async (error: Error) => {
        // What the Studio showed instead, for whoever reads the failure.
        await shot('4-not-published')
        throw error
      },
    )
    await expect.poll(async () => admin().getDocument(`drafts.${RELEASE_ID}`), {timeout: 30_000}).toBeUndefined()
    await shot('4-published')
  })

  it('5. an edit to a body paragraph outdates the approval and closes Publish again', async () => {
    await shot('5a-before-edit')
    await page.getByText('dass “Expertenteams” die Gespräche persönlich fortsetzen werden.').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Ergänzt von der Redaktion.')
    await expect.poll(() => panelBadge().textContent(), {timeout: 30_000}).toBe('Approval outdated')
    await expect.poll(() => publishButton().isDisabled(), {timeout: 30_000}).toBe(true)
    await expectTooltip(publishButton(), 'The approval is outdated: the content changed after it was approved.')
    // The document list says so too.
    await page.getByText('SeaPRwire · de · Approval outdated').first().waitFor({timeout: 30_000})
    await expect
      .poll(async () => JSON.stringify((await admin().getDocument(`drafts.${RELEASE_ID}`))?.body ?? ''), {timeout: 30_000})
      .toContain('Ergänzt von der Redaktion.')
    await shot('5-approval-outdated')
  })

  it('5a. four eyes: the editor who changed the copy cannot approve it, and is told before typing', async () => {
    await openActionMenu()
    const approve = page.getByTestId('action-Approve')
    await expect.poll(async () => approve.getAttribute('data-disabled'), {timeout: 20_000}).not.toBeNull()
    await expectTooltip(approve, 'You edited this copy last, and the four-eyes rule applies: another reviewer must approve it.')
    await shot('5a-four-eyes')
    await page.keyboard.press('Escape')
    // Nothing was recorded: the lake stepped the outdated approval back to pending on the edit, trail kept.
    expect((await admin().getDocument(`drafts.${RELEASE_ID}`))?.review).toMatchObject({
      status: 'pending',
      decisions: [{action: 'approve', userId: 'local-editor'}],
    })
  })

  it('shows a German editor the review in German', async () => {
    try {
      await openAs(LAKE_TOKENS.editor, 'de-DE')
      await expect
        .poll(() => page.getByTestId('review-findings').textContent(), {timeout: 20_000})
        .toContain('Redaktionelle Prüfung')
      expect(await panelBadge().textContent()).toBe('Freigabe veraltet')
      const panel = await page.getByTestId('review-findings').textContent()
      expect(panel).toContain('Dieser verbreitete Text nennt Associated Press (AP) als Quelle: eine Rechtefrage.')
      expect(await page.getByTestId('review-reasons').textContent()).toContain(
        'Die Freigabe ist veraltet: Der Inhalt wurde nach der Freigabe geändert.',
      )
      await shot('5b-german')
    } finally {
      await openAs(LAKE_TOKENS.editor)
    }
  })

  it('6. adding the document to a release does not get around the gate', async () => {
    const releaseName = 'rgate'
    await admin().action({
      actionType: 'sanity.action.release.create',
      releaseId: releaseName,
      metadata: {title: 'Gate test', releaseType: 'asap'},
    } as never)
    const draft = await admin().getDocument(`drafts.${RELEASE_ID}`)
    const {_rev, _createdAt, _updatedAt, ...content} = draft!
    await admin().action({
      actionType: 'sanity.action.document.version.create',
      publishedId: RELEASE_ID,
      document: {...content, _id: `versions.${releaseName}.${RELEASE_ID}`},
    } as never)
    const refusal = await admin()
      .action({actionType: 'sanity.action.release.publish', releaseId: releaseName} as never)
      .then(
        () => undefined,
        (error: {statusCode?: number; message: string}) => error,
      )
    expect(refusal?.statusCode).toBe(409)
    expect(refusal?.message).toContain('The approval is outdated')
    expect((await admin().getDocument(RELEASE_ID))?.body).not.toEqual(draft?.body)

    await watched.navigate(`${studio.url}/releases/${releaseName}`)
    await page.getByText('Gate test').first().waitFor({timeout: 60_000})
    const publishAll = page.getByTestId('publish-all-button')
    await publishAll.waitFor({timeout: 30_000})
    // The release validates its documents first; the gate's validation error must be what holds it.
    await page.getByText('Errors (1)').waitFor({timeout: 60_000})
    expect(await publishAll.isDisabled()).toBe(true)
    await shot('6-release-blocked')
  })
})

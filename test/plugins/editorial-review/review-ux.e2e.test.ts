/**
 * What a reviewer meets in the built Studio, in Chromium, against a real lake holding
 * the imported seed: decisions in the review panel with the reason shown before anyone
 * types, what changed since an outdated approval, one status in the draft and published
 * views, and a German Studio with no English label left. Failed requests and console
 * errors fail the test unless they are on the allow-list. Screenshots go to
 * test-results/review-ux/.
 */
import path from 'node:path'
import type {Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {enUS, deDE} from '../../../plugins/editorial-review/core'
import {reviewSchemaTypes} from '../../../plugins/editorial-review/schema'
import {schemaTypes} from '../../../schemas'
import {schemaLabelsDeDE} from '../../../schemas/i18n/de-DE'
import {englishLabels} from '../../../schemas/i18n/labels'
import {LAKE_TOKENS, type LakeProcess} from '../../support/lake'
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

warnNoStudio('the review UX browser test')

const RELEASE_ID = 'pressRelease.000_e42a070e862f161b'
const DOCUMENT_PATH = `/structure/pressRelease;${RELEASE_ID}`
/** An article the German test writes, to see its form and list row. */
const ARTICLE_ID = 'article.hafen-in-zahlen'
const PARAGRAPH = 'dass “Expertenteams” die Gespräche persönlich fortsetzen werden.'
const ADDED = ' Ergänzt von der Redaktion.'

/**
 * Every label a German editor could meet in English: the schema's (type titles included:
 * the form's heading and the lists name the type), and the plugin's, where German differs.
 */
function englishOnlyLabels(): Set<string> {
  const schema = englishLabels([...schemaTypes, ...reviewSchemaTypes])
  const labels = Object.entries(schema)
    .filter(([key, english]) => schemaLabelsDeDE[key] !== english)
    .map(([, english]) => english)
  const plugin = Object.entries(enUS)
    .filter(([key, english]) => deDE[key as keyof typeof deDE] !== english && !english.includes('{{'))
    .map(([, english]) => english)
  return new Set([...labels, ...plugin])
}

describe.skipIf(!hasStudio)('review UX in the Studio (Chromium)', {timeout: 240_000}, () => {
  let session: StudioSession
  let lake: LakeProcess
  let studio: StaticServer
  let page: Page
  let watched: WatchedPage
  const SHOTS = screenshotDir('review-ux')

  const shot = (name: string) => page.screenshot({path: path.join(SHOTS, `${name}.png`)})
  const admin = () => lake.client({token: LAKE_TOKENS.administrator})
  const panel = () => page.getByTestId('review-findings')
  const panelBadge = () => page.getByTestId('review-panel-badge')
  const decide = (action: string) => page.getByTestId(`review-decide-${action}`)
  const footer = () => page.getByTestId('pane-footer')

  /** Opens a Studio path as the user the token selects, in the locale given. */
  async function openAs(token: string, studioPath = DOCUMENT_PATH, locale = 'en-US') {
    await watched.navigate(`${studio.url}/`)
    await switchStudioUser(page, token, locale)
    await watched.navigate(`${studio.url}${studioPath}`)
  }

  /**
   * Puts the caret just after the last character of `text` in the form: a click focuses
   * the editor, then the browser's selection is moved to the paragraph's end, which the
   * editor follows (`End` would only reach the end of the visual line the click hit).
   */
  async function caretAtEndOf(text: string) {
    await page.getByText(text).click()
    await page.getByText(text).evaluate((element, wanted) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) {
        const node = walker.currentNode as Text
        const at = node.data.lastIndexOf(wanted)
        if (at < 0) continue
        window.getSelection()!.collapse(node, at + wanted.length)
        return
      }
      throw new Error(`"${wanted}" is not in one text node`)
    }, text)
    // The editor reads the selection when the browser reports it changed.
    await page.waitForTimeout(300)
  }

  async function openRelease(token: string, query = '') {
    await openAs(token, `${DOCUMENT_PATH}${query}`)
    // The form loads the distributors before it can judge the copy; a busy machine takes its time.
    await panel().waitFor({timeout: 120_000})
  }

  beforeAll(async () => {
    // No token: each test signs in as the user it needs (openAs).
    session = await startStudioSession({seeds: true})
    ;({lake, studio, page, watched} = session)
  }, 180_000)

  afterEach(() => {
    expect(watched.takeProblems()).toEqual([])
  })

  afterAll(() => session?.close())

  it('puts the decisions in the panel, says why before typing, and keeps Confirm shut while it can only fail', async () => {
    await openRelease(LAKE_TOKENS.contributor)
    await decide('approve').waitFor({timeout: 30_000})
    for (const action of ['approve', 'requestChanges', 'reject']) expect(await decide(action).isDisabled()).toBe(true)
    await expect
      .poll(() => page.getByTestId('review-decision-blocked').allTextContents(), {timeout: 20_000})
      .toEqual(['Only reviewers (administrator, editor) can decide on third-party copy; ask one to review it.'])
    await shot('1a-contributor-sees-why')

    await openRelease(LAKE_TOKENS.editor)
    // The importer wrote the copy, so the reviewer may approve once the history is read.
    await expect.poll(() => decide('approve').isEnabled(), {timeout: 30_000}).toBe(true)
    expect(await page.getByTestId('review-decision-blocked').count()).toBe(0)
    await decide('requestChanges').click()
    const confirm = page.getByTestId('review-confirm')
    expect(await confirm.isDisabled()).toBe(true)
    await page.getByTestId('review-note').fill('Bitte den Disclaimer ergänzen.')
    expect(await confirm.isEnabled()).toBe(true)
    await shot('1b-note-dialog')
    await page.getByRole('button', {name: 'Cancel'}).click()
    expect((await admin().getDocument(`drafts.${RELEASE_ID}`))?.review?.status).toBe('pending')
  })

  it('shows what changed since the approval, blocks the editor who changed it, and lets another reviewer re-approve there', async () => {
    await decide('approve').click()
    await page.getByTestId('review-note').fill('Lizenz für AP-Texte liegt vor.')
    await page.getByTestId('review-confirm').click()
    await expect.poll(() => panelBadge().textContent(), {timeout: 30_000}).toBe('Approved')
    // Approved copy: its findings are resolved, not blockers, and the status is said once.
    expect(await page.getByTestId('finding-severity').allTextContents()).toEqual(
      expect.arrayContaining(['Resolved by the approval']),
    )
    expect(await page.getByTestId('finding-severity').allTextContents()).not.toContain('Blocks publication')
    expect(await page.getByTestId('finding-label').allTextContents()).toContain('Dateline tag')
    expect(await panel().textContent()).not.toContain('distributorDatelineTag')
    expect(await page.getByTestId('finding-quote').allTextContents()).not.toContain('distributor.seaprwire')
    const status = (await page.getByTestId('review-status').textContent()) ?? ''
    expect(status).toMatch(/^Approved by Local Editor, .+\. Ready to publish\.$/)
    await expect.poll(() => footer().textContent(), {timeout: 30_000}).not.toContain('Saving')

    await caretAtEndOf(PARAGRAPH)
    await page.keyboard.type(ADDED)
    await shot('2a-typed')
    await expect.poll(() => panelBadge().textContent(), {timeout: 30_000}).toBe('Approval outdated')
    await shot('2a-outdated')
    const diff = page.getByTestId('approval-diff')
    await diff.waitFor({timeout: 30_000})
    await expect.poll(() => page.getByTestId('diff-added').allTextContents(), {timeout: 30_000}).toEqual([ADDED])
    expect(await page.getByTestId('diff-removed').count()).toBe(0)
    expect(
      await diff.locator('[data-testid^="diff-field-"]').evaluateAll((nodes) => nodes.map((node) => node.dataset.testid)),
    ).toEqual(['diff-field-body'])
    expect(await diff.locator('[data-testid^="diff-paragraph-"]').count()).toBe(1)
    // The editor who changed the copy is told at once that another reviewer must approve it.
    await expect
      .poll(() => page.getByTestId('review-decision-blocked').allTextContents(), {timeout: 30_000})
      .toContain('You edited this copy last, and the four-eyes rule applies: another reviewer must approve it.')
    expect(await decide('approve').isDisabled()).toBe(true)
    await shot('2a-diff-and-four-eyes')

    await openRelease(LAKE_TOKENS.administrator)
    await expect.poll(() => page.getByTestId('diff-added').allTextContents(), {timeout: 30_000}).toEqual([ADDED])
    await expect.poll(() => decide('approve').isEnabled(), {timeout: 30_000}).toBe(true)
    await decide('approve').click()
    await page.getByTestId('review-confirm').click()
    await expect.poll(() => panelBadge().textContent(), {timeout: 30_000}).toBe('Approved')
    expect(await page.getByTestId('approval-diff').count()).toBe(0)
    expect((await admin().getDocument(`drafts.${RELEASE_ID}`))?.review?.decisions?.at(-1)?.userId).toBe('local-admin')
    await shot('2b-re-approved')
  })

  it('tells one status in the draft and the published views: panel, badge and list agree', async () => {
    await expect.poll(() => footer().textContent(), {timeout: 30_000}).not.toContain('Saving')
    await admin().action({
      actionType: 'sanity.action.document.publish',
      draftId: `drafts.${RELEASE_ID}`,
      publishedId: RELEASE_ID,
    } as never)
    await expect.poll(async () => admin().getDocument(`drafts.${RELEASE_ID}`), {timeout: 30_000}).toBeUndefined()
    // An edit makes a draft whose approval is outdated; the published copy's still holds.
    await openRelease(LAKE_TOKENS.editor)
    await page.locator('[data-testid="field-title"] input').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' (aktualisiert)')
    await expect
      .poll(async () => (await admin().getDocument(`drafts.${RELEASE_ID}`))?.title, {timeout: 30_000})
      .toContain('(aktualisiert)')

    await openRelease(LAKE_TOKENS.editor)
    await expect.poll(() => panelBadge().textContent(), {timeout: 30_000}).toBe('Approval outdated')
    await expect.poll(() => footer().textContent(), {timeout: 30_000}).toContain('Approval outdated')
    await page.getByText('SeaPRwire · de · Approval outdated').first().waitFor({timeout: 30_000})
    await shot('3a-draft-view')

    await openRelease(LAKE_TOKENS.editor, '?perspective=published')
    await expect.poll(() => panelBadge().textContent(), {timeout: 30_000}).toBe('Approved')
    await expect.poll(() => footer().textContent(), {timeout: 30_000}).toContain('Approved')
    expect(await footer().textContent()).not.toContain('Approval outdated')
    await page.getByText('SeaPRwire · de · Approved').first().waitFor({timeout: 30_000})
    expect(await page.getByTestId('finding-severity').allTextContents()).not.toContain('Blocks publication')
    await shot('3b-published-view')
  })

  it('shows a German editor no English label on the release form, the article form, the lists or the queue', async () => {
    const english = englishOnlyLabels()
    // A line, or a part of a preview's line ("SeaPRwire · de · Approval outdated"), that is an English label.
    const englishLines = async () =>
      (await page.locator('body').innerText())
        .split('\n')
        .flatMap((line) => [line.trim(), ...line.split(' · ').map((part) => part.trim())])
        .filter((line) => english.has(line))

    await openAs(LAKE_TOKENS.editor, DOCUMENT_PATH, 'de-DE')
    await panel().waitFor({timeout: 120_000})
    await expect.poll(() => panelBadge().textContent(), {timeout: 30_000}).toBe('Freigabe veraltet')
    const seen = new Set<string>()
    for (const group of ['Inhalt', 'Herkunft', 'Prüfung']) {
      await page.getByRole('tab', {name: group}).click()
      await page.waitForTimeout(500)
      for (const line of (await page.locator('body').innerText()).split('\n')) seen.add(line.trim())
      await shot(`4-german-${group}`)
      expect(JSON.stringify(await englishLines()), `English labels on the "${group}" tab`).toBe('[]')
    }
    for (const label of ['Inhalte', 'Titel', 'Ortszeile', 'Text', 'Kategorien', 'Verteiler', 'Quelldatei'])
      expect(seen, label).toContain(label)
    // The body's style menu: the schema's styles carry Sanity's own keys (schemas/objects/blockContent.ts).
    await page.getByRole('tab', {name: 'Inhalt'}).click()
    await page.getByText(PARAGRAPH).click()
    await page.getByTestId('block-style-select').first().click()
    const styles = page.locator('[data-ui="MenuItem"]')
    await styles.filter({hasText: 'Überschrift 2'}).first().waitFor({timeout: 30_000})
    const menu = await styles.allInnerTexts()
    await shot('4-german-styles')
    expect(menu.join(' | ')).toMatch(/Normal.*Überschrift 2.*Überschrift 3.*Zitat/s)
    expect(menu.filter((item) => /Heading|Quote|Paragraph/.test(item))).toEqual([])
    await page.keyboard.press('Escape')

    // The list's subtitle is prepare's string: Sanity 6.9.2's lists show it without components.preview.
    await openAs(LAKE_TOKENS.editor, '/structure/pressRelease', 'de-DE')
    await page.getByText('SeaPRwire · de · Freigabe veraltet').first().waitFor({timeout: 60_000})
    expect(await page.getByText('Approval outdated').count()).toBe(0)
    expect(await englishLines()).toEqual([])
    await shot('4-german-list')

    // The newsroom's own copy: its tabs and its list row too.
    await admin().createOrReplace({
      _id: `drafts.${ARTICLE_ID}`,
      _type: 'article',
      title: 'Hafen in Zahlen',
      author: 'Redaktion',
      language: 'de',
    })
    await openAs(LAKE_TOKENS.editor, `/structure/article;${ARTICLE_ID}`, 'de-DE')
    await page.getByRole('tab', {name: 'Quellen'}).waitFor({timeout: 120_000})
    for (const group of ['Inhalt', 'Quellen', 'Prüfung']) {
      await page.getByRole('tab', {name: group}).click()
      await page.waitForTimeout(500)
      await shot(`4-german-article-${group}`)
      expect(JSON.stringify(await englishLines()), `English labels on the article's "${group}" tab`).toBe('[]')
    }
    await page.getByText('Redaktion · de').first().waitFor({timeout: 30_000})
    await openAs(LAKE_TOKENS.editor, '/structure/article', 'de-DE')
    await page.getByText('Redaktion · de').first().waitFor({timeout: 60_000})
    expect(await englishLines()).toEqual([])
    await shot('4-german-article-list')

    await openAs(LAKE_TOKENS.editor, '/structure', 'de-DE')
    await page.getByText('Pressemitteilung').first().waitFor({timeout: 60_000})
    expect(await englishLines()).toEqual([])
    const queue = page.getByText(deDE['queue.title']).first()
    await queue.click()
    await page.waitForTimeout(1000)
    expect(await englishLines()).toEqual([])
    await shot('4-german-queue')
  })
})

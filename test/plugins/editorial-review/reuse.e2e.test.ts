/**
 * The reuse check in the real built Studio, in Chromium, against a real lake holding the
 * imported seed: an editor pastes two paragraphs of the seed release into an article; it is
 * flagged as they type, the passages are shown beside the release's with a link to it, and
 * Publish stays shut until the article credits its source. An article quoting one sentence
 * is not flagged. Screenshots go to test-results/reuse/.
 */
import path from 'node:path'
import type {Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {LAKE_TOKENS, type LakeProcess} from '../../support/lake'
import type {StaticServer} from '../../support/static-server'
import {
  hasStudio,
  publishFromForm,
  screenshotDir,
  startStudioSession,
  warnNoStudio,
  type StudioSession,
  type WatchedPage,
} from '../../support/studio-page'
import {block, seedParagraphs} from './fixtures'

warnNoStudio('the reuse browser test')

const RELEASE_ID = 'pressRelease.000_e42a070e862f161b'
const OWN = 'Unsere Redaktion hat am Montag mit Beschäftigten und Anwohnern über die Pläne gesprochen.'

describe.skipIf(!hasStudio)('the reuse check in the Studio (Chromium)', {timeout: 120_000}, () => {
  let session: StudioSession
  let lake: LakeProcess
  let studio: StaticServer
  let page: Page
  let watched: WatchedPage
  const SHOTS = screenshotDir('reuse')
  const [, , second, third] = seedParagraphs()

  const shot = (name: string) => page.screenshot({path: path.join(SHOTS, `${name}.png`)})
  const editor = () => lake.client({token: LAKE_TOKENS.editor})
  const publishButton = () => page.getByTestId('action-publish')

  async function openArticle(id: string) {
    await watched.navigate(`${studio.url}/structure/article;${id}`)
    await page.getByTestId('review-findings').waitFor({timeout: 60_000})
  }

  const draftArticle = (id: string, paragraphs: string[]) =>
    editor().createOrReplace({
      _id: `drafts.${id}`,
      _type: 'article',
      title: 'Gespräche über den Frieden',
      slug: {_type: 'slug', current: id},
      language: 'de',
      author: 'Lokalredaktion',
      body: paragraphs.map((text, index) => block(`p${index}`, text)),
    })

  beforeAll(async () => {
    session = await startStudioSession({token: LAKE_TOKENS.editor, seeds: true, lake: {timeoutMs: 60_000}})
    ;({lake, studio, page, watched} = session)
  }, 180_000)

  afterEach(() => {
    expect(watched.takeProblems()).toEqual([])
  })

  afterAll(() => session?.close())

  it('flags two pasted paragraphs as the editor types, with the passages beside the release, and keeps Publish shut', async () => {
    await draftArticle('article.pasted', [OWN])
    await openArticle('article.pasted')
    await page.getByText(OWN).click()
    // The end of the body, not of the visual line.
    await page.keyboard.press('Control+End')
    for (const paragraph of [second!, third!]) {
      await page.keyboard.press('Enter')
      await page.keyboard.insertText(paragraph)
    }
    await page.getByTestId('reuse-panel').waitFor({timeout: 30_000})
    await page.getByTestId('finding-releaseReuse').waitFor({timeout: 30_000})
    const articleSide = await page.getByTestId('reuse-passage-article').allTextContents()
    const releaseSide = await page.getByTestId('reuse-passage-source').allTextContents()
    expect(articleSide.length).toBeGreaterThanOrEqual(2)
    expect(releaseSide).toEqual(articleSide)
    expect(second).toContain(articleSide[0]!.slice(0, 40))
    // The editor's own paragraph stays as typed, unflagged.
    expect(articleSide.join(' ')).not.toContain('Unsere Redaktion')
    expect(await page.getByTestId('reuse-source-link').first().getAttribute('href')).toContain(RELEASE_ID)
    await expect.poll(() => page.getByTestId('review-highlight').count(), {timeout: 20_000}).toBeGreaterThanOrEqual(2)
    await expect.poll(() => publishButton().isDisabled(), {timeout: 20_000}).toBe(true)
    await shot('1-pasted-flagged')
  })

  it('opens Publish once the article credits the release, and publishes', async () => {
    await expect
      .poll(async () => JSON.stringify((await editor().getDocument('drafts.article.pasted'))?.body ?? ''), {timeout: 30_000})
      .toContain(third!.slice(0, 60))
    await editor()
      .patch('drafts.article.pasted')
      .set({
        credits: [
          {
            _key: 'seed',
            _type: 'sourceCredit',
            release: {_type: 'reference', _ref: RELEASE_ID, _weak: true},
            label: 'Nach einer Pressemitteilung über SeaPRwire',
          },
        ],
      })
      .commit()
    await page.getByText('Credited').first().waitFor({timeout: 30_000})
    await expect.poll(() => page.getByTestId('pane-footer').textContent(), {timeout: 30_000}).not.toContain('Saving')
    await expect.poll(() => publishButton().isEnabled(), {timeout: 30_000}).toBe(true)
    await shot('2-credited')
    await publishFromForm(page, async () => (await editor().getDocument('article.pasted'))?.credits?.length === 1)
  })

  it('does not flag an article that quotes one sentence of the release', async () => {
    const sentence = second!.split(/(?<=\.)\s+/)[1]!
    await draftArticle('article.quoting', [
      OWN,
      `Ein Sprecher sagte: „${sentence}“ Mehr wollte er nicht sagen.`,
      'Die Anwohner hoffen vor allem auf mehr Ruhe in ihrem Viertel und auf bessere Busverbindungen in die Innenstadt.',
      'Der Stadtrat will sich in seiner nächsten Sitzung im Dezember mit den Folgen für den Verkehr und die Schulen befassen.',
      'Viele Familien im Viertel haben Angehörige in der Region und verfolgen die Nachrichten jeden Abend mit großer Sorge.',
      'Die Gemeinde plant für das Wochenende ein Treffen im Bürgerhaus, bei dem auch Vertreter der Hilfsorganisationen sprechen sollen.',
    ])
    await openArticle('article.quoting')
    await expect.poll(() => publishButton().isEnabled(), {timeout: 30_000}).toBe(true)
    expect(await page.getByTestId('finding-releaseReuse').count()).toBe(0)
    await shot('3-quote-not-flagged')
  })
})

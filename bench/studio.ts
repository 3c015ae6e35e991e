/**
 * `npm run bench -- studio`: the built Studio ($STUDIO_DIST, default dist/) in Chromium
 * against a lake holding 10,000 imported releases, measured as an editor meets it (issue
 * #12, item 6), and the same against a lake holding 10 releases in the same run as the
 * baseline:
 * - the first list on a warm load (target ≤ 3 s): navigation to the first list row, the
 *   median of three loads after the cold one, with the browser's cache as a Studio host
 *   leaves it (test/support/static-server.ts);
 * - a list click until the form and its review panel show (target ≤ 1 s at p50), the way
 *   an editor works through a list: row after row in a running Studio, each until the
 *   form holds that release's title and our panel its findings;
 * - the first click after a load, taken apart: until Sanity's form shows its title input,
 *   until our review panel shows its findings, and as the control a click on a category
 *   (a type the review plugin leaves alone), which is what Sanity's own form costs on this
 *   machine;
 * - a keystroke until the lake has committed that text (target ≤ 1.5 s at p50; the Studio
 *   debounces its saves), seen by a listener on the lake.
 * Prints figures against targets and ratios against the baseline; asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Page} from 'playwright-core'
import {REVIEW_POLICY} from '../config/reviewPolicy'
import {createProgress} from '../scripts/import/progress'
import {runImport} from '../scripts/import/run'
import {launchChromium} from '../test/support/browser'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, tempDir, type LakeProcess} from '../test/support/lake'
import {serveStatic} from '../test/support/static-server'
import {generateSeeds} from './import'

const STUDIO_DIST = path.resolve(PROJECT_ROOT, process.env.STUDIO_DIST ?? 'dist')
const TARGETS = {firstList: 3_000, listClick: 1_000, keystroke: 1_500}
const CLICKS = 7
/** Warm loads measured; their median is reported (one load on a shared machine is mostly noise). */
const WARM_LOADS = 3
const KEYSTROKES = 7

const listRow = (type: string) => `[data-testid="document-list-pane"] a[href*="${type};"]`
const LIST_ROW = listRow('pressRelease')
/** Sanity's form is there when the title input is: every document type measured has one. */
const FORM = '[data-testid="field-title"] input'
/** Our review panel is there when it shows the release's real findings (generated wire copy always has some). */
const FINDINGS = '[data-testid="review-findings"] [data-testid^="finding-"]'
/** A type the review plugin does not review, with a list as long as the releases' first rows. */
const CONTROL_TYPE = 'category'

interface Figures {
  coldLoad: number
  firstList: number
  /** Row after row in a running Studio, until that release's form and its findings show. */
  listClick: number
  /** The first click after a load, until both the form and the review panel show. */
  firstClick: number
  listClickForm: number
  listClickPanel: number
  /** Sanity's own form, no review plugin in it. */
  controlClick: number
  keystroke: number
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!

async function fill(lake: LakeProcess, releases: number): Promise<void> {
  const folder = tempDir('bench-studio-seeds-')
  generateSeeds(folder, releases)
  const result = await runImport({
    paths: [folder],
    target: {kind: 'client', client: lake.client({token: LAKE_TOKENS.administrator})},
    dryRun: false,
    batchSize: 200,
    threads: releases >= 500 ? 2 : 0,
    policy: REVIEW_POLICY,
    progress: createProgress(0, {write: () => true}),
  })
  if (result.failed > 0) throw new Error(`bench: ${result.failed} of ${releases} generated releases failed to import`)
  fs.rmSync(folder, {recursive: true, force: true})
}

/** Past this a measurement is reported as "over", and the steps that need it are skipped. */
const GIVE_UP_MS = 120_000

/** Milliseconds from `start` until `selector` is visible; Infinity when it never shows within GIVE_UP_MS. */
async function until(page: Page, selector: string, start: () => Promise<unknown>): Promise<number> {
  return (await untilEach(page, [selector], start))[0]!
}

/** Milliseconds from `start` until each of `selectors` is visible, watched together; Infinity for one that never shows. */
async function untilEach(page: Page, selectors: string[], start: () => Promise<unknown>): Promise<number[]> {
  const started = performance.now()
  const shown = (selector: string) =>
    page
      .locator(selector)
      .first()
      .waitFor({state: 'visible', timeout: GIVE_UP_MS})
      .then(
        () => performance.now() - started,
        () => Infinity,
      )
  try {
    await start()
  } catch {
    return selectors.map(() => Infinity)
  }
  return Promise.all(selectors.map(shown))
}

/**
 * True in the page once a form holds `title` and our panel its findings, in one poll. The
 * panel renders with the form's root, so findings beside that title are that release's.
 */
const formShows = (title: string) =>
  `[...document.querySelectorAll(${JSON.stringify(FORM)})].some((input) => input.value === ${JSON.stringify(title)}) &&
  document.querySelector(${JSON.stringify(FINDINGS)}) !== null`

/**
 * Clicks the list's rows in turn in one running Studio, as an editor works through a
 * list, and times each click until the form holds that row's title and the review panel
 * shows findings. The list is loaded once, and the first click
 * after the load is not among these (see `clicks`).
 */
async function sessionClicks(page: Page, lake: LakeProcess, listUrl: string, row: string, count: number): Promise<number[]> {
  await page.goto(listUrl)
  await page.locator(row).first().waitFor({timeout: GIVE_UP_MS})
  await page.locator(row).first().click()
  await page.locator(FINDINGS).first().waitFor({timeout: GIVE_UP_MS})
  const client = lake.client({token: LAKE_TOKENS.administrator})
  const samples: number[] = []
  for (let i = 1; i <= count; i++) {
    const id = idOf((await page.locator(row).nth(i).getAttribute('href'))!)
    // The form edits the draft when there is one, so its title is the one to wait for.
    const document = (await client.getDocument(`drafts.${id}`)) ?? (await client.getDocument(id))
    const title = String(document?.title)
    // An editor reads a release before the next one; the Studio settles meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const started = performance.now()
    await page.locator(row).nth(i).click()
    samples.push(
      await page.waitForFunction(formShows(title), undefined, {timeout: GIVE_UP_MS, polling: 'raf'}).then(
        () => performance.now() - started,
        () => Infinity,
      ),
    )
  }
  return samples
}

/** The published id in a list row's link. */
const idOf = (href: string) => decodeURIComponent(href.split(';')[1]!.split(/[/?]/)[0]!)

/**
 * Clicks the list's rows after the first in turn, each on a freshly loaded list (as an
 * editor arriving from a link or a reload meets it), and times each of `selectors` from
 * the click.
 */
async function clicks(page: Page, listUrl: string, row: string, selectors: string[], count: number): Promise<number[][]> {
  const samples: number[][] = []
  for (let i = 0; i < count; i++) {
    await page.goto(listUrl)
    await page.locator(row).first().waitFor({timeout: GIVE_UP_MS})
    // A short list (the control's) is clicked round again, never on its first row.
    const rows = await page.locator(row).count()
    samples.push(
      await untilEach(page, selectors, () =>
        page
          .locator(row)
          .nth(1 + (i % Math.max(rows - 1, 1)))
          .click(),
      ),
    )
  }
  return samples
}

const note = (line: string) => process.stderr.write(`  studio bench: ${line}\n`)

/** Keystroke → the lake's commit of that text, seen by a listener on the lake (the Studio's own save path). */
async function keystrokes(page: Page, lake: LakeProcess, draftId: string): Promise<number[]> {
  const samples: number[] = []
  const titleInput = page.locator('[data-testid="field-title"] input')
  await titleInput.click()
  await page.keyboard.press('End')
  const listener = lake.client({token: LAKE_TOKENS.administrator}).listen('*[_id == $id]', {id: draftId}, {includeResult: true})
  for (let i = 0; i < KEYSTROKES; i++) {
    const marker = String.fromCharCode(0x61 + i)
    const expected = `${(await titleInput.inputValue()) + marker}`
    const committed = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: the lake never committed "${expected}"`)), 60_000)
      const subscription = listener.subscribe((event) => {
        if (event.type === 'mutation' && (event.result as {title?: string} | undefined)?.title === expected) {
          clearTimeout(timer)
          subscription.unsubscribe()
          resolve(performance.now())
        }
      })
    })
    // Subscribed before typing, so no commit can be missed.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const typed = performance.now()
    await page.keyboard.type(marker)
    samples.push((await committed) - typed)
    // Let the Studio settle (its "Saving…" cycle) before the next keystroke.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
  }
  return samples
}

async function measure(releases: number): Promise<Figures> {
  const studio = await serveStatic(STUDIO_DIST)
  const lake = await startLakeProcess({corsOrigins: [studio.origin], timeoutMs: 60_000})
  const chromium = await launchChromium()
  try {
    note(`importing ${releases} generated releases`)
    await fill(lake, releases)
    note(`measuring the Studio against ${releases} releases`)
    await chromium.context.addInitScript(
      ({host, origin, token}: {host: string; origin: string; token: string}) => {
        if (window.location.origin !== origin) return
        window.localStorage.setItem('pressroom:apiHost', host)
        window.localStorage.setItem('__studio_auth_token_pressroom', JSON.stringify({token}))
        window.localStorage.setItem('sanity-locale:pressroom:pressroom', 'en-US')
      },
      {host: `http://localhost:${lake.port}`, origin: studio.origin, token: LAKE_TOKENS.editor},
    )
    const page = await chromium.context.newPage()
    const listUrl = `${studio.url}/structure/pressRelease`
    const coldLoad = await until(page, LIST_ROW, () => page.goto(listUrl))
    const warmLoads: number[] = []
    for (let i = 0; i < WARM_LOADS; i++) {
      await page.goto('about:blank')
      warmLoads.push(await until(page, LIST_ROW, () => page.goto(listUrl)))
    }
    const firstList = median(warmLoads)
    if (!Number.isFinite(firstList))
      return {
        coldLoad,
        firstList,
        listClick: Infinity,
        firstClick: Infinity,
        listClickForm: Infinity,
        listClickPanel: Infinity,
        controlClick: Infinity,
        keystroke: Infinity,
      }

    const inSession = await sessionClicks(page, lake, listUrl, LIST_ROW, CLICKS)
    const releaseClicks = await clicks(page, listUrl, LIST_ROW, [FORM, FINDINGS], CLICKS)
    const controlClicks = await clicks(page, `${studio.url}/structure/${CONTROL_TYPE}`, listRow(CONTROL_TYPE), [FORM], CLICKS)

    await page.goto(listUrl)
    await page.locator(LIST_ROW).first().waitFor({timeout: GIVE_UP_MS})
    const firstHref = (await page.locator(LIST_ROW).first().getAttribute('href'))!
    const publishedId = idOf(firstHref)
    await until(page, '[data-testid="review-findings"]', () => page.locator(LIST_ROW).first().click())
    const keys = await keystrokes(page, lake, `drafts.${publishedId}`).catch(() => [Infinity])
    return {
      coldLoad,
      firstList,
      listClick: median(inSession),
      firstClick: median(releaseClicks.map((shown) => Math.max(...shown))),
      listClickForm: median(releaseClicks.map(([form]) => form!)),
      listClickPanel: median(releaseClicks.map(([, panel]) => panel!)),
      controlClick: median(controlClicks.map(([form]) => form!)),
      keystroke: median(keys),
    }
  } finally {
    await chromium.close()
    await studio.close()
    await lake.stop()
  }
}

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : `> ${GIVE_UP_MS / 1000} s`)

export async function benchStudio(releases = 10_000): Promise<void> {
  if (!fs.existsSync(path.join(STUDIO_DIST, 'index.html'))) {
    console.log(
      `No built Studio at ${STUDIO_DIST}: run \`npx sanity build dist --yes\` (or set STUDIO_DIST), then this benchmark.`,
    )
    return
  }
  const load = () => os.loadavg()[0]!.toFixed(2)
  const loadBefore = load()
  const baseline = await measure(10)
  const loaded = await measure(releases)
  const rows: [string, keyof Figures, number | undefined][] = [
    ['cold load to the first list', 'coldLoad', undefined],
    ['warm load to the first list', 'firstList', TARGETS.firstList],
    ['list click → form and review panel (p50)', 'listClick', TARGETS.listClick],
    ['first click after a load → form and panel', 'firstClick', TARGETS.listClick],
    ["  of which: → Sanity's form (title input)", 'listClickForm', TARGETS.listClick],
    ['  of which: → review panel with findings', 'listClickPanel', TARGETS.listClick],
    [`  control: ${CONTROL_TYPE} click → its form`, 'controlClick', TARGETS.listClick],
    ['keystroke → lake commit (p50)', 'keystroke', TARGETS.keystroke],
  ]
  console.log(`Built Studio in Chromium; ${releases.toLocaleString('en')} releases vs a baseline lake of 10 releases`)
  // Other work on the machine slows both runs; the ratios hold up better than the seconds.
  console.log(`  load average (1 min) ${loadBefore} before, ${load()} after, on ${os.availableParallelism()} cores`)
  for (const [label, key, target] of rows) {
    const verdict =
      target === undefined
        ? ''
        : loaded[key] <= target
          ? `  ok (target ≤ ${seconds(target)})`
          : `  OVER target ${seconds(target)}`
    const ratio = Number.isFinite(loaded[key] / baseline[key]) ? `×${(loaded[key] / baseline[key]).toFixed(2)}` : '×?'
    console.log(
      `  ${label.padEnd(44)} ${seconds(loaded[key]).padStart(8)}   baseline ${seconds(baseline[key]).padStart(8)}   ${ratio}${verdict}`,
    )
  }
  // What a release's form costs beyond Sanity's own form on this machine: the part the project can act on.
  const beyond = (figures: Figures) => `${((figures.firstClick - figures.controlClick) / 1000).toFixed(2)} s`
  console.log(
    `  first release click beyond the ${CONTROL_TYPE} control: ${beyond(loaded)} (baseline ${beyond(baseline)}); ` +
      `the control alone is ${loaded.controlClick <= TARGETS.listClick ? 'within' : 'over'} the ${seconds(TARGETS.listClick)} target`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await benchStudio(Number(process.argv[2] ?? 10_000))

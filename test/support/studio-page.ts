/**
 * What every browser test does around the built Studio: find the build, point a browser
 * context at the lake (and a user and a language), and watch a page for what the brief
 * forbids — a lake response of 4xx or 5xx, a failed lake request, a console error, an
 * uncaught page error — outside one short allow-list, so no test forgets a part of it.
 * `startStudioSession` does all of that at once, with the lake and the browser, for the
 * `beforeAll` of a browser test file, and closes it again.
 */
import fs from 'node:fs'
import path from 'node:path'
import type {BrowserContext, ConsoleMessage, Page, Response} from 'playwright-core'
import {launchChromium, type LaunchedBrowser} from './browser'
import {PROJECT_ROOT, startLakeProcess, type LakeProcess, type LakeProcessOptions} from './lake'
import {actionsOf, isGateDryRun} from './request-log'
import {runScript} from './run-script'
import {serveStatic, type StaticServer} from './static-server'

/** The built Studio the browser tests load: $STUDIO_DIST, or dist/ (`npm test` builds it first). */
export const STUDIO_DIST = path.resolve(PROJECT_ROOT, process.env.STUDIO_DIST ?? 'dist')

/** Whether a built Studio is there; without one the browser tests skip, loudly (see `warnNoStudio`). */
export const hasStudio = fs.existsSync(path.join(STUDIO_DIST, 'index.html'))

/** Says on stderr that a browser test is skipped and how to run it. */
export function warnNoStudio(test: string): void {
  if (!hasStudio)
    console.warn(`\n!!! SKIPPING ${test}: no built Studio at ${STUDIO_DIST}. Run \`npm run build\` or set STUDIO_DIST. !!!\n`)
}

/** A test's screenshot folder under test-results/, made if missing. */
export function screenshotDir(name: string): string {
  const dir = path.join(PROJECT_ROOT, 'test-results', name)
  fs.mkdirSync(dir, {recursive: true})
  return dir
}

/**
 * Console errors the offline Studio makes by itself: it asks Sanity's CDN for a newer
 * version, which a machine without network cannot reach. Nothing of the lake's.
 */
export const OFFLINE_NOISE = [/ERR_NAME_NOT_RESOLVED/, /Failed to fetch version for package/, /ERR_INTERNET_DISCONNECTED/]

/** A full page load closes the presence socket under the Studio: the browser's noise, not the lake's. */
const UNLOAD_NOISE = /WebSocket is already in CLOSING or CLOSED state/

/** The Studio's workspace name (sanity.config.ts), which its localStorage keys carry. */
const WORKSPACE = 'pressroom'

export interface StudioContextOptions {
  /** The lake's base URL, which the built Studio reads from localStorage `pressroom:apiHost`. */
  apiHost: string
  /** The Studio's origin: other origins (about:blank) have no localStorage to set. */
  origin: string
  /** Signs in as this token's user unless the page already holds a token; none leaves the login screen. */
  token?: string
  /** The Studio's language unless the page chose one; en-US, since its default is its last locale (German). */
  locale?: string
}

/** Points every page of the context at the lake, as a user and in a language. */
export async function prepareStudioContext(context: BrowserContext, options: StudioContextOptions): Promise<void> {
  await context.addInitScript(
    ({apiHost, origin, token, locale, workspace}) => {
      if (window.location.origin !== origin) return
      window.localStorage.setItem('pressroom:apiHost', apiHost)
      const tokenKey = `__studio_auth_token_${workspace}`
      if (token && !window.localStorage.getItem(tokenKey)) window.localStorage.setItem(tokenKey, JSON.stringify({token}))
      const localeKey = `sanity-locale:${workspace}:${workspace}`
      if (!window.localStorage.getItem(localeKey)) window.localStorage.setItem(localeKey, locale)
    },
    {
      apiHost: options.apiHost,
      origin: options.origin,
      token: options.token ?? null,
      locale: options.locale ?? 'en-US',
      workspace: WORKSPACE,
    },
  )
}

/** Signs the page's Studio in as another user, in a language, from the next load on. */
export async function switchStudioUser(page: Page, token: string, locale = 'en-US'): Promise<void> {
  await page.evaluate(
    ({value, studioLocale, workspace}) => {
      window.localStorage.setItem(`__studio_auth_token_${workspace}`, JSON.stringify({token: value}))
      window.localStorage.setItem(`sanity-locale:${workspace}:${workspace}`, studioLocale)
    },
    {value: token, studioLocale: locale, workspace: WORKSPACE},
  )
}

export interface WatchOptions {
  /** The lake's port: only its requests are judged (the static server's are not). */
  lakePort: number
  /** A lake response the test expects to fail, such as the gate's refusal of a dry run. */
  expectedResponse?: (response: Response) => boolean
  /** A console error the test expects, besides the offline Studio's own. */
  expectedConsole?: (message: ConsoleMessage) => boolean
}

/**
 * The one refusal a Studio session expects: the review gate answering the Releases tool's
 * dry-run publish of a release that holds unapproved copy (see `isGateDryRun`), which the
 * browser also logs as a failed resource.
 */
export const GATE_DRY_RUN: Pick<WatchOptions, 'expectedResponse' | 'expectedConsole'> = {
  expectedResponse: (response) =>
    isGateDryRun(response.status(), response.request().method(), response.url(), response.request().postData()),
  expectedConsole: (message) => /status of 409/.test(message.text()) && message.location().url.includes('/data/actions/'),
}

export interface WatchedPage {
  /** Every lake response so far, as `status method url [actions]`, for a request log. */
  readonly requests: string[]
  /** What went wrong since the last call, and forgets it. */
  takeProblems(): string[]
  /** Loads a URL; the socket noise of the page being replaced is expected meanwhile. */
  navigate(url: string): Promise<void>
  /** Runs `work` (a reload, a lake restart) with the unload noise expected meanwhile. */
  whileNavigating<T>(work: () => Promise<T>): Promise<T>
  /** Runs `work` without watching at all: the lake is down on purpose. */
  unwatched<T>(work: () => Promise<T>): Promise<T>
}

/** Watches a Studio page for lake failures and console errors outside the allow-list. */
export function watchStudioPage(page: Page, options: WatchOptions): WatchedPage {
  const problems: string[] = []
  const requests: string[] = []
  let navigating = 0
  let watching = true
  const isLake = (url: string) => {
    const {port} = new URL(url)
    return port === String(options.lakePort)
  }
  page.on('response', (response) => {
    if (!isLake(response.url())) return
    const request = response.request()
    const line = `${response.status()} ${request.method()} ${response.url()}${actionsOf(request.postData())}`
    requests.push(line)
    if (watching && response.status() >= 400 && !options.expectedResponse?.(response)) problems.push(`HTTP ${line}`)
  })
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? ''
    // A navigation aborts the open listeners; that is the browser, not the lake.
    if (watching && isLake(request.url()) && !failure.includes('ERR_ABORTED'))
      problems.push(`request failed ${request.method()} ${request.url()}: ${failure}`)
  })
  page.on('console', (message) => {
    if (!watching || message.type() !== 'error') return
    const text = message.text()
    if (OFFLINE_NOISE.some((pattern) => pattern.test(text)) || (navigating > 0 && UNLOAD_NOISE.test(text))) return
    if (options.expectedConsole?.(message)) return
    problems.push(`console error: ${text.slice(0, 300)}`)
  })
  page.on('pageerror', (error) => {
    if (watching) problems.push(`page error: ${error.message}`)
  })

  const whileNavigating = async <T>(work: () => Promise<T>): Promise<T> => {
    navigating++
    try {
      return await work()
    } finally {
      navigating--
    }
  }
  return {
    requests,
    takeProblems: () => problems.splice(0),
    navigate: async (url) => {
      await whileNavigating(() => page.goto(url))
    },
    whileNavigating,
    unwatched: async (work) => {
      watching = false
      try {
        return await work()
      } finally {
        watching = true
      }
    },
  }
}

/**
 * Clicks the form's Publish until the lake holds the published copy. Publish waits for the
 * form's validation of the current revision; on a loaded machine the review's validation can
 * still hold the previous revision (the one before the lake recorded the decision) when the
 * click lands: the Studio then says "validation issues" and does nothing, and the editor
 * clicks again.
 */
export async function publishFromForm(page: Page, isPublished: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const publish = page.getByTestId('action-publish')
  const deadline = Date.now() + timeoutMs
  while (!(await isPublished())) {
    if (Date.now() > deadline)
      throw new Error(
        `Publish did not publish within ${timeoutMs / 1000} s; the footer says: ${await page.getByTestId('pane-footer').textContent()}`,
      )
    if (await publish.isEnabled()) await publish.click()
    // Long enough for a publish to reach the lake before the next look, so one click is not taken for two.
    await page.waitForTimeout(10_000)
  }
}

export interface StudioSessionOptions {
  /** Signs the Studio in as this token's user; none leaves the login screen. */
  token?: string
  /** The Studio's language; en-US when omitted (see `prepareStudioContext`). */
  locale?: string
  /** Imports seeds before the browser opens: `true` for the project's seeds/, or a folder relative to the project root. */
  seeds?: boolean | string
  /** The lake's own options; its CORS origin is always the Studio's, so it is not one of them. */
  lake?: Omit<LakeProcessOptions, 'corsOrigins'>
  /** Lake refusals and console errors the page is expected to show, such as `GATE_DRY_RUN`. */
  watch?: Pick<WatchOptions, 'expectedResponse' | 'expectedConsole'>
}

export interface StudioSession {
  studio: StaticServer
  /** The lake the Studio talks to; `restartLake` replaces it. */
  readonly lake: LakeProcess
  chromium: LaunchedBrowser
  page: Page
  watched: WatchedPage
  /**
   * Stops the lake (resolving with its exit code) and starts it again on the same port and
   * data, as a restarted server is; `close` then stops the new one.
   */
  restartLake(): Promise<number | null>
  /** Closes what was started, newest first; a second call does nothing. */
  close(): Promise<void>
}

/**
 * One Studio browser session: the built Studio served, a lake that allows its origin (with
 * the seeds imported if asked), Chromium pointed at both as a user in a language, and one
 * page watched. If a step fails, what was started is closed again before the error is
 * thrown, since a `beforeAll` that throws leaves its `afterAll` no session to close.
 */
export async function startStudioSession(options: StudioSessionOptions = {}): Promise<StudioSession> {
  if (!hasStudio) throw new Error(`No built Studio at ${STUDIO_DIST}: run \`npm run build\` or set STUDIO_DIST.`)
  // Each started part pushes its closer; closing pops them, so parts close in reverse order.
  const closers: Array<() => Promise<unknown>> = []
  const close = async () => {
    const failures: unknown[] = []
    for (let closer = closers.pop(); closer; closer = closers.pop())
      await closer().catch((error: unknown) => failures.push(error))
    if (failures.length > 0) throw new AggregateError(failures, 'Closing the Studio session failed')
  }
  try {
    const studio = await serveStatic(STUDIO_DIST)
    closers.push(() => studio.close())
    const lakeOptions = {...options.lake, corsOrigins: [studio.origin]}
    let lake = await startLakeProcess(lakeOptions)
    // Whichever lake is current when the session closes, after any restart.
    closers.push(() => lake.stop())
    if (options.seeds) await importSeeds(lake, options.seeds === true ? 'seeds' : options.seeds)
    const chromium = await launchChromium()
    closers.push(() => chromium.close())
    await prepareStudioContext(chromium.context, {
      // localhost, not the lake's 127.0.0.1: the Studio puts its project id in front (`pressroom.localhost`),
      // and the lake moves each listener to a host of its own under it (lake/http/stream-hosts.ts).
      apiHost: `http://localhost:${lake.port}`,
      origin: studio.origin,
      token: options.token,
      locale: options.locale,
    })
    const page = await chromium.context.newPage()
    const watched = watchStudioPage(page, {lakePort: lake.port, ...options.watch})
    return {
      studio,
      get lake() {
        return lake
      },
      chromium,
      page,
      watched,
      async restartLake() {
        const code = await lake.stop()
        // The page's watch judges requests by port, and the Studio holds the lake's URL: both stay.
        const args = [...(lakeOptions.args ?? []), '--port', String(lake.port)]
        lake = await startLakeProcess({...lakeOptions, dataDir: lake.dataDir, args})
        return code
      },
      close,
    }
  } catch (error) {
    await close().catch((closeError: unknown) => console.error('Closing the half-started Studio session failed:', closeError))
    throw error
  }
}

/** Runs the seed import into the lake as `npm run import` does, and says why when it fails. */
async function importSeeds(lake: LakeProcess, folder: string): Promise<void> {
  const imported = await runScript('scripts/import.ts', [folder], {SANITY_API_HOST: lake.url})
  if (imported.code !== 0)
    throw new Error(
      `Importing the seeds in ${folder}/ into the lake at ${lake.url} exited with code ${imported.code}:\n${imported.stderr}`,
    )
}

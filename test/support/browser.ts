/** Launches the system Chromium (Debian package) headless through playwright-core; never downloads a browser. */
import {execSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'

export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  try {
    return execSync('command -v chromium', {shell: '/bin/sh'}).toString().trim() || undefined
  } catch {
    return undefined
  }
}

export interface LaunchedBrowser {
  /** A context on a fresh profile directory (playwright's persistent context owns --user-data-dir). */
  context: BrowserContext
  close(): Promise<void>
}

export interface LaunchOptions {
  /** Viewport size; 1400x900 by default. */
  viewport?: {width: number; height: number}
  /** Browser locale; en-US by default so UI text is predictable. */
  locale?: string
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH')
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    viewport: options.viewport ?? {width: 1400, height: 900},
    locale: options.locale ?? 'en-US',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(userDataDir, {recursive: true, force: true})
    },
  }
}

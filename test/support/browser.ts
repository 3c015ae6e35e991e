/** Launches the system Chromium (Debian package) headless through playwright-core; never downloads a browser. */
import {execSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {chromium, type Browser} from 'playwright-core'

export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  try {
    return execSync('command -v chromium', {shell: '/bin/sh'}).toString().trim() || undefined
  } catch {
    return undefined
  }
}

export interface LaunchedBrowser {
  browser: Browser
  close(): Promise<void>
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH')
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'))
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${userDataDir}`,
    ],
  })
  return {
    browser,
    async close() {
      await browser.close()
      fs.rmSync(userDataDir, {recursive: true, force: true})
    },
  }
}

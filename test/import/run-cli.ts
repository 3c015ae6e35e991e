import {spawn} from 'node:child_process'
import {PROJECT_ROOT} from '../support/lake'

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a project script the way `npm run` does (Node 24 with tsx), against a given lake. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: PROJECT_ROOT,
      env: {...process.env, SANITY_PROJECT_ID: '', SANITY_API_TOKEN: '', ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => resolve({code, stdout, stderr}))
  })
}

/** Runs a project script as `npm run <script>` would (tsx, project root), capturing its output. */
import {spawn} from 'node:child_process'
import {ROOT} from './frontend-lake'

export interface ScriptResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `node --import tsx <script> ...args` with `env` added to a copy of the environment
 * without SANITY_* variables. No tsx CLI wrapper: the exit code is the script's own.
 */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    // A developer's own target must not leak into a test run.
    const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SANITY_')))
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: {...base, ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({code, stdout, stderr}))
  })
}

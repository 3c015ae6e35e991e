/**
 * Starts a real lake as a child process on a random port, for tests and scripts.
 *
 * The child is `node --import tsx lake/main.ts` rather than `npx tsx …`: npx and the tsx
 * CLI each add a wrapper process, and a `kill -9` aimed at a wrapper would leave the
 * actual server running. Here the pid is the server's own.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createClient, type SanityClient} from '@sanity/client'
import {DEFAULT_USERS} from '../../lake/auth/users'
import {parseArgs, serveOptions} from '../../lake/cli'
import {startLake, type RunningLake} from '../../lake/server'
import type {CommitGuard} from '../../lake/store/types'
import type {RoleName} from '../../lake/store/types'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Tokens of the lake's built-in users (dev fixtures, see lake/README.md), by role. */
export const LAKE_TOKENS = Object.fromEntries(DEFAULT_USERS.map((user) => [user.role, user.token])) as Record<RoleName, string>

export interface LakeProcessOptions {
  /** Data directory; a fresh temp dir when omitted. */
  dataDir?: string
  /** Allowed CORS origins (`--cors-origin`, repeated). */
  corsOrigins?: string[]
  /** Extra command-line arguments. */
  args?: string[]
  /** Extra environment variables. */
  env?: Record<string, string>
  /** How long to wait for the listening line. */
  timeoutMs?: number
}

export interface LakeProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string
  port: number
  dataDir: string
  child: ChildProcess
  /** Everything the lake wrote to stderr so far (for assertions and failure messages). */
  stderr(): string
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL (kill -9) and wait for exit. */
  kill9(): Promise<void>
  /** A `@sanity/client` for this lake (plain host, `useProjectHostname: false`; perspective `raw` unless given). */
  client(options?: {token?: string; dataset?: string; perspective?: 'raw' | 'published' | 'drafts'}): SanityClient
}

export function tempDir(prefix = 'lake-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

const LISTENING = /^lake listening on (http:\/\/127\.0\.0\.1:(\d+))$/m

const running = new Set<ChildProcess>()

/**
 * Kills lakes still running: a test that fails before stopping its lake must not leave
 * the server behind. vitest calls it after each test file (test/support/setup.ts), whose
 * workers may be ended without an exit event; other processes (the benchmarks) call it
 * when they exit.
 */
export function killRunningLakes(): void {
  for (const child of running) child.kill('SIGKILL')
}
process.once('exit', killRunningLakes)

export async function startLakeProcess(options: LakeProcessOptions = {}): Promise<LakeProcess> {
  const dataDir = options.dataDir ?? tempDir()
  const args = ['--import', 'tsx', 'lake/main.ts', '--port', '0', '--data', dataDir]
  for (const origin of options.corsOrigins ?? []) args.push('--cors-origin', origin)
  args.push(...(options.args ?? []))
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: {...process.env, ...options.env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`lake did not print its listening line within ${options.timeoutMs ?? 20000} ms; stderr:\n${stderr}`))
    }, options.timeoutMs ?? 20000)
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString()
      const m = LISTENING.exec(stdout)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`lake exited with code ${code} before listening; stderr:\n${stderr}`))
    })
  })
  const port = Number(new URL(url).port)
  return {
    url,
    port,
    dataDir,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      child.kill('SIGTERM')
      return exited
    },
    async kill9() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await exited
    },
    client(clientOptions = {}) {
      return createClient({
        projectId: 'pressroom',
        dataset: clientOptions.dataset ?? 'production',
        apiVersion: '2025-02-19',
        apiHost: url,
        useProjectHostname: false,
        useCdn: false,
        token: clientOptions.token,
        perspective: clientOptions.perspective ?? 'raw',
        ignoreBrowserTokenWarning: true,
      })
    },
  }
}

/** An empty in-process lake on a random port, configured as `npm run lake` is, that asks `guard` before every commit. */
export function startGuardedLake(guard: CommitGuard, dataDir = tempDir()): Promise<RunningLake> {
  return startLake({...serveOptions(parseArgs(['--port', '0', '--data', dataDir])), guard})
}

/** A client of an in-process lake, raw perspective; `token: null` sends none (the lake's default user). */
export function lakeClient(lake: RunningLake, token: string | null = LAKE_TOKENS.administrator): SanityClient {
  return createClient({
    projectId: 'pressroom',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    token: token ?? undefined,
    perspective: 'raw',
  })
}

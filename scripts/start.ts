/**
 * npm start — the main job on the local lake: starts the lake (unless one already
 * answers, or a real project is configured), imports the seeds, then serves the Studio.
 * Ctrl-C stops everything it started.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {REVIEW_POLICY} from '../config/reviewPolicy'
import {LOCAL_LAKE, resolveTarget} from '../config/target'
import {DEFAULT_USERS} from '../lake/auth/users'

const STUDIO_PORT = 3333
const bin = (name: string) => path.resolve('node_modules/.bin', name)
const children: ChildProcess[] = []

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'inherit'], env})
  children.push(child)
  return child
}

/** Starts the lake and resolves once it prints its listening line. */
function startLake(): Promise<string> {
  const lake = run(bin('tsx'), ['lake/main.ts', '--port', String(LOCAL_LAKE.port), '--data', LOCAL_LAKE.dataDir])
  return new Promise((resolve, reject) => {
    const lines = createInterface({input: lake.stdout!})
    lines.on('line', (line) => {
      console.log(`[lake] ${line}`)
      const match = /^lake listening on (http:\/\/\S+)$/.exec(line)
      if (match) resolve(match[1]!)
    })
    lake.once('exit', (code) =>
      reject(new Error(`The lake exited with code ${code} before it was ready; see its message above.`)),
    )
  })
}

async function lakeAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/v1/ping`, {signal: AbortSignal.timeout(1000)})
    return response.ok
  } catch {
    return false
  }
}

function waitFor(child: ChildProcess, what: string): Promise<void> {
  child.stdout?.pipe(process.stdout)
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${what} exited with code ${code}; see its message above.`)),
    ),
  )
}

async function main() {
  const target = resolveTarget()
  if (target.local) {
    const url = target.apiHost!
    if (await lakeAnswers(url)) console.log(`Using the lake already running at ${url}`)
    else await startLake()
  }
  await waitFor(run(bin('tsx'), ['scripts/import.ts', 'seeds']), 'The import').catch((error: Error) =>
    console.error(`${error.message} The Studio starts anyway, so you can look at what did import.`),
  )
  console.log(`Serving the Studio on http://localhost:${STUDIO_PORT}`)
  if (target.local) {
    // The lake is the Studio's login provider (lake/http/auth.ts): its login screen lists these users.
    console.log(
      [
        'Sign in on the Studio’s login screen as one of the lake’s users; "Sign out" in the user menu switches user:',
        ...DEFAULT_USERS.map(
          ({name, role}) => `  ${name} (${role})${REVIEW_POLICY.reviewerRoles.includes(role) ? ': may review' : ''}`,
        ),
      ].join('\n'),
    )
  }
  await waitFor(run(bin('sanity'), ['dev', '--port', String(STUDIO_PORT), '--host', '127.0.0.1']), 'The Studio')
}

function stopAll(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exitCode = code
}

process.once('SIGINT', () => stopAll(130))
process.once('SIGTERM', () => stopAll(143))
main().then(
  () => stopAll(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    stopAll(1)
  },
)

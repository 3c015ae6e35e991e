/** Command-line parsing for `npm run lake -- …`; defaults come from config/target.ts. */
import path from 'node:path'
import {parseArgs as parseNodeArgs, type ParseArgsConfig} from 'node:util'
import {LOCAL_LAKE} from '../config/target'
import {DEFAULT_USERS, loadUsersFile, ROLES} from './auth/users'
import type {LakeServerOptions} from './server'
import type {RoleName} from './store/types'

export const DEFAULT_CORS_ORIGINS = ['http://localhost:3333', 'http://127.0.0.1:3333']

export const USAGE = `Usage:
  npm run lake -- [--port <n>] [--data <dir>] [--cors-origin <origin>]... [--users <file>] [--anonymous-role <role|none>] [--compact-after-mb <n>] [--log-requests] [--query-timeout-ms <n>] [--query-workers <n>]
  npm run lake -- import <file.ndjson> [--replace | --missing] [--allow-unreviewed] [--url <lake url>] [--dataset <name>] [--token <token>] [--batch-size <n>]
  npm run lake -- export <file.ndjson | -> [--url <lake url>] [--dataset <name>] [--token <token>]

Defaults: --port ${LOCAL_LAKE.port}, --data ${LOCAL_LAKE.dataDir}, --cors-origin ${DEFAULT_CORS_ORIGINS.join(' and ')},
          built-in users (see lake/README.md) or $LAKE_USERS_FILE, --anonymous-role administrator,
          import/export --url http://127.0.0.1:${LOCAL_LAKE.port} --dataset ${LOCAL_LAKE.dataset}, token from $SANITY_API_TOKEN.`

export class UsageError extends Error {}

/** Flags as parsed: repeated flags collect into arrays, bare flags are `true`. */
export interface ParsedArgs {
  /** Positional arguments (the file of import/export). */
  positional: string[]
  /** `--name value` / `--name=value` / `--flag`. */
  flags: Map<string, (string | true)[]>
}

export type LakeCommand = 'serve' | 'import' | 'export'

const text = {type: 'string'} as const
const bare = {type: 'boolean'} as const
const CONNECTION = {url: text, dataset: text, token: text, help: bare}

/** The flags each command accepts; anything else is a usage error. */
const COMMAND_OPTIONS: Record<LakeCommand, ParseArgsConfig['options']> = {
  serve: {
    port: text,
    data: text,
    'cors-origin': {type: 'string', multiple: true},
    users: text,
    'anonymous-role': text,
    'compact-after-mb': text,
    'log-requests': bare,
    'query-timeout-ms': text,
    'query-workers': text,
    help: bare,
  },
  import: {...CONNECTION, replace: bare, missing: bare, 'batch-size': text, 'allow-unreviewed': bare},
  export: CONNECTION,
}

/** Parses one command's arguments with Node's own parser; its complaints become usage errors. */
export function parseArgs(argv: string[], command: LakeCommand = 'serve'): ParsedArgs {
  let parsed: ReturnType<typeof parseNodeArgs>
  try {
    parsed = parseNodeArgs({args: argv, options: COMMAND_OPTIONS[command], allowPositionals: command !== 'serve', strict: true})
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const flags = new Map<string, (string | true)[]>()
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined || value === false) continue
    flags.set(name, (Array.isArray(value) ? value : [value]) as (string | true)[])
  }
  return {positional: parsed.positionals, flags}
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const values = args.flags.get(name)
  const last = values?.[values.length - 1]
  return typeof last === 'string' ? last : undefined
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name)
}

export function serveOptions(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): LakeServerOptions {
  const portText = stringFlag(args, 'port') ?? String(LOCAL_LAKE.port)
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${portText}"`)
  const origins = (args.flags.get('cors-origin') ?? []).filter((v): v is string => typeof v === 'string')
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new UsageError(`--cors-origin must be an origin like http://localhost:3333, got "${origin}"`)
  }
  const usersFile = stringFlag(args, 'users') ?? env.LAKE_USERS_FILE
  const anonymous = stringFlag(args, 'anonymous-role') ?? 'administrator'
  if (anonymous !== 'none' && !(anonymous in ROLES))
    throw new UsageError(`--anonymous-role must be one of ${Object.keys(ROLES).join(', ')}, none`)
  const compactMb = Number(stringFlag(args, 'compact-after-mb') ?? 64)
  if (!(compactMb > 0)) throw new UsageError('--compact-after-mb must be a positive number')
  // Deadline after which a query's worker is terminated; tests shorten it, the default is Sanity's 1 minute.
  const timeoutText = stringFlag(args, 'query-timeout-ms')
  const queryTimeoutMs = timeoutText === undefined ? undefined : Number(timeoutText)
  if (queryTimeoutMs !== undefined && !(Number.isInteger(queryTimeoutMs) && queryTimeoutMs > 0))
    throw new UsageError(`--query-timeout-ms must be a positive integer, got "${timeoutText}"`)
  const workersText = stringFlag(args, 'query-workers')
  const queryWorkers = workersText === undefined ? undefined : Number(workersText)
  if (queryWorkers !== undefined && !(Number.isInteger(queryWorkers) && queryWorkers > 0))
    throw new UsageError(`--query-workers must be a positive integer, got "${workersText}"`)
  return {
    port,
    dataDir: path.resolve(stringFlag(args, 'data') ?? LOCAL_LAKE.dataDir),
    corsOrigins: origins.length ? origins : DEFAULT_CORS_ORIGINS,
    projectId: LOCAL_LAKE.projectId,
    dataset: LOCAL_LAKE.dataset,
    users: usersFile ? loadUsersFile(usersFile) : DEFAULT_USERS,
    anonymousRole: anonymous as RoleName | 'none',
    compactAfterBytes: compactMb * 1024 * 1024,
    logRequests: hasFlag(args, 'log-requests'),
    ...(queryTimeoutMs !== undefined ? {queryTimeoutMs} : {}),
    ...(queryWorkers !== undefined ? {queryWorkers} : {}),
  }
}

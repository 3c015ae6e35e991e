/**
 * Where scripts and tests send their requests: the embedded local Content Lake unless a
 * real project is configured. One resolver, so the import, the audit, the reference web
 * page and the tests cannot disagree about the target.
 */
import {createClient, type SanityClient} from '@sanity/client'

/** The local lake's fixed defaults; the Studio build and every script agree on them. */
export const LOCAL_LAKE = {
  /** Port the lake listens on when none is given. */
  port: 4000,
  /** Project id the local lake answers to (any id works; this one is the default). */
  projectId: 'pressroom',
  /** Dataset created on first write. */
  dataset: 'production',
  /** Data directory, relative to the project root; git-ignored. */
  dataDir: '.lake-data',
} as const

/** API version every client in this project pins. */
export const API_VERSION = '2025-02-19'

export interface Target {
  /** Sanity project id, real or the local lake's. */
  projectId: string
  /** Dataset name. */
  dataset: string
  /** Full API origin, e.g. http://127.0.0.1:4000; undefined means Sanity's hosted API. */
  apiHost: string | undefined
  /** Token from the environment; never logged. */
  token: string | undefined
  /** True when the target is a local lake, not the hosted Content Lake. */
  local: boolean
}

type Env = Record<string, string | undefined>

/**
 * Scripts follow Sanity's convention of plain `SANITY_*` variables. A project id plus
 * a token, with no API host, means the hosted Content Lake.
 */
export function resolveTarget(env: Env = process.env): Target {
  const projectId = env.SANITY_PROJECT_ID?.trim()
  const token = env.SANITY_API_TOKEN?.trim() || undefined
  const explicitHost = env.SANITY_API_HOST?.trim() || undefined
  const hosted = Boolean(projectId && token && !explicitHost)
  if (hosted) {
    return {projectId: projectId!, dataset: env.SANITY_DATASET?.trim() || 'production', apiHost: undefined, token, local: false}
  }
  return {
    projectId: projectId || LOCAL_LAKE.projectId,
    dataset: env.SANITY_DATASET?.trim() || LOCAL_LAKE.dataset,
    apiHost: explicitHost ?? `http://127.0.0.1:${LOCAL_LAKE.port}`,
    token,
    local: true,
  }
}

/** Describes the target for logs without ever printing the token. */
export function describeTarget(target: Target): string {
  const where = target.local ? `local lake ${target.apiHost}` : `Sanity project ${target.projectId}`
  return `${where}, dataset ${target.dataset}${target.token ? ', with token' : ''}`
}

/** A real `@sanity/client` for the target; Node cannot resolve `<projectId>.localhost`. */
export function createTargetClient(target: Target = resolveTarget()): SanityClient {
  return createClient({
    projectId: target.projectId,
    dataset: target.dataset,
    apiVersion: API_VERSION,
    useCdn: false,
    token: target.token,
    perspective: 'raw',
    ...(target.apiHost ? {apiHost: target.apiHost, useProjectHostname: false} : {}),
  })
}

/** Sanity's document id conventions: `drafts.<id>`, `versions.<release>.<id>`, `_.`-prefixed system ids. */
import {randomBytes} from 'node:crypto'

export const DRAFTS_PREFIX = 'drafts.'
export const VERSIONS_PREFIX = 'versions.'

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS_PREFIX)
}

export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS_PREFIX)
}

/** The release name of a `versions.<release>.<id>` id, else undefined. */
export function releaseOf(id: string): string | undefined {
  if (!isVersionId(id)) return undefined
  const rest = id.slice(VERSIONS_PREFIX.length)
  const dot = rest.indexOf('.')
  return dot > 0 ? rest.slice(0, dot) : undefined
}

/** The published id a draft or version belongs to. */
export function publishedIdOf(id: string): string {
  if (isDraftId(id)) return id.slice(DRAFTS_PREFIX.length)
  if (isVersionId(id)) {
    const rest = id.slice(VERSIONS_PREFIX.length)
    const dot = rest.indexOf('.')
    return dot > 0 ? rest.slice(dot + 1) : id
  }
  return id
}

export function draftIdOf(id: string): string {
  return DRAFTS_PREFIX + publishedIdOf(id)
}

export function versionIdOf(release: string, id: string): string {
  return `${VERSIONS_PREFIX}${release}.${publishedIdOf(id)}`
}

/** Sanity-like random ids: 22 url-safe characters. */
export function randomId(): string {
  return randomBytes(16).toString('base64url').replace(/[-_]/g, 'x').slice(0, 22)
}

/** `_id` ending in "." means "generate the rest" (e.g. `drafts.`), as in Sanity. */
export function resolveNewId(id: string | undefined): string {
  if (!id) return randomId()
  return id.endsWith('.') ? id + randomId() : id
}

const VALID_ID = /^[a-zA-Z0-9._-]{1,128}$/

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && VALID_ID.test(id) && !id.startsWith('-') && !id.includes('..')
}

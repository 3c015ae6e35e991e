/** Sanity's document id conventions: `drafts.<id>`, `versions.<release>.<id>`, `_.`-prefixed system ids. */
import {randomBytes} from 'node:crypto'
import {StoreError} from './errors'

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

// Sanity's limit (and the journal's, the history's and every URL's that names a document).
export const MAX_ID_LENGTH = 128

/** Sanity's id rules (sanity.io/docs/ids), each with why an id breaking it is refused; checked in order. */
const ID_RULES: [(id: string) => boolean, string][] = [
  [(id) => id.length > 0, 'it is empty'],
  [(id) => id.length <= MAX_ID_LENGTH, `it is longer than ${MAX_ID_LENGTH} characters`],
  [(id) => /^[a-zA-Z0-9._-]+$/.test(id), 'only the characters a-z, A-Z, 0-9, ".", "_" and "-" are allowed'],
  [
    (id) => id.split('.').every((segment) => segment.length > 0),
    'it has an empty path segment (a leading, trailing or doubled ".")',
  ],
  [(id) => id.split('.').every((segment) => !segment.startsWith('-')), 'a path segment starts with "-"'],
]

/** Why `id` is not a valid document id, or undefined when it is. */
export function idRefusal(id: unknown): string | undefined {
  if (typeof id !== 'string') return 'it is not a string'
  return ID_RULES.find(([holds]) => !holds(id))?.[1]
}

export function isValidId(id: unknown): id is string {
  return idRefusal(id) === undefined
}

/** An id short enough to echo back in an error message (a refused id can be 20,000 characters). */
export function idForMessage(id: unknown): string {
  const text = typeof id === 'string' ? id : String(id)
  return text.length > 64 ? `${text.slice(0, 64)}…` : text
}

/** `id` when valid; else a 400 transaction item error naming the (truncated) id and the rule it breaks. */
export function validDocumentId(id: unknown): string {
  const reason = idRefusal(id)
  if (reason === undefined) return id as string
  const shown = idForMessage(id)
  throw new StoreError('invalid', `Invalid document ID ${JSON.stringify(shown)}: ${reason}`, shown)
}

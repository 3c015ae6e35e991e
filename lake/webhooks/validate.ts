/**
 * Checks a webhook definition sent to the Management API, so a mistake is refused with
 * the field and what to do, at creation, rather than failing silently at delivery.
 */
import {parse} from 'groq-js'
import {errors} from '../errors'
import {HOOK_METHODS, HOOK_OPERATIONS, type HookMethod, type HookOperation, type WebhookInput} from './types'

/** Delta GROQ (`before()`, `after()`, `delta::…`) exists from this version on; Sanity's default for webhooks. */
export const MIN_HOOK_API_VERSION = 'v2021-03-25'
const DESCRIPTION_LIMIT = 1024
const NAME_LIMIT = 256
/** RFC 9110 token characters; anything else cannot be a header name. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
/** Headers the delivery sets itself; a definition may not forge or break them. */
const RESERVED_HEADER = /^(sanity-|idempotency-key$|content-length$|content-type$|host$|transfer-encoding$|connection$)/i
/** Read-only fields a client may send back unchanged (a GET answer reused as a PUT body). */
const READ_ONLY = new Set(['id', 'type', 'projectId', 'createdAt', 'createdByUserId', 'deletedAt', 'isDisabledByUser'])
const FIELDS = new Set([
  'name',
  'description',
  'url',
  'dataset',
  'rule',
  'apiVersion',
  'httpMethod',
  'headers',
  'includeDrafts',
  'includeAllVersions',
  'secret',
  'isDisabled',
])

const bad = (field: string, problem: string) => errors.badRequest(`Webhook field "${field}" ${problem}`)

function text(value: unknown, field: string, limit: number, optional: true): string | null
function text(value: unknown, field: string, limit: number, optional?: false): string
function text(value: unknown, field: string, limit: number, optional = false): string | null {
  if (optional && (value === null || value === undefined)) return null
  if (typeof value !== 'string' || (!optional && !value.trim())) throw bad(field, 'must be a non-empty string')
  if (value.length > limit) throw bad(field, `is longer than ${limit} characters`)
  return value
}

function bool(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') throw bad(field, 'must be true or false')
  return value
}

/** Only http(s) URLs are delivered to: no `file:`, `data:` or other schemes a fetcher might honour. */
function deliveryUrl(value: unknown): string {
  const raw = text(value, 'url', 2048)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw bad('url', `is not an absolute URL: ${JSON.stringify(raw.slice(0, 100))}; use https://host/path`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('url', `must use http or https, not ${url.protocol}`)
  // The URL is answered to every administrator in listings and attempts, and HTTP libraries put it in their errors;
  // a password in it would travel with it. A header or the signing secret carries credentials instead.
  if (url.username || url.password)
    throw bad('url', 'may not hold a user name or password; send credentials in a header (e.g. Authorization) or use secret')
  return url.toString()
}

function dataset(value: unknown): string {
  const name = text(value, 'dataset', 64)
  if (name !== '*' && !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name))
    throw bad('dataset', `"${name}" is not a dataset name (or "*" for all)`)
  return name
}

function apiVersion(value: unknown): string {
  if (value === undefined) return MIN_HOOK_API_VERSION
  const version = text(value, 'apiVersion', 32).replace(/^v?/, 'v')
  if (!/^v\d{4}-\d{2}-\d{2}$/.test(version)) throw bad('apiVersion', `"${version}" is not a date version like v2021-03-25`)
  if (version < MIN_HOOK_API_VERSION) throw bad('apiVersion', `must be ${MIN_HOOK_API_VERSION} or later (delta GROQ needs it)`)
  return version
}

function method(value: unknown): HookMethod {
  if (value === undefined) return 'POST'
  const upper = typeof value === 'string' ? value.toUpperCase() : value
  if (!HOOK_METHODS.includes(upper as HookMethod)) throw bad('httpMethod', `must be one of ${HOOK_METHODS.join(', ')}`)
  return upper as HookMethod
}

function headers(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value))
    throw bad('headers', 'must be an object of header names to string values')
  const result: Record<string, string> = {}
  for (const [name, content] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) throw bad('headers', `has an invalid header name ${JSON.stringify(name.slice(0, 64))}`)
    if (RESERVED_HEADER.test(name)) throw bad('headers', `may not set "${name}": the delivery sets it`)
    // Visible Latin-1 and tabs only: what HTTP/1.1 can carry; anything else would fail every delivery.
    if (typeof content !== 'string' || !/^[\t\x20-\x7e\x80-\xff]*$/.test(content))
      throw bad('headers', `value of "${name}" must be a string without line breaks or control characters`)
    result[name] = content
  }
  return result
}

/** True when the tree holds `*`: a subquery over the whole dataset. */
function hasSubquery(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasSubquery)
  if (!node || typeof node !== 'object') return false
  if ((node as {type?: unknown}).type === 'Everything') return true
  return Object.values(node).some(hasSubquery)
}

/** A GROQ filter or projection, parsed now so a typo is a 400 naming it rather than a hook that never fires. */
function groq(value: unknown, field: 'filter' | 'projection'): string | null {
  const source = text(value, `rule.${field}`, 16_000, true)
  if (source === null || !source.trim()) return null
  if (field === 'projection' && !source.trim().startsWith('{'))
    throw bad('rule.projection', 'must be a GROQ projection in braces, e.g. {_id, title}')
  let tree: unknown
  try {
    tree = parse(field === 'filter' ? source : `@${source}`, {mode: 'delta'})
  } catch (err) {
    throw bad(`rule.${field}`, `is not valid GROQ: ${(err as Error).message}`)
  }
  // As on Sanity: a hook sees the changed document and what it references, never the whole
  // dataset, so matching a commit costs the size of the change, not of the dataset.
  if (hasSubquery(tree))
    throw bad(
      `rule.${field}`,
      'may not use a subquery (*): webhook GROQ reads the changed document and follows its references (->)',
    )
  return source
}

function rule(value: unknown): WebhookInput['rule'] {
  if (value === undefined) return {on: [...HOOK_OPERATIONS], filter: null, projection: null}
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('rule', 'must be an object {on, filter, projection}')
  const {on, filter, projection, ...rest} = value as Record<string, unknown>
  const unknown = Object.keys(rest)
  if (unknown.length) throw bad('rule', `has unknown fields ${unknown.join(', ')} (use on, filter, projection)`)
  const operations = on === undefined ? [...HOOK_OPERATIONS] : on
  if (
    !Array.isArray(operations) ||
    operations.length === 0 ||
    operations.some((op) => !HOOK_OPERATIONS.includes(op as HookOperation))
  )
    throw bad('rule.on', `must list one or more of ${HOOK_OPERATIONS.join(', ')}`)
  return {
    on: [...new Set(operations as HookOperation[])],
    filter: groq(filter, 'filter'),
    projection: groq(projection, 'projection'),
  }
}

/**
 * A full definition from a create body, or an updated one from `current` and a partial
 * update body. Unknown fields are refused so a misspelt option is not silently ignored.
 */
export function webhookInput(body: Record<string, unknown>, current?: WebhookInput): WebhookInput {
  if (body.type !== undefined && body.type !== 'document')
    throw bad('type', 'must be "document": the local lake implements document webhooks only')
  const unknown = Object.keys(body).filter((key) => !FIELDS.has(key) && !READ_ONLY.has(key))
  if (unknown.length) throw errors.badRequest(`Unknown webhook fields: ${unknown.join(', ')}`)
  const has = (key: string) => body[key] !== undefined || !current
  return {
    name: has('name') ? text(body.name, 'name', NAME_LIMIT) : current!.name,
    description: has('description') ? text(body.description, 'description', DESCRIPTION_LIMIT, true) : current!.description,
    url: has('url') ? deliveryUrl(body.url) : current!.url,
    dataset: has('dataset') ? dataset(body.dataset) : current!.dataset,
    rule: has('rule') ? rule(body.rule) : current!.rule,
    apiVersion: has('apiVersion') ? apiVersion(body.apiVersion) : current!.apiVersion,
    httpMethod: has('httpMethod') ? method(body.httpMethod) : current!.httpMethod,
    headers: has('headers') ? headers(body.headers) : current!.headers,
    includeDrafts: bool(body.includeDrafts, 'includeDrafts', current?.includeDrafts ?? false),
    includeAllVersions: bool(body.includeAllVersions, 'includeAllVersions', current?.includeAllVersions ?? false),
    secret: has('secret') ? text(body.secret, 'secret', 1024, true) : current!.secret,
    isDisabled: bool(body.isDisabled, 'isDisabled', current?.isDisabled ?? false),
  }
}

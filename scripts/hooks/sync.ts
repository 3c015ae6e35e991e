/**
 * Brings a project's review webhooks to the wanted definitions through Sanity's webhook
 * Management API: matched by name, created when missing, updated only when a field differs,
 * left alone otherwise, so running it again changes nothing. Other webhooks are not touched.
 */
import type {SanityClient} from '@sanity/client'
import type {WebhookDefinition} from '../../lake/webhooks/types'

/** What `npm run hooks` asks for; the lake or Sanity fills in the rest. */
export type WantedHook = Pick<
  WebhookDefinition,
  'name' | 'description' | 'url' | 'dataset' | 'rule' | 'apiVersion' | 'httpMethod' | 'headers' | 'includeDrafts' | 'secret'
>

export type SyncOutcome = 'created' | 'updated' | 'unchanged'

/** Hooks live in the global Management API, not under the project's host. */
const hooksClient = (client: SanityClient) => client.withConfig({useProjectHostname: false})

function differs(wanted: WantedHook, existing: WebhookDefinition): boolean {
  const current: WantedHook = {
    name: existing.name,
    description: existing.description ?? null,
    url: existing.url,
    dataset: existing.dataset,
    rule: {on: [...existing.rule.on].sort(), filter: existing.rule.filter ?? null, projection: existing.rule.projection ?? null},
    apiVersion: existing.apiVersion,
    httpMethod: existing.httpMethod,
    headers: existing.headers ?? {},
    includeDrafts: existing.includeDrafts,
    // A Management API that does not echo secrets cannot be compared on them; the lake echoes it to administrators.
    secret: 'secret' in existing ? (existing.secret ?? null) : wanted.secret,
  }
  const normal = {...wanted, rule: {...wanted.rule, on: [...wanted.rule.on].sort()}}
  return JSON.stringify(sortKeys(current)) !== JSON.stringify(sortKeys(normal)) || existing.isDisabled
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    )
  return value
}

export async function syncHooks(
  client: SanityClient,
  projectId: string,
  wanted: WantedHook[],
): Promise<{name: string; outcome: SyncOutcome}[]> {
  const api = hooksClient(client)
  const base = `/hooks/projects/${encodeURIComponent(projectId)}`
  const existing = await api.request<WebhookDefinition[]>({uri: base})
  const results: {name: string; outcome: SyncOutcome}[] = []
  for (const hook of wanted) {
    const same = existing.filter((candidate) => candidate.name === hook.name)
    if (same.length > 1)
      throw new Error(
        `Project ${projectId} has ${same.length} webhooks named "${hook.name}"; delete the extra ones (sanity hook delete) and run again`,
      )
    const [current] = same
    if (!current) {
      await api.request({uri: base, method: 'POST', body: {type: 'document', ...hook}})
      results.push({name: hook.name, outcome: 'created'})
    } else if (differs(hook, current)) {
      await api.request({uri: `${base}/${encodeURIComponent(current.id)}`, method: 'PUT', body: {...hook, isDisabled: false}})
      results.push({name: hook.name, outcome: 'updated'})
    } else results.push({name: hook.name, outcome: 'unchanged'})
  }
  return results
}

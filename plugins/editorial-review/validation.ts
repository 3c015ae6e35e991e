import type {CustomValidator, SanityClient} from 'sanity'
import type {DistributorsForImportQueryResult} from '../../sanity.types'
import {distributorsForImportQuery} from '../../queries/import'
import {API_VERSION} from './constants'
import {
  canPublish,
  deDE,
  detectContextFor,
  enUS,
  formatMessage,
  withReuseSources,
  type PressReleaseDocument,
  type ReviewPolicy,
} from './core'
import {fetchReuseSources, REUSE_SOURCE_TYPE} from './reuseCandidates'

/** Distributors change rarely; validation runs on every edit. */
const DISTRIBUTORS_TTL_MS = 30_000
const cache = new WeakMap<SanityClient, {at: number; distributors: Promise<DistributorsForImportQueryResult>}>()

function distributorsFor(client: SanityClient): Promise<DistributorsForImportQueryResult> {
  const cached = cache.get(client)
  if (cached && Date.now() - cached.at < DISTRIBUTORS_TTL_MS) return cached.distributors
  const distributors = client.fetch(distributorsForImportQuery, {}, {perspective: 'published'})
  cache.set(client, {at: Date.now(), distributors})
  return distributors
}

/**
 * Document validation that fails while the gate is closed. Publishing through a
 * content release or a schedule checks validation, so this carries the gate there. It
 * reads the same policy as the plugin, the lake, the import and the audit.
 */
export function publicationGate(policy: ReviewPolicy): CustomValidator<unknown> {
  return async (_value, validationContext) => {
    const document = validationContext.document as PressReleaseDocument | undefined
    if (!document) return true
    const client = validationContext.getClient({apiVersion: API_VERSION})
    const base = detectContextFor(policy, await distributorsFor(client))
    // The newsroom's own copy is also compared with the releases it may reuse.
    const context =
      document._type === REUSE_SOURCE_TYPE
        ? base
        : withReuseSources(base, policy, await fetchReuseSources(client, document, base.distributors))
    const verdict = canPublish(document, {context, reviewerRoles: policy.reviewerRoles})
    if (verdict.ok) return true
    // Validation messages cannot reach the Studio's i18n; Sanity picks the user's locale from these.
    const inLocale = (table: Readonly<Record<string, string>>) =>
      formatMessage(table, 'validation.gate', {
        reasons: verdict.details.map((detail) => formatMessage(table, detail.key, detail.params)).join(' '),
      })
    return {'en-US': inLocale(enUS), 'de-DE': inLocale(deDE)}
  }
}

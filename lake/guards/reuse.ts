/**
 * The reuse check's sources, as the lake finds them in its own store: every press release
 * (drafts too: imports stay drafts until an editor publishes them), fingerprinted from its
 * body by the lake itself. Stored `reuse.hashes` are not trusted here, since whoever may
 * edit a release could empty them to hide it; they serve the Studio's candidate query.
 */
import {
  articleHashes,
  bodyReuseText,
  distributorsSignature,
  fingerprintOf,
  rankCandidates,
  sharedCount,
  withReuseSources,
  type DetectContext,
  type PressReleaseDocument,
  type ReuseSource,
  type ReviewPolicy,
} from '../../plugins/editorial-review/core'
import type {GuardContext, SanityDocument} from '../store/types'

/** The type whose documents are reuse sources; its own copy is third-party already and is not compared. */
export const SOURCE_TYPE = 'pressRelease'

/** More candidates than the Studio aligns: the gate is the last word, and alignment is cheap. */
const GATE_CANDIDATES = 50

/** Documents are immutable in the store, so a release is fingerprinted once per revision. */
const fingerprints = new WeakMap<SanityDocument, {signature: string; hashes: string[]}>()

function fingerprintOfRelease(release: SanityDocument, distributors: DetectContext['distributors']): string[] {
  const signature = distributorsSignature(distributors)
  const cached = fingerprints.get(release)
  if (cached && cached.signature === signature) return cached.hashes
  const hashes = fingerprintOf(bodyReuseText(release as PressReleaseDocument, distributors))
  fingerprints.set(release, {signature, hashes})
  return hashes
}

/** The releases an article shares fingerprints with, most shared first. */
export function storeReuseSources(
  document: SanityDocument,
  context: Pick<GuardContext, 'documentsOfType'>,
  distributors: DetectContext['distributors'],
): ReuseSource[] {
  const hashes = new Set(articleHashes(document as PressReleaseDocument, distributors))
  if (hashes.size === 0) return []
  const releases = new Map<string, SanityDocument>()
  const counts = new Map<string, number>()
  for (const release of context.documentsOfType(SOURCE_TYPE)) {
    const shared = sharedCount(hashes, fingerprintOfRelease(release, distributors))
    if (shared === 0) continue
    releases.set(release._id, release)
    counts.set(release._id, shared)
  }
  return rankCandidates(counts, {limit: GATE_CANDIDATES}).map(({id}) => releases.get(id) as ReuseSource)
}

/** The detection context for one document, with its reuse sources from the store when it is not a release itself. */
export function withStoreReuse(
  detection: DetectContext,
  document: SanityDocument,
  context: Pick<GuardContext, 'documentsOfType'>,
  policy: Pick<ReviewPolicy, 'reuse'>,
): DetectContext {
  if (document._type === SOURCE_TYPE) return detection
  return withReuseSources(detection, policy, storeReuseSources(document, context, detection.distributors))
}

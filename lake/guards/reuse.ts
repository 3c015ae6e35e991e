/**
 * The reuse check's sources, as the lake finds them in its own store: every press release
 * (drafts too: imports stay drafts until an editor publishes them), fingerprinted from its
 * body by the lake itself and looked up in the lake's index of them (reuseIndex.ts). Stored
 * `reuse.hashes` are not trusted here, since whoever may edit a release could empty them to
 * hide it; they serve the Studio's candidate query.
 */
import {
  articleHashes,
  withReuseSources,
  type DetectContext,
  type PressReleaseDocument,
  type ReuseSource,
  type ReviewPolicy,
} from '../../plugins/editorial-review/core'
import type {GuardContext, SanityDocument} from '../store/types'
import {SOURCE_TYPE, type ReleaseReuseIndex} from './reuseIndex'

export {SOURCE_TYPE}

/** More candidates than the Studio aligns: the gate is the last word, and alignment is cheap. */
export const GATE_CANDIDATES = 50

type StoreContext = Pick<GuardContext, 'dataset' | 'getDocument' | 'documentsOfType'>

/** The releases an article shares fingerprints with, most shared first. */
export function storeReuseSources(
  document: SanityDocument,
  context: StoreContext,
  distributors: DetectContext['distributors'],
  index: ReleaseReuseIndex,
): ReuseSource[] {
  const hashes = [...new Set(articleHashes(document as PressReleaseDocument, distributors))]
  if (hashes.length === 0) return []
  return index.candidates(context.dataset, context, hashes, GATE_CANDIDATES).map(({release}) => release as ReuseSource)
}

/** The detection context for one document, with its reuse sources from the store when it is not a release itself. */
export function withStoreReuse(
  detection: DetectContext,
  document: SanityDocument,
  context: StoreContext,
  policy: Pick<ReviewPolicy, 'reuse'>,
  index: ReleaseReuseIndex,
): DetectContext {
  if (document._type === SOURCE_TYPE) return detection
  return withReuseSources(detection, policy, storeReuseSources(document, context, detection.distributors, index))
}

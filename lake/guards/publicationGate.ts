/**
 * The editorial-review gate, enforced by the lake itself: no transaction may make
 * third-party copy public unless its current content is approved. It runs on every
 * mutation and action (publish, release publish, a direct write to a published id),
 * so no way of publishing gets around it. NDJSON restores are an administrator's
 * backup path and are let through; `npm run audit` reports anything they bring in.
 */
import {WIRE_AGENCIES} from '../../data/agencies'
import {canPublish, contentHash, type DistributorDoc, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {isDraftId, isVersionId} from '../store/ids'
import type {Change, CommitGuard, GuardContext, GuardVerdict} from '../store/types'

export interface PublicationGateOptions {
  /** Document types whose published versions must pass the gate. */
  types: string[]
}

const ALLOWED: GuardVerdict = {ok: true, reasons: []}

/** A change that puts new content on a published id of a gated type. */
function publishes(change: Change, types: string[]): change is Change & {after: NonNullable<Change['after']>} {
  const {after, before} = change
  if (!after || isDraftId(after._id) || isVersionId(after._id) || !types.includes(after._type)) return false
  // A patch that leaves the judged content alone (a review note on live copy) publishes nothing new.
  return !before || contentHash(before as PressReleaseDocument) !== contentHash(after as PressReleaseDocument)
}

export function publicationGate({types}: PublicationGateOptions): CommitGuard {
  return {
    beforeCommit(changes, _user, context: GuardContext): GuardVerdict {
      if (context.kind === 'import') return ALLOWED
      const publishing = changes.filter((change) => publishes(change, types))
      if (publishing.length === 0) return ALLOWED
      const distributors = context.documentsOfType('distributor').filter(({_id}) => !isDraftId(_id) && !isVersionId(_id))
      const detection = {distributors: distributors as unknown as DistributorDoc[], agencies: WIRE_AGENCIES}
      const reasons = publishing.flatMap(({after}) => {
        const verdict = canPublish(after as PressReleaseDocument, {context: detection})
        return verdict.ok ? [] : [`${after._id} cannot be published: ${verdict.reasons.join(' ')}`]
      })
      return reasons.length === 0 ? ALLOWED : {ok: false, reasons}
    },
  }
}

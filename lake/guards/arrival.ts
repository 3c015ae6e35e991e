/**
 * When reviewed copy arrived is a fact the lake vouches for. The due time counts from it
 * (review/due.ts: `source.importedAt`, else `_createdAt`), so a writer who could move it
 * forward, remove it, or date new copy in the future would silence "overdue". So:
 * - a stored `source.importedAt` never changes and is never removed (a re-import keeps it);
 *   copy that has none may gain one no later than its `_createdAt`;
 * - `_createdAt` never changes;
 * - a new copy of an existing document (publish, a draft from the published copy, a release
 *   version) carries the arrival time its siblings carry;
 * - a new document's `source.importedAt` is a valid time, and neither it nor `_createdAt`
 *   lies in the future beyond a small clock skew.
 * Review decisions need no such check: the lake stamps their `at` with the commit time (reviewState.ts).
 */
import type {Change, GuardContext, SanityDocument} from '../store/types'
import {groupIds} from './contentEditor'

/** As for decisions: a client's clock may run a little ahead of the lake's, never by minutes. */
const FUTURE_SKEW_MS = 60_000

const IMPORTED_AT = 'source.importedAt'

function importedAtOf(document: SanityDocument | null): unknown {
  const source = document?.source
  return source && typeof source === 'object' ? (source as {importedAt?: unknown}).importedAt : undefined
}

const timeOf = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN)

function updateRefusal(id: string, before: SanityDocument, after: SanityDocument): string | undefined {
  const stored = importedAtOf(before)
  const written = importedAtOf(after)
  if (stored !== undefined && written !== stored) {
    const what = written === undefined ? 'removed' : `changed to ${JSON.stringify(written)}`
    return `${id}: ${IMPORTED_AT} cannot be ${what}: it records when the copy arrived (${String(stored)}), and the review's due time counts from it. Leave it as it is; a re-import keeps it too.`
  }
  if (stored === undefined && written !== undefined) {
    const created = timeOf(before._createdAt)
    if (!(timeOf(written) <= created)) {
      return `${id}: ${IMPORTED_AT} ${JSON.stringify(written)} would move the copy's arrival after its creation (${String(before._createdAt)}), and the review's due time counts from it. Leave ${IMPORTED_AT} out.`
    }
  }
  if (after._createdAt !== before._createdAt) {
    return `${id}: _createdAt cannot change (it is ${String(before._createdAt)}): the lake records when a document was created, and the review's due time counts from it.`
  }
  return undefined
}

function createRefusal(id: string, after: SanityDocument, context: GuardContext): string | undefined {
  const written = importedAtOf(after)
  // Copies of the same type only: another type's `source` was never checked here.
  const carried = groupIds(context, id).flatMap((sibling) => {
    const copy = sibling === id ? null : context.getDocument(sibling)
    return copy && copy._type === after._type && importedAtOf(copy) !== undefined ? [importedAtOf(copy)] : []
  })
  if (carried.length > 0) {
    return carried.includes(written)
      ? undefined
      : `${id}: a copy of an existing document keeps its ${IMPORTED_AT} (${String(carried[0])}), not ${written === undefined ? 'none' : JSON.stringify(written)}: it records when the copy arrived, and the review's due time counts from it.`
  }
  const latest = Date.parse(context.timestamp) + FUTURE_SKEW_MS
  if (written !== undefined) {
    const at = timeOf(written)
    if (Number.isNaN(at))
      return `${id}: ${IMPORTED_AT} ${JSON.stringify(written)} is not an ISO 8601 time; write when the copy arrived, or leave it out.`
    if (at > latest)
      return `${id}: ${IMPORTED_AT} ${String(written)} is in the future (the lake's time is ${context.timestamp}); write when the copy arrived.`
  }
  if (timeOf(after._createdAt) > latest)
    return `${id}: _createdAt ${String(after._createdAt)} is in the future (the lake's time is ${context.timestamp}); leave it out and the lake records the creation time.`
  return undefined
}

/** Why the change would move when a reviewed document arrived, or undefined. */
export function arrivalRefusal({id, before, after}: Change, context: GuardContext): string | undefined {
  if (!after) return undefined
  return before ? updateRefusal(id, before, after) : createRefusal(id, after, context)
}

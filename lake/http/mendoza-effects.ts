/**
 * How a committed change is described to clients: mendoza effects (the listener's
 * `effects` with `effectFormat=mendoza`, the history API's `effects`) and the mutations that
 * reproduce it. Shared by lake/http/listen.ts and lake/http/history.ts.
 */
import type {Change, SanityDocument} from '../store/types'

/** Mendoza patch that yields `value` regardless of input. The Studio applies it to the document without `_rev`. */
function valueEffect(doc: SanityDocument | null): unknown[] {
  if (!doc) return [0, null]
  const {_rev: _r, ...rest} = doc
  return [0, rest]
}

/** The lake sends op 0 ("Value") with the whole document, which is a valid mendoza patch. */
export function effectsOf(change: Change): {apply: unknown[]; revert: unknown[]} {
  return {apply: valueEffect(change.after), revert: valueEffect(change.before)}
}

/** Mutations that reproduce a change; the Studio's mutator replays them for others' edits. */
export function mutationsOf(change: Change): unknown[] {
  return change.after ? [{createOrReplace: change.after}] : [{delete: {id: change.id}}]
}

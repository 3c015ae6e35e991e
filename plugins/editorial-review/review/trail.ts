/**
 * Writing to the review's append-only trails (decisions, assignments). An entry is appended
 * after the stored ones, never written with the whole trail: the lake records each entry with
 * its own clock and key, so a form's copy of earlier entries can lag the stored ones for a
 * moment, and writing it back would read as a rewritten trail.
 */
import type {PatchOperations} from '@sanity/client'

export function appendToTrail(trail: 'decisions' | 'assignments', entry: object): PatchOperations[] {
  return [
    {setIfMissing: {review: {_type: 'editorialReview'}}},
    {setIfMissing: {[`review.${trail}`]: []}},
    {insert: {after: `review.${trail}[-1]`, items: [entry]}},
  ]
}

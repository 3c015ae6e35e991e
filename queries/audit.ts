/**
 * Queries of `npm run audit`. Run with the `raw` perspective: the audit reads published
 * documents by id, whatever the client's default perspective is.
 */
import {defineQuery} from 'groq'

/**
 * One page of published documents of the reviewed types (`$types`, the review policy's),
 * in `_id` order after the cursor `$after` ("" for the first page), at most `$pageSize`.
 * Cursor paging keeps memory flat on a large dataset. Every published document is read,
 * not only flagged ones: the audit also runs the detection rules, to catch third-party
 * copy written without its review field.
 */
export const publishedReviewedForAuditQuery = defineQuery(`*[_type in $types
  && !(_id in path("drafts.**")) && !(_id in path("versions.**")) && _id > $after]
  | order(_id asc) [0...$pageSize] {
  _id, _type, _rev, _updatedAt, title, slug, language, dateline, body, distributor, disclaimer, categories, credits, review
}`)

/**
 * One page of flagged copy that may be waiting for review (`npm run audit -- --overdue`):
 * drafts and published documents of the reviewed types, pending or approved (an approval
 * may be stale, which only `effectiveStatus` can tell), in `_id` order after `$after`.
 */
export const waitingForReviewQuery = defineQuery(`*[_type in $types
  && !(_id in path("versions.**")) && review.thirdParty == true
  && coalesce(review.status, "pending") in ["pending", "approved"] && _id > $after]
  | order(_id asc) [0...$pageSize] {
  _id, _type, _rev, _createdAt, _updatedAt, title, slug, language, dateline, body, distributor, disclaimer, categories, credits, review,
  "distributorName": distributor->name, "importedAt": source.importedAt
}`)

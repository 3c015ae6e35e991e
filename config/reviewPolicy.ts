/**
 * The newsroom's review policy: which types are reviewed, who may decide, the four-eyes
 * rule, the rules table and the wire agencies. The Studio (sanity.config.ts), schema
 * validation, the local lake's guard, the import and the audit all read this one
 * object, so a rule added here changes the verdict in every place at once.
 */
import {resolvePolicy} from '../plugins/editorial-review/core'

export const REVIEW_POLICY = resolvePolicy({
  // Each reviewed type needs a `review` field of type `editorialReview`.
  types: ['pressRelease', 'article'],
  // Sanity's built-in roles that may approve, request changes or reject.
  reviewerRoles: ['administrator', 'editor'],
  // Whoever last changed the copy cannot approve it.
  fourEyes: true,
  // Flagged copy is overdue this many hours after it starts waiting for review (npm run audit -- --overdue).
  reviewWithinHours: 4,
  // A site's own rules by code, added to the built-in table: `{myRule: {code: 'myRule', …}}`.
  rules: {},
  // Share of an article from uncredited imported releases from which on it counts as third-party-derived.
  reuse: {threshold: 0.3},
})

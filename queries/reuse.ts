/**
 * The reuse check's candidate lookup (plugins/editorial-review/rules/reuse): releases that
 * share fingerprints with an article, most shared first, with the body the alignment needs.
 * A plain GROQ filter on the stored `reuse.hashes`, so it runs on the local lake and on a
 * hosted project alike. Drafts count: imported releases stay drafts until an editor
 * publishes them, and their text is third-party all the same.
 * Params: `$hashes` (the article's fingerprints, `articleHashes`), `$limit`.
 * Run with the `raw` perspective and a token that reads drafts.
 */
import {defineQuery} from 'groq'

export const reuseCandidatesQuery = defineQuery(`*[_type == "pressRelease" && !(_id in path("versions.**"))
  && count(reuse.hashes[@ in $hashes]) > 0] {
  _id,
  title,
  language,
  body,
  "shared": count(reuse.hashes[@ in $hashes])
} | order(shared desc, _id asc) [0...$limit]`)

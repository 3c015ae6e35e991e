import {defineQuery} from 'groq'

/** Other disclaimers of the same distributor in the same language: there may be only one. */
export const duplicateDisclaimersQuery = defineQuery(
  `count(*[_type == "disclaimer" && distributor._ref == $distributorRef && language == $language && !(_id in [$id, "drafts." + $id])])`,
)

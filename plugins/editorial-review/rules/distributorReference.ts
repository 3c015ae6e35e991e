/**
 * A distributor set on the document: the import (or an editor) has already said the
 * copy came over a wire, so it is third-party and blocks until a reviewer approves it.
 */
import {findingMessage} from './message'
import type {Rule} from './types'

export const distributorReferenceRule: Rule = {
  code: 'distributorReference',
  severity: 'blocker',
  marksThirdParty: true,
  detect(document, context) {
    const ref = document.distributor?._ref
    if (!ref) return []
    const name = context.distributors.find((distributor) => distributor._id === ref)?.name ?? ref
    return [
      {
        code: 'distributorReference',
        severity: 'blocker',
        ...findingMessage('finding.distributorReference', {distributor: name}),
        evidence: [{path: 'distributor', start: 0, end: ref.length, quote: ref}],
      },
    ]
  },
}

/**
 * Third-party copy with no disclaimer, neither the `disclaimer` reference nor a
 * distributor's disclaimer written in the body: publishing it would present
 * distributed copy as the newsroom's own.
 */
import {hasDisclaimerText} from './disclaimerText'
import {findingMessage} from './message'
import type {Rule} from './types'

export const missingDisclaimerRule: Rule = {
  code: 'missingDisclaimer',
  severity: 'blocker',
  onlyThirdParty: true,
  detect(document, context, text) {
    if (!context.thirdParty || document.disclaimer?._ref) return []
    // The newsroom's own copy (what is compared for reuse) has no disclaimer to choose:
    // crediting the source or a reviewer's approval is its way out (releaseReuse.ts).
    if (context.reuse && !document.distributor?._ref) return []
    if (hasDisclaimerText(context.distributors, text.body)) return []
    return [
      {
        code: 'missingDisclaimer',
        severity: 'blocker',
        ...findingMessage('finding.missingDisclaimer'),
        // An empty range on the field the editor has to fill.
        evidence: [{path: 'disclaimer', start: 0, end: 0, quote: ''}],
      },
    ]
  },
}

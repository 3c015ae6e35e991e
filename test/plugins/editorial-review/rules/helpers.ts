import {detect, type DetectContext, type Finding, type PressReleaseDocument} from '../../../../plugins/editorial-review/core'
import {detectContext} from '../fixtures'

/** Findings of one rule, with detection run the way the Studio runs it (all rules). */
export function findingsOf(code: string, document: PressReleaseDocument, context: DetectContext = detectContext()): Finding[] {
  return detect(document, context).filter((finding) => finding.code === code)
}

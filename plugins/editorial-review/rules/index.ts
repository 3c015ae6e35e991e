/**
 * The built-in rules table. A site extends or replaces it through the plugin options
 * (`{...DEFAULT_RULES, myRule}`); detection reports findings in severity order, then
 * in this table's order.
 */
import {agencyCopyRule} from './agencyCopy'
import {agencyCreditRule} from './agencyCredit'
import {boilerplateRule} from './boilerplate'
import {datelineTagRule} from './datelineTag'
import {disclaimerTextRule} from './disclaimerText'
import {distributorLinkRule} from './distributorLink'
import {distributorReferenceRule} from './distributorReference'
import {languageMismatchRule} from './languageMismatch'
import {missingDisclaimerRule} from './missingDisclaimer'
import {releaseReuseRule} from './releaseReuse'
import type {Rule, RuleCode} from './types'

export const DEFAULT_RULES: Record<RuleCode, Rule> = {
  distributorDatelineTag: datelineTagRule,
  distributorDisclaimer: disclaimerTextRule,
  distributorBoilerplate: boilerplateRule,
  agencyCopy: agencyCopyRule,
  agencyCredit: agencyCreditRule,
  distributorReference: distributorReferenceRule,
  missingDisclaimer: missingDisclaimerRule,
  distributorLink: distributorLinkRule,
  languageMismatch: languageMismatchRule,
  releaseReuse: releaseReuseRule,
}

export {
  agencyCopyRule,
  agencyCreditRule,
  boilerplateRule,
  datelineTagRule,
  disclaimerTextRule,
  distributorLinkRule,
  distributorReferenceRule,
  languageMismatchRule,
  missingDisclaimerRule,
}

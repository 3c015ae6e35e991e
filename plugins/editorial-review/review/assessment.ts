/**
 * What detection says about a document, in the form the dataset stores it
 * (`review.thirdParty`, `review.findings`): the import writes it, the local lake's guard
 * rewrites it on every write of a reviewed document, and a Studio on a hosted project
 * writes it on save, so lists and queries that read stored fields agree with the form.
 */
import canonicalize from 'canonicalize'
import {detect, isLastingThirdParty, toStoredFindings} from '../rules/detect'
import {DEFAULT_RULES} from '../rules/index'
import type {DetectContext, Finding, PressReleaseDocument, StoredFinding} from '../rules/types'
import type {EditorialReview} from './types'

export interface StoredAssessment {
  /** Sticky: once stored true it stays true; only detection (not a `revocable` rule) and a distributor set it. */
  thirdParty: boolean
  findings: StoredFinding[]
}

/** The assessment detection gives now; `findings` when the caller has already detected them. */
export function storedAssessment(
  document: PressReleaseDocument,
  context: DetectContext,
  findings: Finding[] = detect(document, context),
): StoredAssessment {
  const detected = Boolean(document.distributor?._ref) || isLastingThirdParty(findings, context.rules ?? DEFAULT_RULES)
  return {thirdParty: document.review?.thirdParty === true || detected, findings: toStoredFindings(findings)}
}

/** True when the stored fields already say what `assessment` says. */
export function storesAssessment(document: PressReleaseDocument, assessment: StoredAssessment): boolean {
  const review = document.review
  return review?.thirdParty === assessment.thirdParty && canonicalize(review.findings ?? []) === canonicalize(assessment.findings)
}

/** The document's review with the assessment stored in it; a document without one starts pending with no decisions. */
export function withAssessment(review: EditorialReview | undefined, assessment: StoredAssessment): EditorialReview {
  return {
    _type: 'editorialReview',
    status: 'pending',
    decisions: [],
    ...review,
    thirdParty: assessment.thirdParty,
    findings: assessment.findings,
  }
}

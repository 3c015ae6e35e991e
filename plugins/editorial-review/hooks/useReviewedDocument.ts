import {useMemo} from 'react'
import type {EditStateFor} from 'sanity'
import {localized, type PressReleaseDocument, type PublishVerdict} from '../core'
import {assessReview, type ReviewAssessment} from './assessReview'
import {useReviewConfig} from './ReviewConfigContext'
import {useDetectContext} from './useDetectContext'
import {useReuseDetectContext} from './useReuseSources'
import {useReviewUser} from './useReviewUser'

export interface ReviewedDocument extends ReviewAssessment {
  /** The version that would be published: a release version, else the draft, else the published document. */
  document: PressReleaseDocument | undefined
}

const CHECKING = localized('panel.checking')
/** Until the distributors have loaded, nothing can be said, so nothing may be published. */
const PENDING_VERDICT: PublishVerdict = {ok: false, reasons: [CHECKING.message], details: [CHECKING], thirdParty: false}

/** Everything actions and badges need about the document in front of the editor. */
export function useReviewedDocument(editState: Pick<EditStateFor, 'version' | 'draft' | 'published'>): ReviewedDocument {
  const {reviewerRoles} = useReviewConfig()
  const user = useReviewUser()
  const document = (editState.version ?? editState.draft ?? editState.published ?? undefined) as PressReleaseDocument | undefined
  // The gate judges only text the reuse check has seen: until then it says "checking".
  const context = useReuseDetectContext(document, useDetectContext(), {fresh: true})
  return useMemo(() => {
    if (!document || !context) return {document, findings: [], verdict: PENDING_VERDICT, badge: undefined}
    return {document, ...assessReview(document, context, user, reviewerRoles)}
  }, [document, context, user, reviewerRoles])
}

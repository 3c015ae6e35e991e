import {useMemo} from 'react'
import {usePerspective, type EditStateFor} from 'sanity'
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

/**
 * Which copy to judge: the one a publish would make public (actions), or the one the
 * pane displays (badge), which is the published document when the editor views the
 * published perspective, as the form and its review panel do.
 */
export type CopyOf = 'toPublish' | 'displayed'

/** Everything actions and badges need about the document in front of the editor. */
export function useReviewedDocument(
  editState: Pick<EditStateFor, 'version' | 'draft' | 'published'>,
  copy: CopyOf = 'toPublish',
): ReviewedDocument {
  const {reviewerRoles} = useReviewConfig()
  const user = useReviewUser()
  const {selectedPerspectiveName} = usePerspective()
  const viewsPublished = copy === 'displayed' && selectedPerspectiveName === 'published' && editState.published
  const document = (
    viewsPublished ? editState.published : (editState.version ?? editState.draft ?? editState.published ?? undefined)
  ) as PressReleaseDocument | undefined
  // The gate judges only text the reuse check has seen: until then it says "checking".
  const context = useReuseDetectContext(document, useDetectContext(), {fresh: true})
  return useMemo(() => {
    if (!document || !context) return {document, findings: [], verdict: PENDING_VERDICT, badge: undefined}
    return {document, ...assessReview(document, context, user, reviewerRoles)}
  }, [document, context, user, reviewerRoles])
}

import {useEffect, useMemo, useState} from 'react'
import {getPublishedId, useClient} from 'sanity'
import {API_VERSION} from '../constants'
import {approvedContentOf, firstRevisionWith, latestApproval, type PressReleaseDocument} from '../core'
import {studioHistory} from './studioHistory'

export type ApprovedContent =
  | {state: 'none'}
  | {state: 'loading'}
  | {state: 'ready'; document: PressReleaseDocument}
  /** No snapshot with the approval, and the History API no longer has the approving revision (past retention) or could not be read. */
  | {state: 'unavailable'}

// One object per state without data, so a memoised panel sees an unchanged value as unchanged.
const NONE: ApprovedContent = {state: 'none'}
const LOADING: ApprovedContent = {state: 'loading'}

/**
 * The content the latest approval judged, wanted when the approval is outdated: the
 * snapshot the server recorded with the approval (approvedSnapshot.ts), checked against
 * the approval's content hash. Approvals recorded before snapshots existed are looked up
 * in the History API at the revision that wrote them, once per approval.
 */
export function useApprovedContent(document: PressReleaseDocument | undefined, wanted: boolean): ApprovedContent {
  const client = useClient({apiVersion: API_VERSION})
  const snapshot = useMemo(() => (document && wanted ? approvedContentOf(document) : undefined), [document, wanted])
  const fromSnapshot = useMemo<ApprovedContent | undefined>(
    () => (snapshot ? {state: 'ready', document: snapshot} : undefined),
    [snapshot],
  )
  const approval = document && wanted && !snapshot ? latestApproval(document) : undefined
  const key = approval && document?._id ? `${getPublishedId(document._id)}#${approval._key}` : undefined
  const [loaded, setLoaded] = useState<{key: string; content: ApprovedContent}>()
  useEffect(() => {
    if (!key) return
    const [publishedId, decisionKey] = key.split('#') as [string, string]
    let current = true
    firstRevisionWith(studioHistory(client, 'editorial-review.diff'), publishedId, decisionKey).then(
      (found) =>
        current && setLoaded({key, content: found ? {state: 'ready', document: found.document} : {state: 'unavailable'}}),
      () => current && setLoaded({key, content: {state: 'unavailable'}}),
    )
    return () => {
      current = false
    }
  }, [client, key])
  if (fromSnapshot) return fromSnapshot
  if (!key) return NONE
  return loaded?.key === key ? loaded.content : LOADING
}

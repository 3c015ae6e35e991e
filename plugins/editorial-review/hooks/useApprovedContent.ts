import {useEffect, useState} from 'react'
import {getPublishedId, useClient} from 'sanity'
import {API_VERSION} from '../constants'
import {firstRevisionWith, latestApproval, type PressReleaseDocument} from '../core'
import {studioHistory} from './studioHistory'

export type ApprovedContent =
  | {state: 'none'}
  | {state: 'loading'}
  | {state: 'ready'; document: PressReleaseDocument}
  /** The History API no longer has the approving revision (past retention) or could not be read. */
  | {state: 'unavailable'}

/**
 * The content the latest approval judged, as the History API holds it at the revision
 * that wrote the approval (hosted Sanity and the local lake alike). Read only when
 * `wanted` (the approval is outdated), once per approval.
 */
export function useApprovedContent(document: PressReleaseDocument | undefined, wanted: boolean): ApprovedContent {
  const client = useClient({apiVersion: API_VERSION})
  const approval = document && wanted ? latestApproval(document) : undefined
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
  if (!key) return {state: 'none'}
  return loaded?.key === key ? loaded.content : {state: 'loading'}
}

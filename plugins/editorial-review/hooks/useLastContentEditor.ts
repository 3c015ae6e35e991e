import {useCallback} from 'react'
import {useClient} from 'sanity'
import {API_VERSION} from '../constants'
import {lastContentEditor} from '../core'
import {studioHistory} from './studioHistory'

/** Revisions the four-eyes rule looks back through; older edits are the importer's or long settled. */
const HISTORY_WINDOW = 50

/** Reads the document's transaction log and finds who last changed the judged content. */
export function useLastContentEditor(): (documentId: string) => Promise<string | undefined> {
  const client = useClient({apiVersion: API_VERSION})
  return useCallback(
    async (documentId) => {
      const history = studioHistory(client, 'editorial-review.four-eyes')
      const revisions = await history.transactions([documentId], {
        excludeContent: 'true',
        reverse: 'true',
        limit: String(HISTORY_WINDOW),
      })
      return lastContentEditor(revisions, (revision) => history.documentAt(documentId, revision))
    },
    [client],
  )
}

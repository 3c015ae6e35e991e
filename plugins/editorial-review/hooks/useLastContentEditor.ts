import {useCallback} from 'react'
import {useClient} from 'sanity'
import {API_VERSION} from '../constants'
import {lastContentEditor, type PressReleaseDocument, type Revision} from '../core'

/** Revisions the four-eyes rule looks back through; older edits are the importer's or long settled. */
const HISTORY_WINDOW = 50

/**
 * Reads the document's transaction log (as the Studio's own history does: NDJSON with
 * the session's token, or its cookie) and finds who last changed the judged content.
 */
export function useLastContentEditor(): (documentId: string) => Promise<string | undefined> {
  const client = useClient({apiVersion: API_VERSION})
  return useCallback(
    async (documentId) => {
      const {dataset, token} = client.config()
      const query = new URLSearchParams({
        excludeContent: 'true',
        reverse: 'true',
        limit: String(HISTORY_WINDOW),
        tag: 'editorial-review.four-eyes',
      })
      const response = await fetch(client.getUrl(`/data/history/${dataset}/transactions/${documentId}?${query}`), {
        headers: token ? {Authorization: `Bearer ${token}`} : {},
        credentials: token ? 'omit' : 'include',
      })
      if (!response.ok) throw new Error(`Reading the history of ${documentId} failed with HTTP ${response.status}.`)
      const revisions = (await response.text())
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Revision)
      return lastContentEditor(revisions, async (revision) => {
        const {documents} = await client.request<{documents: PressReleaseDocument[]}>({
          url: `/data/history/${dataset}/documents/${documentId}?revision=${revision}`,
          tag: 'editorial-review.four-eyes',
        })
        return documents[0]
      })
    },
    [client],
  )
}

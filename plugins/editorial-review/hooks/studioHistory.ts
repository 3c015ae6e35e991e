import type {SanityClient} from 'sanity'
import type {HistorySource, HistoryTransaction, PressReleaseDocument} from '../core'

/** Query options of `/data/history/:dataset/transactions/:ids`. */
export type TransactionQuery = Record<string, string>

export interface StudioHistory extends HistorySource {
  transactions(ids: string[], query?: TransactionQuery): Promise<HistoryTransaction[]>
}

/**
 * The History API as the Studio's own history reads it: NDJSON transactions with the
 * session's token (or its cookie), and documents as of a revision through the client.
 * Hosted Sanity and the local lake serve both; `tag` names the caller in request logs.
 */
export function studioHistory(client: SanityClient, tag: string): StudioHistory {
  const {dataset, token} = client.config()
  return {
    async transactions(ids, query = {}) {
      // Effects are never read here, and computing them is the costly part of the answer.
      const params = new URLSearchParams({excludeContent: 'true', ...query, tag})
      const path = ids.map(encodeURIComponent).join(',')
      const response = await fetch(client.getUrl(`/data/history/${dataset}/transactions/${path}?${params}`), {
        headers: token ? {Authorization: `Bearer ${token}`} : {},
        credentials: token ? 'omit' : 'include',
      })
      if (!response.ok) throw new Error(`Reading the history of ${ids.join(', ')} failed with HTTP ${response.status}.`)
      return (await response.text())
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as HistoryTransaction)
    },
    async documentAt(id, revision) {
      try {
        const {documents} = await client.request<{documents: PressReleaseDocument[]}>({
          url: `/data/history/${dataset}/documents/${encodeURIComponent(id)}?revision=${encodeURIComponent(revision)}`,
          tag,
        })
        return documents.find((document) => document._id === id)
      } catch (error) {
        // A revision the API does not know for this id: the document did not exist then.
        if ((error as {statusCode?: number}).statusCode === 404) return undefined
        throw error
      }
    },
  }
}

/**
 * The History API as the audit reads it, through the target's `@sanity/client`: a
 * document group's transactions (NDJSON) and a document as it was after one of them.
 * Both endpoints exist on hosted Sanity and on the local lake.
 */
import type {SanityClient} from '@sanity/client'
import type {PressReleaseDocument} from '../../plugins/editorial-review/core'

/** One line of `/data/history/:dataset/transactions/:ids`. */
export interface TransactionLine {
  /** Transaction id, which is also the `_rev` of every document it wrote. */
  id: string
  /** User id of the account that committed it. */
  author: string
  /** ISO commit time. */
  timestamp: string
  /** The documents it touched (hosted Sanity lists all of them, the lake only the requested ones). */
  documentIDs: string[]
  /** Present unless excluded; hosted Sanity squashes history past retention into `createSquashed`. */
  mutations?: Record<string, unknown>[]
}

export interface TransactionQuery {
  /** Newest first. */
  reverse?: boolean
  /** Up to and including this transaction. */
  toTransaction?: string
  limit?: number
  /** Leave the mutations out (smaller responses when only authors matter). */
  excludeMutations?: boolean
}

export interface HistoryReader {
  transactions(ids: string[], query?: TransactionQuery): Promise<TransactionLine[]>
  /** The document as it was after `revision`, or undefined when it did not exist then. */
  documentAt(id: string, revision: string): Promise<PressReleaseDocument | undefined>
}

const TAG = 'pressroom.audit'

function parseLines(body: unknown): TransactionLine[] {
  // Sanity answers NDJSON, which the client hands back as text; a single line may arrive parsed.
  if (typeof body !== 'string') return body ? [body as TransactionLine] : []
  return body
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const parsed = JSON.parse(line) as TransactionLine | {error: {description?: string; type?: string}}
      if ('error' in parsed) throw new Error(`History API: ${parsed.error.description ?? parsed.error.type ?? 'error'}`)
      return parsed
    })
}

export function historyReader(client: SanityClient): HistoryReader {
  const {dataset} = client.config()
  return {
    async transactions(ids, query = {}) {
      const params: Record<string, string> = {excludeContent: 'true'}
      if (query.reverse) params.reverse = 'true'
      if (query.toTransaction) params.toTransaction = query.toTransaction
      if (query.limit) params.limit = String(query.limit)
      if (query.excludeMutations) params.excludeMutations = 'true'
      const body = await client.request<unknown>({
        url: `/data/history/${dataset}/transactions/${ids.map(encodeURIComponent).join(',')}`,
        query: params,
        tag: TAG,
      })
      return parseLines(body)
    },
    async documentAt(id, revision) {
      try {
        const {documents} = await client.request<{documents: PressReleaseDocument[]}>({
          url: `/data/history/${dataset}/documents/${encodeURIComponent(id)}`,
          query: {revision},
          tag: TAG,
        })
        return documents.find((document) => document._id === id)
      } catch (error) {
        // A revision the API no longer knows for this id is a document that did not exist then.
        if ((error as {statusCode?: number}).statusCode === 404) return undefined
        throw error
      }
    },
  }
}

/** Whether a transaction is history squashed past the retention window (hosted Sanity). */
export function isSquashed(transaction: TransactionLine): boolean {
  return transaction.mutations?.some((mutation) => 'createSquashed' in mutation) ?? false
}

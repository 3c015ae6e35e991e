/**
 * `npm run audit -- --overdue --notify`: writes the overdue mark (review/overdueMark.ts) on
 * each overdue copy not yet marked for its due time, so the `overdue` webhook (`npm run
 * hooks`) tells the desk, on the local lake or a hosted project alike. Re-running marks
 * nothing new. The local lake checks each mark against its own clock; a copy a reviewer
 * decided on meanwhile is refused there (409) and reported, never retried.
 */
import type {SanityClient} from '@sanity/client'
import {appendToTrail, markOverdue, type ReviewPolicy, type ReviewUser} from '../../plugins/editorial-review/core'
import type {OverdueCopy} from './overdue'

export type MarkOutcome =
  | {id: string; outcome: 'marked'; at: string}
  | {id: string; outcome: 'alreadyMarked'; at: string}
  | {id: string; outcome: 'refused'; reason: string}

interface Me {
  id?: string
  name?: string
}

/** Who the token is: the mark names its writer, so a tokenless run cannot write one. */
export async function markingUser(client: SanityClient, local: boolean): Promise<ReviewUser> {
  const me = await client.request<Me>({uri: '/users/me'})
  if (!me?.id) {
    throw new Error(
      `--notify writes a mark on each overdue copy and needs a token that may write drafts in SANITY_API_TOKEN${local ? ' (lake-contributor-token on the local lake)' : ' (a Contributor token is enough)'}.`,
    )
  }
  return {id: me.id, name: me.name ?? me.id, roles: []}
}

const statusOf = (error: unknown) => (error as {statusCode?: number}).statusCode

export async function markOverdueCopies(options: {
  client: SanityClient
  copies: OverdueCopy[]
  policy: ReviewPolicy
  user: ReviewUser
  now: Date
}): Promise<MarkOutcome[]> {
  const {client, copies, policy, user, now} = options
  const outcomes: MarkOutcome[] = []
  for (const {release, document} of copies) {
    const {id} = release
    if (release.markedAt) {
      outcomes.push({id, outcome: 'alreadyMarked', at: release.markedAt})
      continue
    }
    const mark = markOverdue(document, {user, now}, policy)
    if (!mark.ok) {
      outcomes.push({id, outcome: 'refused', reason: mark.reason})
      continue
    }
    // Appended after the stored entries, on the revision judged: a write in between makes it a 409.
    const transaction = client.transaction()
    appendToTrail('assignments', mark.entry).forEach((operations, index) =>
      transaction.patch(id, index === 0 ? {...operations, ifRevisionID: document._rev} : operations),
    )
    try {
      await transaction.commit({visibility: 'sync'})
      outcomes.push({id, outcome: 'marked', at: mark.entry.at})
    } catch (error) {
      if (statusOf(error) !== 409) {
        const hint = statusOf(error) === 401 || statusOf(error) === 403 ? ' (the token needs write access to drafts)' : ''
        throw new Error(`marking ${id} overdue failed: ${(error as Error).message}${hint}`)
      }
      outcomes.push({id, outcome: 'refused', reason: (error as Error).message})
    }
  }
  return outcomes
}

const LINES: {[K in MarkOutcome['outcome']]: (outcome: Extract<MarkOutcome, {outcome: K}>) => string} = {
  marked: ({id}) => `  marked    ${id}`,
  alreadyMarked: ({id, at}) => `  unchanged ${id} (marked ${at})`,
  refused: ({id, reason}) => `  refused   ${id}: ${reason}`,
}

export function marksReport(outcomes: MarkOutcome[]): string {
  if (outcomes.length === 0) return 'Nothing to mark overdue.'
  const marked = outcomes.filter(({outcome}) => outcome === 'marked').length
  return [
    'Overdue marks (the `overdue` webhook notifies on each new one):',
    ...outcomes.map((outcome) => (LINES[outcome.outcome] as (o: MarkOutcome) => string)(outcome)),
    `${marked} marked.`,
  ].join('\n')
}

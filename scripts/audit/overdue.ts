/**
 * `npm run audit -- --overdue`: flagged copy waiting for review past its due time (the review
 * policy's `reviewWithinHours`), for cron. Reads drafts and published copies page by page; a
 * release with a draft is judged by its draft, the copy reviewers work on.
 */
import type {SanityClient} from '@sanity/client'
import {overdue, overdueMarkOf, type PressReleaseDocument, type ReviewPolicy} from '../../plugins/editorial-review/core'
import {waitingForReviewQuery} from '../../queries/audit'
import {auditedDocumentFrom} from './documents'

export interface OverdueRelease {
  /** The copy judged: the draft when there is one. */
  id: string
  title: string | null
  distributor: string | null
  waitingSince: string
  dueAt: string
  /** When the overdue mark for this due time was written (`--notify`), or null. */
  markedAt: string | null
}

/** An overdue copy as the scan read it, which `--notify` marks. */
export interface OverdueCopy {
  release: OverdueRelease
  document: PressReleaseDocument & {_id: string; _rev: string}
}

export interface OverdueResult {
  asOf: string
  reviewWithinHours: number
  overdue: OverdueRelease[]
}

const publishedIdOf = (id: string) => id.replace(/^drafts\./, '')

export interface OverdueScan {
  result: OverdueResult
  copies: OverdueCopy[]
}

export async function findOverdue(options: {
  client: SanityClient
  policy: ReviewPolicy
  now: Date
  pageSize: number
}): Promise<OverdueScan> {
  const {client, policy, now, pageSize} = options
  const found = new Map<string, OverdueCopy>()
  // Published ids that have a draft: only the draft speaks for them.
  const drafted = new Set<string>()
  let after = ''
  for (;;) {
    const page = await client.fetch(waitingForReviewQuery, {types: policy.types, after, pageSize}, {perspective: 'raw'})
    for (const row of page) {
      const document = {
        ...auditedDocumentFrom(row),
        _createdAt: row._createdAt,
        ...(row.importedAt ? {source: {importedAt: row.importedAt}} : {}),
      }
      const key = publishedIdOf(row._id)
      const isDraft = row._id !== key
      if (isDraft) {
        drafted.add(key)
        found.delete(key)
      } else if (drafted.has(key)) continue
      const late = overdue(document, policy, now)
      if (late)
        found.set(key, {
          release: {
            id: row._id,
            title: row.title,
            distributor: row.distributorName,
            waitingSince: late.waitingSince.toISOString(),
            dueAt: late.dueAt.toISOString(),
            markedAt: overdueMarkOf(document)?.at ?? null,
          },
          document: {...document, _rev: row._rev},
        })
    }
    if (page.length < pageSize) break
    after = page[page.length - 1]!._id
  }
  const copies = [...found.values()].sort(
    (a, b) => a.release.dueAt.localeCompare(b.release.dueAt) || a.release.id.localeCompare(b.release.id),
  )
  return {
    result: {asOf: now.toISOString(), reviewWithinHours: policy.reviewWithinHours, overdue: copies.map(({release}) => release)},
    copies,
  }
}

function lateBy(dueAt: string, now: string): string {
  const minutes = Math.floor((Date.parse(now) - Date.parse(dueAt)) / 60_000)
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`
}

export function overdueJson(result: OverdueResult, target: string) {
  return {ok: result.overdue.length === 0, target, ...result}
}

export function overdueReport(result: OverdueResult, target: string): string {
  const lines = result.overdue.map(
    (release) =>
      `  ${release.id}  ${JSON.stringify(release.title ?? 'Untitled')} (${release.distributor ?? 'unknown distributor'}): due ${release.dueAt}, ${lateBy(release.dueAt, result.asOf)} late`,
  )
  const head = `Overdue for review on ${target} as of ${result.asOf} (due ${result.reviewWithinHours} h after it starts waiting):`
  return result.overdue.length === 0
    ? `No flagged copy is overdue for review on ${target} as of ${result.asOf}.`
    : [head, ...lines, `${result.overdue.length} overdue.`].join('\n')
}

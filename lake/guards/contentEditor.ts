/**
 * The four-eyes rule, read from the lake's own history: who last changed the judged
 * content of a document. A revision that leaves the content as it was (a decision, a
 * new slug) does not count, and content copied from a sibling (publishing a draft, a
 * draft made from the published copy, a release version) is traced back to whoever
 * wrote it there, so publishing or opening a draft never makes someone the author.
 */
import {contentHash, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {draftIdOf, publishedIdOf} from '../store/ids'
import type {GuardContext, SanityDocument} from '../store/types'

type History = Pick<GuardContext, 'historyOf' | 'groupOf'>

const hashOf = (document: SanityDocument | null) => (document ? contentHash(document as PressReleaseDocument) : undefined)

/** A document as it was just before commit `seq`; null when it did not exist then. */
function stateBefore(history: History, id: string, seq: number): SanityDocument | null {
  return history.historyOf(id).findLast((entry) => entry.seq < seq)?.after ?? null
}

/**
 * Every id of the document's group, itself included: the published id, the draft (even
 * once deleted, since its history stays) and the release versions that exist now.
 */
export function groupIds(history: Pick<GuardContext, 'groupOf'>, id: string): string[] {
  const published = publishedIdOf(id)
  return [...new Set([id, published, draftIdOf(published), ...history.groupOf(id)])]
}

/**
 * The user id of whoever last changed the judged content of `id`, looking at commits
 * before `beforeSeq`; undefined when the lake holds no revision of it. A compaction
 * keeps each document's content author with its snapshot (`contentAuthor`), so the
 * answer survives a restart.
 */
export function lastContentEditor(history: History, id: string, beforeSeq = Number.POSITIVE_INFINITY): string | undefined {
  const entries = history.historyOf(id).filter((entry) => entry.seq < beforeSeq)
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]!
    const hash = hashOf(entry.after)
    if (hash === hashOf(entry.before)) continue
    if (hash === undefined) return entry.author
    const source = groupIds(history, id).find(
      (sibling) => sibling !== id && hashOf(stateBefore(history, sibling, entry.seq)) === hash,
    )
    const author = entry.contentAuthor ?? entry.author
    return source ? (lastContentEditor(history, source, entry.seq) ?? author) : author
  }
  return entries[0]?.contentAuthor ?? entries[0]?.author
}

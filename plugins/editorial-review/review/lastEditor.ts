/**
 * Who last changed what a reviewer judges, for the four-eyes rule. Transactions that
 * touch only the review (a decision) or leave the content as it was do not count, so a
 * reviewer who requested changes may still approve the editor's revision.
 */
import type {PressReleaseDocument} from '../rules/types'
import {contentHash} from './contentHash'

export interface Revision {
  /** Transaction id, which is also the document's `_rev` after it. */
  id: string
  /** User id of the transaction's author. */
  author: string
}

/**
 * The author of the newest revision whose content differs from the revision before it.
 * `revisions` are newest first; `documentAt` reads the document as it was after one.
 * When the window holds no change, its oldest author counts: the content was theirs.
 */
export async function lastContentEditor(
  revisions: Revision[],
  documentAt: (revisionId: string) => Promise<PressReleaseDocument | undefined>,
): Promise<string | undefined> {
  let newer: {author: string; hash: string | undefined} | undefined
  for (const revision of revisions) {
    const document = await documentAt(revision.id)
    const hash = document ? contentHash(document) : undefined
    if (newer && hash !== newer.hash) return newer.author
    newer = {author: revision.author, hash}
  }
  return newer?.author
}

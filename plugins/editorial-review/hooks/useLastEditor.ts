import {useEffect, useState} from 'react'
import type {PressReleaseDocument} from '../core'
import {useLastContentEditor} from './useLastContentEditor'

export interface LastEditor {
  /** Who last changed the judged content, when the history names someone. */
  id?: string
  /** True until the history for the current revision has been read. */
  checking: boolean
}

/** Reads in flight or done, per document revision: the panel and each menu action ask about the same one. */
const reads = new Map<string, Promise<string | undefined>>()
const READS_KEPT = 50

function readOnce(key: string, read: () => Promise<string | undefined>): Promise<string | undefined> {
  let pending = reads.get(key)
  if (!pending) {
    pending = read()
    reads.set(key, pending)
    // A failed read is tried again next time; the oldest entries make room.
    pending.catch(() => reads.delete(key))
    if (reads.size > READS_KEPT) reads.delete(reads.keys().next().value!)
  }
  return pending
}

/**
 * Who last changed the document's content, read again whenever a new revision is saved,
 * so the four-eyes rule is shown before the reviewer types anything. `enabled` false
 * (no four-eyes rule, nothing to approve) reads nothing.
 */
export function useLastEditor(document: PressReleaseDocument | undefined, enabled: boolean): LastEditor {
  const lastContentEditorOf = useLastContentEditor()
  const id = document?._id
  const revision = (document as {_rev?: string} | undefined)?._rev
  const [state, setState] = useState<{key: string; id?: string}>()
  const key = `${id}@${revision}`
  useEffect(() => {
    if (!enabled || !id) return
    let current = true
    readOnce(key, () => lastContentEditorOf(id)).then(
      (editor) => current && setState({key, id: editor}),
      // Unreadable history blocks nothing here; the confirm reads it again and the lake checks it.
      () => current && setState({key}),
    )
    return () => {
      current = false
    }
  }, [enabled, id, key, lastContentEditorOf])
  if (!enabled) return {checking: false}
  return state?.key === key ? {id: state.id, checking: false} : {checking: true}
}

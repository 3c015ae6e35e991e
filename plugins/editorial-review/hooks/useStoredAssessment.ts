import {useEffect, useMemo, useRef} from 'react'
import {set, setIfMissing, type FormPatch, type PatchEvent} from 'sanity'
import {contentHash, storedAssessment, type DetectContext, type Finding, type PressReleaseDocument} from '../core'

/** Long enough for a local lake to store the assessment itself first (then nothing is written twice). */
const SETTLE_MS = 2_500

/**
 * Stores what detection says in the document being edited, as the import does, so the
 * review queue and list previews (which read stored fields) list it: on a hosted project
 * nothing of ours runs server-side, so the Studio writes it once an edit settles; on the
 * local lake the guard stores it on every write, and this finds nothing left to do.
 * Only raises: it sets the third-party flag and stores findings where none were ever stored, never clears
 * either, so it cannot fight a server that knows more. Nothing is written for a document
 * merely opened, only after its content changed in this form.
 */
export function useStoredAssessment(
  document: PressReleaseDocument | undefined,
  findings: Finding[] | undefined,
  context: DetectContext | undefined,
  onChange: (patch: FormPatch | FormPatch[] | PatchEvent) => void,
): void {
  const openedWith = useRef<string | undefined>(undefined)
  // Hashing canonicalizes the whole body: once per document value, not on every render of the form.
  const hash = useMemo(() => (document ? contentHash(document) : undefined), [document])
  if (openedWith.current === undefined) openedWith.current = hash
  useEffect(() => {
    if (!document || !findings || !context || hash === openedWith.current) return undefined
    const timer = setTimeout(() => {
      const assessment = storedAssessment(document, context, findings)
      const raise = assessment.thirdParty && document.review?.thirdParty !== true
      const fill = document.review?.findings === undefined
      if (!raise && !fill) return
      onChange([
        setIfMissing({_type: 'editorialReview', status: 'pending', decisions: []}, ['review']),
        ...(raise ? [set(true, ['review', 'thirdParty'])] : []),
        ...(fill ? [set(assessment.findings, ['review', 'findings'])] : []),
      ])
    }, SETTLE_MS)
    return () => clearTimeout(timer)
  }, [document, findings, context, hash, onChange])
}

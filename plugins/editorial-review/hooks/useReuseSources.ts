import {useEffect, useMemo, useState} from 'react'
import {useClient} from 'sanity'
import {API_VERSION} from '../constants'
import {withReuseSources, type DetectContext, type PressReleaseDocument, type ReuseSource} from '../core'
import {fetchReuseSources, REUSE_SOURCE_TYPE} from '../reuseCandidates'
import {useReviewConfig} from './ReviewConfigContext'

/** The check runs once the editor pauses typing this long. */
export const REUSE_DEBOUNCE_MS = 400

interface Checked {
  body: PressReleaseDocument['body']
  sources: readonly ReuseSource[]
}

/**
 * The detection context with the candidate releases for this document, fetched by the
 * candidate query once the editor pauses typing. With `fresh`, undefined until the sources
 * match the body as it is now (the publish gate must not judge text it has not checked);
 * without, the last sources stay while new ones load (the panel does not flicker).
 */
export function useReuseDetectContext(
  document: PressReleaseDocument | undefined,
  context: DetectContext | undefined,
  {fresh}: {fresh: boolean},
): DetectContext | undefined {
  const policy = useReviewConfig()
  const client = useClient({apiVersion: API_VERSION})
  const [checked, setChecked] = useState<Checked>()
  const skip = !document || document._type === REUSE_SOURCE_TYPE
  const body = document?.body
  useEffect(() => {
    if (skip || !context) return undefined
    let cancelled = false
    const timer = setTimeout(() => {
      const done = (sources: readonly ReuseSource[]) => !cancelled && setChecked({body, sources})
      // A failed lookup leaves the check undone, so the gate stays shut rather than judging unchecked text.
      void fetchReuseSources(client, {body}, context.distributors).then(done, () => undefined)
    }, REUSE_DEBOUNCE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [skip, body, context, client])
  return useMemo(() => {
    if (!context || skip) return context
    if (!checked || (fresh && checked.body !== body)) return undefined
    return withReuseSources(context, policy, checked.sources)
  }, [context, skip, checked, fresh, body, policy])
}

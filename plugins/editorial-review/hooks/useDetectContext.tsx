import {createContext, useContext, useEffect, useMemo, useState, type ReactNode} from 'react'
import {useClient, useDocumentStore} from 'sanity'
import {distributorsForImportQuery} from '../../../queries/import'
import type {DistributorsForImportQueryResult} from '../../../sanity.types'
import {API_VERSION} from '../constants'
import {detectContextFor, type DetectContext} from '../core'
import {useReviewConfig} from './ReviewConfigContext'

const DetectContextContext = createContext<DetectContext | undefined>(undefined)

/**
 * What detection needs besides the document: the distributors with their markers, kept
 * live, so a marker an editor adds in the Studio takes effect in open documents at once.
 * One subscription for the whole Studio, not one per action, badge and form.
 */
export function DetectContextProvider({children}: {children: ReactNode}) {
  const policy = useReviewConfig()
  const documentStore = useDocumentStore()
  const client = useClient({apiVersion: API_VERSION})
  const [distributors, setDistributors] = useState<DistributorsForImportQueryResult>()
  useEffect(() => {
    // The live query answers only once its listener is connected, which can take seconds on
    // a busy Studio start; a plain fetch answers first, so the review panel shows at once.
    let live = false
    const controller = new AbortController()
    client
      .fetch(
        distributorsForImportQuery,
        {},
        {perspective: 'published', signal: controller.signal, tag: 'editorial-review.distributors'},
      )
      .then((result) => live || setDistributors(result))
      .catch(() => undefined)
    const subscription = documentStore.listenQuery(distributorsForImportQuery, {}, {perspective: 'published'}).subscribe({
      next: (result: DistributorsForImportQueryResult) => {
        live = true
        setDistributors(result)
      },
      error: () => setDistributors((known) => known ?? []),
    })
    return () => {
      controller.abort()
      subscription.unsubscribe()
    }
  }, [documentStore, client])
  const context = useMemo(() => (distributors ? detectContextFor(policy, distributors) : undefined), [distributors, policy])
  return <DetectContextContext.Provider value={context}>{children}</DetectContextContext.Provider>
}

/** The detection context; undefined until the distributors have loaded. */
export function useDetectContext(): DetectContext | undefined {
  return useContext(DetectContextContext)
}

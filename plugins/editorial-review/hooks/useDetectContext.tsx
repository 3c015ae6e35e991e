import {createContext, useContext, useEffect, useMemo, useState, type ReactNode} from 'react'
import {useDocumentStore} from 'sanity'
import {distributorsForImportQuery} from '../../../queries/import'
import type {DistributorsForImportQueryResult} from '../../../sanity.types'
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
  const [distributors, setDistributors] = useState<DistributorsForImportQueryResult>()
  useEffect(() => {
    const subscription = documentStore
      .listenQuery(distributorsForImportQuery, {}, {perspective: 'published'})
      .subscribe({next: (result: DistributorsForImportQueryResult) => setDistributors(result), error: () => setDistributors([])})
    return () => subscription.unsubscribe()
  }, [documentStore])
  const context = useMemo(() => (distributors ? detectContextFor(policy, distributors) : undefined), [distributors, policy])
  return <DetectContextContext.Provider value={context}>{children}</DetectContextContext.Provider>
}

/** The detection context; undefined until the distributors have loaded. */
export function useDetectContext(): DetectContext | undefined {
  return useContext(DetectContextContext)
}

import {useEffect, useMemo, useState} from 'react'
import {useDocumentStore} from 'sanity'
import {distributorsForImportQuery} from '../../../queries/import'
import type {DetectContext, DistributorDoc} from '../core'
import {useReviewConfig} from './ReviewConfigContext'

/**
 * What detection needs besides the document: the distributors with their markers, kept
 * live, so a marker an editor adds in the Studio takes effect in open documents at once.
 */
export function useDetectContext(): DetectContext | undefined {
  const {agencies, rules} = useReviewConfig()
  const documentStore = useDocumentStore()
  const [distributors, setDistributors] = useState<DistributorDoc[]>()
  useEffect(() => {
    const subscription = documentStore
      .listenQuery(distributorsForImportQuery, {}, {perspective: 'published'})
      .subscribe({next: (result) => setDistributors(result as DistributorDoc[]), error: () => setDistributors([])})
    return () => subscription.unsubscribe()
  }, [documentStore])
  return useMemo(() => (distributors ? {distributors, agencies, rules} : undefined), [distributors, agencies, rules])
}

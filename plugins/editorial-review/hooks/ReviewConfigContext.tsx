import {createContext, useContext, type ReactNode} from 'react'
import {DEFAULT_CONFIG} from '../constants'
import type {ResolvedReviewConfig} from '../types'

const ReviewConfigContext = createContext<ResolvedReviewConfig>(DEFAULT_CONFIG)

/** Makes the plugin's options available to actions, badges and inputs rendered anywhere in the Studio. */
export function ReviewConfigProvider({config, children}: {config: ResolvedReviewConfig; children: ReactNode}) {
  return <ReviewConfigContext.Provider value={config}>{children}</ReviewConfigContext.Provider>
}

export function useReviewConfig(): ResolvedReviewConfig {
  return useContext(ReviewConfigContext)
}

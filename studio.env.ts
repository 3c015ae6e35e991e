/**
 * The Studio's target, from `SANITY_STUDIO_*` variables baked in at build time. With no
 * project id set, the Studio talks to the local lake; only then may a browser override
 * the lake's address at run time (tests start lakes on random ports), so a hosted
 * Studio can never be pointed elsewhere from localStorage.
 */
import {LOCAL_LAKE} from './config/target'

/** localStorage key a local-mode Studio reads its lake address from. */
export const API_HOST_OVERRIDE_KEY = 'pressroom:apiHost'

const configuredProjectId = process.env.SANITY_STUDIO_PROJECT_ID?.trim()
const local = !configuredProjectId

function runtimeApiHostOverride(): string | undefined {
  if (!local || typeof window === 'undefined') return undefined
  try {
    const value = window.localStorage.getItem(API_HOST_OVERRIDE_KEY)
    return value && /^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(value) ? value : undefined
  } catch {
    return undefined
  }
}

export const studioEnv = {
  projectId: configuredProjectId || LOCAL_LAKE.projectId,
  dataset: process.env.SANITY_STUDIO_DATASET?.trim() || LOCAL_LAKE.dataset,
  apiHost:
    runtimeApiHostOverride() ??
    (process.env.SANITY_STUDIO_API_HOST?.trim() || (local ? `http://localhost:${LOCAL_LAKE.port}` : undefined)),
  local,
}

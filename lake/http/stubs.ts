/**
 * Endpoints for hosted-only features (upsells, announcements, scheduling, user
 * applications, feature flags). The Studio polls them; an empty but well-formed answer
 * keeps it quiet, where a 404 would surface as console errors or toasts.
 */
import {sendJson, type Handler} from './context'

export function constant(body: unknown): Handler {
  return (ctx) => sendJson(ctx, 200, body)
}

export const stubs: Record<string, unknown> = {
  /** Feature flags: content releases (the lake serves them); none of the other hosted add-ons. */
  features: ['contentReleases'],
  announcements: [],
  /** Upsell cards: `null` means "no upsell" to the Studio. */
  journey: null,
  schedules: {schedules: []},
  /**
   * Content release quotas, read before "New release": no organisation limit (null) and a
   * dataset limit no newsroom reaches. A null dataset limit would read as "limit reached"
   * to the Studio (`count >= null`), which would show the upsell instead of the dialog.
   */
  releaseLimits: {data: {datasetReleaseLimit: 100_000, orgActiveReleaseLimit: null, orgMeteredActiveReleaseCount: 0}},
  userApplications: [],
  ping: {ok: true},
  /** Telemetry consent: denied, so the Studio sends nothing. */
  telemetry: {status: 'denied'},
  /** Navbar help menu and version check: nothing to announce offline. */
  help: {resources: []},
  /**
   * The project's plan, read by the Releases tool once a release is published or archived: its
   * `retention` feature says for how many days history is kept. The lake keeps history until a
   * compaction, not for a number of days, so it names none and the Studio states no removal date.
   */
  projectSubscriptions: {
    id: 'lake-local',
    status: 'active',
    plan: {id: 'lake-local', name: 'Local Content Lake'},
    resources: {},
    featureTypes: {retention: {features: [{attributes: {maxRetentionDays: null}}]}},
  },
  /** Schema descriptor upload: the lake keeps no schema, so every sync is already complete. */
  schemaSync: {type: 'complete'},
}

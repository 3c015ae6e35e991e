/** The review webhooks `npm run hooks` registers, from the review policy and the command's options. */
import {filterOf, reviewEvents, type DecisionTimes} from './events'
import {slackProjection} from './slack'
import type {WantedHook} from './sync'

/** Every review webhook's name starts with this, so they are easy to find in sanity.io/manage. */
export const HOOK_NAME_PREFIX = 'Pressroom review: '
/** Delta GROQ needs at least this; pinned so a definition means the same on every target. */
export const HOOK_GROQ_VERSION = 'v2021-03-25'

export interface HookOptions {
  /** Where deliveries go: a Slack incoming-webhook URL or any HTTP endpoint. */
  url: string
  /** Dataset to watch. */
  dataset: string
  /** Reviewed document types, from the review policy. */
  types: string[]
  /** Studio base URL for the links in messages. */
  studioUrl: string
  /** Signs deliveries (`sanity-webhook-signature`) when set; Slack ignores it. */
  secret: string | null
  /** `commit` on the local lake, which stamps decisions with the commit time; `client` on hosted Sanity. */
  decisionTimes: DecisionTimes
  /** The review policy's time to review, which the overdue event checks the mark against. */
  reviewWithinHours: number
}

export function reviewHooks(options: HookOptions): WantedHook[] {
  return reviewEvents(options.decisionTimes, options.reviewWithinHours).map((event) => ({
    name: `${HOOK_NAME_PREFIX}${event.key}`,
    description: `${event.headline}: a message for each flagged release that reaches this state (npm run hooks).`,
    url: options.url,
    dataset: options.dataset,
    rule: {on: event.on, filter: filterOf(event, options.types), projection: slackProjection(event, options.studioUrl)},
    apiVersion: HOOK_GROQ_VERSION,
    httpMethod: 'POST',
    headers: {},
    includeDrafts: true,
    secret: options.secret,
  }))
}

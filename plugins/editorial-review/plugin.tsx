import {definePlugin, type DocumentActionComponent} from 'sanity'
import {ApproveAction} from './actions/ApproveAction'
import {gatedPublishAction} from './actions/GatedPublishAction'
import {RejectAction} from './actions/RejectAction'
import {ReopenAction} from './actions/ReopenAction'
import {RequestChangesAction} from './actions/RequestChangesAction'
import {ReviewBadge} from './badges/ReviewBadge'
import {ReviewFormInput} from './components/ReviewFormInput'
import {DEFAULT_CONFIG} from './constants'
import {ReviewConfigProvider} from './hooks/ReviewConfigContext'
import {DetectContextProvider} from './hooks/useDetectContext'
import {reviewLocaleBundles} from './i18n'
import {reviewSchemaTypes} from './schema'
import type {EditorialReviewConfig, ResolvedReviewConfig} from './types'

/** Built-in actions that make copy public; each is wrapped by the gate. */
const PUBLISHING_ACTIONS = new Set(['publish', 'schedule'])

const DECISION_ACTIONS: DocumentActionComponent[] = [ApproveAction, RequestChangesAction, RejectAction, ReopenAction]

function resolveConfig(options: EditorialReviewConfig | void): ResolvedReviewConfig {
  const config = {...DEFAULT_CONFIG, ...(options ?? {}), rules: {...DEFAULT_CONFIG.rules, ...(options?.rules ?? {})}}
  if (!Array.isArray(config.types) || config.types.length === 0 || config.types.some((type) => typeof type !== 'string' || !type)) {
    throw new Error('[editorial-review] `types` must name at least one document type to review, e.g. ["pressRelease"].')
  }
  if (!Array.isArray(config.reviewerRoles) || config.reviewerRoles.length === 0) {
    throw new Error('[editorial-review] `reviewerRoles` must name at least one role that may decide, e.g. ["administrator", "editor"].')
  }
  for (const [code, rule] of Object.entries(config.rules)) {
    if (typeof rule?.detect !== 'function') throw new Error(`[editorial-review] rule "${code}" needs a detect(document, context, text) function.`)
  }
  return config
}

/**
 * Flags third-party copy for editorial review: findings with their passages above the
 * form, a review badge, role-gated decisions with an audit trail, and a publish gate
 * that stays shut until the current content is approved.
 */
export const editorialReview = definePlugin<EditorialReviewConfig | void>((options) => {
  const config = resolveConfig(options)
  const owns = (schemaType: string) => config.types.includes(schemaType)
  return {
    name: 'editorial-review',
    schema: {types: reviewSchemaTypes},
    i18n: {bundles: reviewLocaleBundles},
    studio: {
      components: {
        layout: (props) => (
          <ReviewConfigProvider config={config}>
            <DetectContextProvider>{props.renderDefault(props)}</DetectContextProvider>
          </ReviewConfigProvider>
        ),
      },
    },
    form: {components: {input: ReviewFormInput}},
    document: {
      actions: (prev, context) => {
        if (!owns(context.schemaType)) return prev
        const gated = prev.map((action) => (action.action && PUBLISHING_ACTIONS.has(action.action) ? gatedPublishAction(action) : action))
        return [...gated, ...DECISION_ACTIONS]
      },
      badges: (prev, context) => (owns(context.schemaType) ? [...prev, ReviewBadge] : prev),
    },
  }
})

import {definePlugin, type DocumentActionComponent} from 'sanity'
import {ApproveAction} from './actions/ApproveAction'
import {gatedPublishAction} from './actions/GatedPublishAction'
import {RejectAction} from './actions/RejectAction'
import {ReopenAction} from './actions/ReopenAction'
import {RequestChangesAction} from './actions/RequestChangesAction'
import {ReviewBadge} from './badges/ReviewBadge'
import {PreviewLocaleScope} from './components/PreviewLocaleScope'
import {ReviewFormInput} from './components/ReviewFormInput'
import {resolvePolicy} from './core'
import {ReviewConfigProvider} from './hooks/ReviewConfigContext'
import {DetectContextProvider} from './hooks/useDetectContext'
import {reviewLocaleBundles} from './i18n'
import {reviewSchemaTypes} from './schema'
import type {EditorialReviewConfig, ResolvedReviewConfig} from './types'

/** Built-in actions that make copy public; each is wrapped by the gate. */
const PUBLISHING_ACTIONS = new Set(['publish', 'schedule'])

const DECISION_ACTIONS: DocumentActionComponent[] = [ApproveAction, RequestChangesAction, RejectAction, ReopenAction]

function resolveConfig(options: EditorialReviewConfig | void): ResolvedReviewConfig {
  return resolvePolicy(options ?? {})
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
          <PreviewLocaleScope>
            <ReviewConfigProvider config={config}>
              <DetectContextProvider>{props.renderDefault(props)}</DetectContextProvider>
            </ReviewConfigProvider>
          </PreviewLocaleScope>
        ),
      },
    },
    form: {components: {input: ReviewFormInput}},
    document: {
      actions: (prev, context) => {
        if (!owns(context.schemaType)) return prev
        const gated = prev.map((action) =>
          action.action && PUBLISHING_ACTIONS.has(action.action) ? gatedPublishAction(action) : action,
        )
        return [...gated, ...DECISION_ACTIONS]
      },
      badges: (prev, context) => (owns(context.schemaType) ? [...prev, ReviewBadge] : prev),
    },
  }
})

import {definePlugin} from 'sanity'
import {DEFAULT_CONFIG} from './constants'
import {reviewSchemaTypes} from './schema'
import type {EditorialReviewConfig} from './types'

export const editorialReview = definePlugin<EditorialReviewConfig | void>((options) => {
  const config = {...DEFAULT_CONFIG, ...(options ?? {})}
  if (!Array.isArray(config.types) || config.types.length === 0) {
    throw new Error('[editorial-review] `types` must name at least one document type to review.')
  }
  if (!Array.isArray(config.reviewerRoles) || config.reviewerRoles.length === 0) {
    throw new Error('[editorial-review] `reviewerRoles` must name at least one role that may decide.')
  }
  return {
    name: 'editorial-review',
    schema: {types: reviewSchemaTypes},
  }
})

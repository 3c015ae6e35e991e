export {editorialReview} from './plugin'
export type {EditorialReviewConfig, ReviewStatus} from './types'
export {DEFAULT_CONFIG, API_VERSION} from './constants'

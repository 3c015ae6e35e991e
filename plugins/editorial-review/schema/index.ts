import {editorialReview} from './editorialReview'
import {reviewDecision} from './reviewDecision'
import {reviewEvidence} from './reviewEvidence'
import {reviewFinding} from './reviewFinding'

export const reviewSchemaTypes = [editorialReview, reviewDecision, reviewFinding, reviewEvidence]

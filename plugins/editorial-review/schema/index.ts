import {editorialReview} from './editorialReview'
import {reviewAssignee} from './reviewAssignee'
import {reviewAssignment} from './reviewAssignment'
import {reviewDecision} from './reviewDecision'
import {reviewEvidence} from './reviewEvidence'
import {reviewFinding} from './reviewFinding'

export const reviewSchemaTypes = [
  editorialReview,
  reviewDecision,
  reviewFinding,
  reviewEvidence,
  reviewAssignment,
  reviewAssignee,
]

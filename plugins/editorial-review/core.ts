/**
 * The pure API of the editorial review: detection rules and the review model. No
 * Studio, React or Node imports, so the Studio plugin, the import, the local lake
 * and the audit command all run exactly this code.
 */
export {detect, isThirdParty, isLastingThirdParty, blockers, toStoredFindings} from './rules/detect'
export {DEFAULT_RULES} from './rules/index'
export {WIRE_DATELINE_FORMS} from './rules/datelineTag'
export {readDateline} from './rules/dateline'
export type {DatelineMatch} from './rules/dateline'
export {compiledTemplate, matchTemplate} from './rules/template'
export type {CompiledTemplate} from './rules/template'
export {documentText, evidenceIn, itemSegment, bodyPlainText} from './rules/text'
export type {DocumentText, TextUnit, TextSegment, TextScope} from './rules/text'
export {escapeRegExp, literalPattern, matchUnits} from './rules/match'
export type {UnitMatch} from './rules/match'
export {compiledMarkers, distributorMarkers, distributorName} from './rules/markers'
export type {CompiledMarkers, CompiledBoilerplate} from './rules/markers'
export {sha256Hex, shortKey} from './rules/hash'
export {FINDING_TYPE, EVIDENCE_TYPE} from './rules/types'
export {
  detectLanguage,
  primarySubtag,
  bcp47FromIso6393,
  clearLanguageCache,
  DEFAULT_MIN_WORDS,
  DEFAULT_SAMPLE_LENGTH,
} from './rules/language'
export type {LanguageDetectionOptions} from './rules/language'
export type {
  BodyItem,
  DetectContext,
  DistributorDoc,
  Evidence,
  Finding,
  FindingCode,
  MarkDefLike,
  PressReleaseDocument,
  Reference,
  Rule,
  RuleCode,
  RuleContext,
  ReuseContext,
  Severity,
  SpanLike,
  StoredEvidence,
  StoredFinding,
  WireAgency,
} from './rules/types'

export {formatMessage, localized} from './i18n/format'
export type {LocalizedMessage, MessageParams, ParamsOf} from './i18n/format'
export {enUS, deDE} from './i18n/resources'
export type {ReviewResourceKey} from './i18n/resources'
export type {FindingMessageKey} from './rules/message'

export {contentHash, judgedContent} from './review/contentHash'
export {storedAssessment, storesAssessment, withAssessment} from './review/assessment'
export type {StoredAssessment} from './review/assessment'
export {TRANSITIONS, transition, allowedEvents, effectiveStatus} from './review/state'
export {decide, decisionPatches, decisionRefusal, noteRequirement} from './review/decide'
export {appendToTrail} from './review/trail'
export type {DecisionInput, DecideOptions, DecideResult} from './review/decide'
export {canPublish, reviewBadge} from './review/canPublish'
export {lastContentEditor} from './review/lastEditor'
export type {Revision} from './review/lastEditor'
export type {CanPublishOptions, PublishVerdict} from './review/canPublish'
export {DEFAULT_REVIEWER_ROLES, isReviewer} from './review/roles'
export {
  resolvePolicy,
  detectContextFor,
  distributorFrom,
  withReuseSources,
  DEFAULT_REVIEW_WITHIN_HOURS,
  DEFAULT_REUSE_THRESHOLD,
} from './review/policy'
export {dueOverride, dueSince, dueTime, overdue, waitingSince} from './review/due'
export {markOverdue, overdueMarkOf} from './review/overdueMark'
export type {OverdueMarkInput, OverdueMarkResult} from './review/overdueMark'
export {ASSIGNMENT_ACTIONS, assign, assignmentRefusal} from './review/assign'
export type {AssignmentInput, AssignOptions, AssignResult} from './review/assign'
export type {Overdue} from './review/due'
export type {ReviewPolicy, ReviewPolicyInput, ReusePolicy} from './review/policy'
export {
  releaseFingerprint,
  bodyReuseText,
  fingerprintOf,
  distributorsSignature,
  FINGERPRINT_VERSION,
} from './rules/reuse/fingerprint'
export type {ReuseFingerprint} from './rules/reuse/fingerprint'
export {reuseReport, articleHashes, credits} from './rules/reuse/coverage'
export type {ReuseReport, ReuseSource, SourceReuse, ReusePassage, PassageSide, SourceCredit} from './rules/reuse/coverage'
export {ReuseIndex, rankCandidates, sharedCount, DEFAULT_CANDIDATE_LIMIT} from './rules/reuse/candidates'
export type {Candidate} from './rules/reuse/candidates'
export {RELEASE_REUSE_NOTED, reportFor} from './rules/releaseReuse'
export type {
  Assignee,
  AssignmentAction,
  AssignmentEntry,
  AssignmentTrailAction,
  Decision,
  EditorialReview,
  EffectiveStatus,
  JudgedFinding,
  ReviewAction,
  ReviewBadge,
  ReviewEvent,
  ReviewStatus,
  ReviewUser,
} from './review/types'
export {diffSinceApproval, diffBody, plainDiff, plainParts} from './review/diff'
export type {DiffField, FieldChange, MarkChange, ParagraphChange, TextPart} from './review/diff'
export {firstRevisionWith, latestApproval} from './review/approvedRevision'
export {approvedContentOf, approvedSnapshot} from './review/approvedSnapshot'
export type {DecisionRevision, HistorySource, HistoryTransaction} from './review/approvedRevision'

/**
 * The editorial review, enforced where documents are written. One guard, built from the
 * newsroom's review policy (config/reviewPolicy.ts), runs before every commit:
 * 1. a reviewed document keeps its `_type` (no copy enters or leaves review by a type switch);
 * 2. its review state changes only by a verified decision (reviewState.ts), who has it
 *    and when it is due only by a verified assignment entry (assignment.ts), and when it
 *    arrived, which its due time counts from, not at all (arrival.ts);
 * 3. nothing third-party goes public without an approval of exactly its content
 *    (publicationGate.ts); a restore's approvals are checked as records (restoredApproval.ts);
 * 4. what detection says (`review.thirdParty`, `review.findings`) is stored with every write,
 *    so the review queue and list previews, which read stored fields, agree with the form.
 * An administrator's restore may pass `allowUnreviewed`, which skips 3 and is recorded
 * with the transaction.
 */
import {
  detectContextFor,
  effectiveStatus,
  storedAssessment,
  storesAssessment,
  withAssessment,
  type DetectContext,
  type PressReleaseDocument,
  type ReviewPolicy,
} from '../../plugins/editorial-review/core'
import type {Change, CommitGuard, GuardContext, GuardVerdict, LakeUser, Refusal, SanityDocument} from '../store/types'
import {publishedDistributors} from './distributors'
import {publicationRefusal, publishes} from './publicationGate'
import {restoredApprovalRefusal} from './restoredApproval'
import {lastContentEditor} from './contentEditor'
import {arrivalRefusal} from './arrival'
import {checkAssignment} from './assignment'
import {checkReviewState} from './reviewState'
import {withStoreReuse} from './reuse'
import {ReleaseReuseIndex} from './reuseIndex'

export interface EditorialReviewGuardOptions {
  /** The newsroom's review policy: the same object the Studio, the import and the audit read. */
  policy: ReviewPolicy
  /** The lake's users, to check a restored approval's reviewer. */
  users: readonly LakeUser[]
}

/**
 * The change with detection's verdict stored in the document, as the import stores it,
 * and an approval of other content stepped back by the state machine's `contentChanged`
 * event: the stored status then says what the form shows, so the queue's lanes agree.
 */
function assessed(change: Change, detection: (document: SanityDocument) => DetectContext): Change {
  const after = change.after as PressReleaseDocument | null
  if (!after) return change
  const assessment = storedAssessment(after, detection(change.after!))
  const {status, stale} = effectiveStatus(after)
  if (storesAssessment(after, assessment) && !stale) return change
  const review = withAssessment(after.review, assessment)
  return {...change, after: {...change.after!, review: stale ? {...review, status} : review}}
}

/**
 * The verified assignment fields on the change as the decision check left it: a decision
 * is recorded on top of the review it judged, which carries the assignment from before.
 */
function withAssignment(change: Change, assigned: Change): Change {
  const review = (assigned.after as PressReleaseDocument | null)?.review
  const target = change.after as PressReleaseDocument | null
  if (!target?.review || !review) return change
  const {assignee: _stale, ...rest} = target.review
  const merged = {...rest, ...(review.assignee ? {assignee: review.assignee} : {}), assignments: review.assignments}
  if (!review.assignments) delete merged.assignments
  return {...change, after: {...change.after!, review: merged}}
}

function typeSwitchRefusal({id, before, after}: Change, types: readonly string[]): string | undefined {
  if (!before || !after || before._type === after._type) return undefined
  if (!types.includes(before._type) && !types.includes(after._type)) return undefined
  return `${id}: its _type cannot change from "${before._type}" to "${after._type}", because "${types.find((type) => type === before._type || type === after._type)}" copy is reviewed. Create a new document of that type instead.`
}

export function editorialReviewGuard({policy, users}: EditorialReviewGuardOptions): CommitGuard {
  const reviewed = (change: Change) => change.after !== null && policy.types.includes(change.after._type)
  // Warmed with the distributors a commit's detection context reads, so their signatures agree.
  const releases = new ReleaseReuseIndex((reader) => detectContextFor(policy, publishedDistributors(reader)).distributors)
  return {
    attach: (store) => releases.attach(store),
    afterCommit: (dataset, changes) => releases.changed(dataset, changes),
    contentAuthor(id, history) {
      const current = history.historyOf(id).at(-1)?.after
      return current && policy.types.includes(current._type) ? lastContentEditor(history, id) : undefined
    },
    beforeCommit(changes: Change[], user: LakeUser, context: GuardContext): GuardVerdict {
      let detection: DetectContext | undefined
      const detectionContext = () => (detection ??= detectContextFor(policy, publishedDistributors(context, changes)))
      // The newsroom's own copy is also checked for reuse of the releases in the store, once per document.
      const reuseContexts = new Map<SanityDocument, DetectContext>()
      const withReuse = (document: SanityDocument) => {
        let found = reuseContexts.get(document)
        if (!found) reuseContexts.set(document, (found = withStoreReuse(detectionContext(), document, context, policy, releases)))
        return found
      }
      const restore = context.kind === 'import'
      const refusals: Refusal[] = []
      const committed: Change[] = []
      for (const change of changes) {
        const refused =
          typeSwitchRefusal(change, policy.types) ?? (reviewed(change) && !restore ? arrivalRefusal(change, context) : undefined)
        if (refused) refusals.push({id: change.id, reason: refused})
        // A restore brings the review state as it was recorded; its approvals are checked below.
        else if (!reviewed(change) || restore) committed.push(change)
        else {
          const assigned = checkAssignment(change, {policy, user, users, context})
          const outcome = assigned.ok
            ? checkReviewState(assigned.change, {policy, user, context, detection: detectionContext})
            : assigned
          if (outcome.ok && assigned.ok) committed.push(withAssignment(outcome.change, assigned.change))
          else if (!outcome.ok) refusals.push({id: change.id, reason: outcome.reason})
        }
      }
      if (!(restore && context.allowUnreviewed)) {
        for (const change of committed) {
          const restoredRefusal =
            restore && reviewed(change) ? restoredApprovalRefusal(change.after!, policy, users, context.timestamp) : undefined
          const reason =
            restoredRefusal ??
            (publishes(change, policy.types)
              ? publicationRefusal(change.after, withReuse(change.after!), policy.reviewerRoles)
              : undefined)
          if (reason) refusals.push({id: change.id, reason})
        }
      }
      if (refusals.length > 0) return {ok: false, reasons: refusals.map(({reason}) => reason), refusals}
      // Stored after the gate judged the copy as written, so its refusals keep saying what the writer did.
      return {
        ok: true,
        changes: committed.map((change) => (reviewed(change) && !restore ? assessed(change, withReuse) : change)),
      }
    },
  }
}

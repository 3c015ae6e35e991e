/** The audit's classification of single published documents and its verification of their approvals, with the rules module's own decide(). */
import {describe, expect, it} from 'vitest'
import {
  contentHash,
  decide,
  DEFAULT_REVIEWER_ROLES,
  type PressReleaseDocument,
  type ReviewAction,
} from '../../plugins/editorial-review/core'
import {approvalOnRecord, classify, verifyApproval, type ApprovalEvidence} from '../../scripts/audit/classify'

const REVIEWER = {id: 'rev', name: 'Reviewer', roles: ['editor']}

const base: PressReleaseDocument & {_id: string} = {
  _id: 'pressRelease.a',
  _type: 'pressRelease',
  title: 'A release',
  slug: {_type: 'slug', current: 'a-release'},
  language: 'en',
  body: [
    {_type: 'block', _key: 'b', style: 'normal', markDefs: [], children: [{_type: 'span', _key: 's', text: 'Text.', marks: []}]},
  ],
  distributor: {_type: 'reference', _ref: 'distributor.wire'},
  review: {_type: 'editorialReview', status: 'pending', thirdParty: true},
}

function decided(document: typeof base, ...steps: [ReviewAction, string?][]): typeof base {
  let current = document
  steps.forEach(([action, note], index) => {
    const result = decide(
      current,
      {action, user: REVIEWER, note, findings: [], now: `2026-01-0${index + 1}T00:00:00.000Z`},
      {reviewerRoles: DEFAULT_REVIEWER_ROLES},
    )
    if (!result.ok) throw new Error(result.reason)
    current = {...current, review: result.review}
  })
  return current
}

describe('classify', () => {
  it('passes own copy and third-party copy with a current approval', () => {
    expect(classify({...base, distributor: undefined, review: undefined})).toBeUndefined()
    expect(classify(decided(base, ['approve']))).toBeUndefined()
  })

  it('names each kind of missing approval', () => {
    const kinds = {
      neverApproved: base,
      approvalOutdated: {...decided(base, ['approve']), title: 'Changed after approval'},
      approvalWithdrawn: decided(base, ['approve'], ['reopen']),
      changesRequested: decided(base, ['requestChanges', 'Fix the dateline.']),
      rejected: decided(base, ['reject', 'No licence.']),
    }
    for (const [kind, document] of Object.entries(kinds)) {
      expect(classify(document)?.problem, kind).toBe(kind)
    }
  })

  it('reports the hashes, the last decision and the gate’s reasons for a stale approval', () => {
    const approved = decided(base, ['approve'])
    const edited = {...approved, title: 'Changed after approval'}
    expect(classify(edited)).toEqual({
      id: 'pressRelease.a',
      title: 'Changed after approval',
      slug: 'a-release',
      problem: 'approvalOutdated',
      summary: 'Approval outdated: the published content changed after it was approved.',
      advice: expect.stringContaining('have a reviewer approve the current version'),
      status: 'approved',
      thirdPartyBy: 'review',
      approvedHash: contentHash(approved),
      currentHash: contentHash(edited),
      lastDecision: {
        action: 'approve',
        status: 'approved',
        userId: 'rev',
        userName: 'Reviewer',
        at: '2026-01-01T00:00:00.000Z',
        note: null,
      },
      reasons: [expect.stringContaining('The approval is outdated')],
    })
  })
})

describe('verifyApproval', () => {
  const approved = decided(base, ['approve'])
  const decision = approved.review!.decisions!.at(-1)!
  const policy = {reviewerRoles: DEFAULT_REVIEWER_ROLES, fourEyes: true}
  const evidence: ApprovalEvidence = {
    written: {
      transactionId: 'tx1',
      author: 'rev',
      timestamp: '2026-01-01T00:00:10.000Z',
      documentId: 'drafts.pressRelease.a',
      squashed: false,
      document: approved,
      decision,
    },
    lastContentEditor: 'writer',
    approverRoles: ['editor'],
  }
  const kinds = (changed: Partial<ApprovalEvidence>, written: Partial<NonNullable<ApprovalEvidence['written']>> = {}) =>
    verifyApproval(
      approved,
      {decision},
      {...evidence, ...changed, written: {...evidence.written!, ...written}},
      policy,
    ).problems.map(({problem}) => problem)

  it('finds the approval to verify, or says it is missing', () => {
    expect(approvalOnRecord(base)).toBeUndefined()
    expect(approvalOnRecord(approved)).toEqual({decision})
    const bare = {...base, review: {...base.review!, status: 'approved' as const, contentHash: contentHash(base)}}
    expect(approvalOnRecord(bare)).toBe('missing')
    expect(verifyApproval(bare, 'missing', undefined, policy).problems.map(({problem}) => problem)).toEqual([
      'approvalNotRecorded',
    ])
  })

  it('passes an approval the history backs', () => {
    expect(verifyApproval(approved, {decision}, evidence, policy)).toEqual({problems: []})
  })

  it('names each check that fails', () => {
    expect(kinds({}, {author: 'someone-else'})).toEqual(['forgedApproval'])
    expect(kinds({approverRoles: ['contributor']})).toEqual(['approverNotReviewer'])
    expect(kinds({approverRoles: []})).toEqual(['approverNotReviewer'])
    expect(kinds({lastContentEditor: 'rev'})).toEqual(['fourEyesViolated'])
    expect(kinds({}, {document: {...approved, title: 'Other content'}})).toEqual(['approvalHashMismatch'])
    expect(kinds({}, {decision: {...decision, contentHash: 'sha256:other'}})).toEqual(['approvalHashMismatch'])
    expect(kinds({}, {timestamp: '2025-12-31T23:54:59.000Z'})).toEqual(['approvalPostdated'])
    expect(kinds({}, {timestamp: '2025-12-31T23:55:01.000Z'})).toEqual([])
    expect(
      verifyApproval(approved, {decision}, {approverRoles: ['editor']}, policy).problems.map(({problem}) => problem),
    ).toEqual(['approvalNotRecorded'])
  })

  it('leaves the four-eyes rule to the policy', () => {
    const evidenceBySelf = {...evidence, lastContentEditor: 'rev'}
    expect(verifyApproval(approved, {decision}, evidenceBySelf, {...policy, fourEyes: false}).problems).toEqual([])
  })

  it('lists an approval squashed past the retention window as unverified, not as a problem', () => {
    const verdict = verifyApproval(
      approved,
      {decision},
      {...evidence, written: {...evidence.written!, squashed: true, author: 'x'}},
      policy,
    )
    expect(verdict.problems).toEqual([])
    expect(verdict.unverified).toMatchObject({id: 'pressRelease.a', reason: expect.stringContaining('retention window')})
  })
})

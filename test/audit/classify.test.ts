/** The audit's classification of single published documents, with the rules module's own decide(). */
import {describe, expect, it} from 'vitest'
import {
  contentHash,
  decide,
  DEFAULT_REVIEWER_ROLES,
  type PressReleaseDocument,
  type ReviewAction,
} from '../../plugins/editorial-review/core'
import {classify} from '../../scripts/audit/classify'

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

import {describe, expect, it} from 'vitest'
import {
  contentHash,
  decide,
  detect,
  effectiveStatus,
  type DecideOptions,
  type DecisionInput,
  type PressReleaseDocument,
  type ReviewAction,
  type ReviewStatus,
  type ReviewUser,
  toStoredFindings,
} from '../../../../plugins/editorial-review/core'
import {detectContext, seedDocument} from '../fixtures'

const reviewer: ReviewUser = {id: 'u-rev', name: 'Rita Reviewer', roles: ['editor']}
const secondReviewer: ReviewUser = {id: 'u-rev2', name: 'Ole Other', roles: ['administrator']}
const contributor: ReviewUser = {id: 'u-con', name: 'Cora Contributor', roles: ['contributor']}
const options: DecideOptions = {reviewerRoles: ['administrator', 'editor']}
const NOW = '2026-11-24T05:00:00.000Z'

function withStatus(status: ReviewStatus, document = seedDocument()): PressReleaseDocument {
  return {
    ...document,
    review: {_type: 'editorialReview', status, thirdParty: true, contentHash: contentHash(document), decisions: []},
  }
}

function input(action: ReviewAction, fields: Partial<DecisionInput> = {}): DecisionInput {
  const document = seedDocument()
  return {action, user: reviewer, now: NOW, findings: detect(document, detectContext()), ...fields}
}

describe('decide', () => {
  it('approving pending copy records who, when, the hash and the judged findings', () => {
    const document = seedDocument()
    const result = decide(document, input('approve', {note: '  Lizenz für AP liegt vor.  '}), options)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.decision).toEqual({
      _key: expect.stringMatching(/^[0-9a-f]{12}$/),
      _type: 'reviewDecision',
      action: 'approve',
      status: 'approved',
      userId: 'u-rev',
      userName: 'Rita Reviewer',
      at: NOW,
      note: 'Lizenz für AP liegt vor.',
      contentHash: contentHash(document),
      findings: toStoredFindings(detect(document, detectContext())).map(({_key, _type, code, severity, message}) => ({
        _key,
        _type,
        code,
        severity,
        message,
      })),
    })
    expect(result.review).toMatchObject({
      _type: 'editorialReview',
      status: 'approved',
      thirdParty: true,
      contentHash: contentHash(document),
    })
    expect(result.review.decisions).toEqual([result.decision])
    expect(result.review.findings?.map((finding) => finding.code)).toEqual(
      result.decision.findings.map((finding) => finding.code),
    )
    expect(document.review?.status).toBe('pending')
    expect(effectiveStatus({...document, review: result.review})).toEqual({status: 'approved', stale: false})
  })

  it('appends to the audit trail, never rewriting it', () => {
    const first = decide(seedDocument(), input('requestChanges', {note: 'Boilerplate prüfen.'}), options)
    if (!first.ok) throw new Error(first.reason)
    const second = decide(
      {...seedDocument(), review: first.review},
      input('approve', {user: secondReviewer, now: '2026-11-24T06:00:00Z'}),
      options,
    )
    if (!second.ok) throw new Error(second.reason)
    expect(second.review.decisions?.map((decision) => [decision.action, decision.status, decision.userId])).toEqual([
      ['requestChanges', 'changesRequested', 'u-rev'],
      ['approve', 'approved', 'u-rev2'],
    ])
    expect(second.review.decisions?.[0]).toEqual(first.decision)
    expect(second.decision._key).not.toBe(first.decision._key)
  })

  it.each<[string, PressReleaseDocument, DecisionInput, DecideOptions, ReviewStatus | string]>([
    ['pending → approve', withStatus('pending'), input('approve'), options, 'approved'],
    [
      'pending → requestChanges with a note',
      withStatus('pending'),
      input('requestChanges', {note: 'Quelle klären.'}),
      options,
      'changesRequested',
    ],
    ['pending → reject with a note', withStatus('pending'), input('reject', {note: 'Keine Lizenz.'}), options, 'rejected'],
    ['changesRequested → approve', withStatus('changesRequested'), input('approve'), options, 'approved'],
    ['rejected → reopen', withStatus('rejected'), input('reopen'), options, 'pending'],
    ['approved → reopen', withStatus('approved'), input('reopen'), options, 'pending'],
    [
      'approved → approve is refused',
      withStatus('approved'),
      input('approve'),
      options,
      'You cannot approve copy that is approved.',
    ],
    [
      'rejected → approve is refused',
      withStatus('rejected'),
      input('approve'),
      options,
      'You cannot approve copy that is rejected.',
    ],
    [
      'requestChanges without a note',
      withStatus('pending'),
      input('requestChanges'),
      options,
      'Add a note saying which changes are needed.',
    ],
    [
      'reject with a blank note',
      withStatus('pending'),
      input('reject', {note: '   '}),
      options,
      'Add a note saying why the copy is rejected.',
    ],
    [
      'a user without a reviewer role',
      withStatus('pending'),
      input('approve', {user: contributor}),
      options,
      'Only reviewers (administrator, editor) can decide on third-party copy; ask one to review it.',
    ],
    [
      'four eyes: the last editor approving',
      withStatus('pending'),
      input('approve'),
      {...options, fourEyes: true, lastEditorId: 'u-rev'},
      'You edited this copy last, and the four-eyes rule applies: another reviewer must approve it.',
    ],
    [
      'four eyes: another reviewer approving',
      withStatus('pending'),
      input('approve', {user: secondReviewer}),
      {...options, fourEyes: true, lastEditorId: 'u-rev'},
      'approved',
    ],
    [
      'four eyes: the last editor may still request changes',
      withStatus('pending'),
      input('requestChanges', {note: 'Bitte kürzen.'}),
      {...options, fourEyes: true, lastEditorId: 'u-rev'},
      'changesRequested',
    ],
    [
      'four eyes off: the last editor approving',
      withStatus('pending'),
      input('approve'),
      {...options, lastEditorId: 'u-rev'},
      'approved',
    ],
    ['four eyes with no known editor', withStatus('pending'), input('approve'), {...options, fourEyes: true}, 'approved'],
    [
      'a reviewer served without a sign-in',
      withStatus('pending'),
      {...input('approve'), user: {id: 'u-rev', name: 'Reviewer', roles: ['editor'], anonymous: true}},
      options,
      'A review decision needs a signed-in reviewer: sign in as yourself to decide.',
    ],
    [
      'an invalid time',
      withStatus('pending'),
      input('approve', {now: 'yesterday'}),
      options,
      'The decision time is not a valid date.',
    ],
  ])('%s', (_case, document, decisionInput, decideOptions, expected) => {
    const result = decide(document, decisionInput, decideOptions)
    if (result.ok) expect(result.review.status).toBe(expected)
    else expect(result.reason).toBe(expected)
  })

  it('a stale approval is pending again: it can be approved anew, for the new hash', () => {
    const approved = decide(seedDocument(), input('approve'), options)
    if (!approved.ok) throw new Error(approved.reason)
    const edited = structuredClone({...seedDocument(), review: approved.review})
    edited.title = 'Geänderter Titel'
    expect(effectiveStatus(edited)).toEqual({status: 'pending', stale: true})
    const again = decide(edited, input('approve', {user: secondReviewer}), options)
    expect(again.ok && again.review.contentHash).toBe(contentHash(edited))
    expect(again.ok && again.review.contentHash).not.toBe(approved.review.contentHash)
  })

  it('defaults the time to now', () => {
    const before = Date.now()
    const result = decide(seedDocument(), input('approve', {now: undefined}), options)
    expect(result.ok && Date.parse(result.decision.at)).toBeGreaterThanOrEqual(before)
  })
})

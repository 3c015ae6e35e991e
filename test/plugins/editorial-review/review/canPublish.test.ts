import {describe, expect, it} from 'vitest'
import {
  canPublish,
  contentHash,
  decide,
  detect,
  reviewBadge,
  type PressReleaseDocument,
  type ReviewUser,
} from '../../../../plugins/editorial-review/core'
import {block, detectContext, plainArticle, release, seedDocument} from '../fixtures'

const reviewer: ReviewUser = {id: 'u-rev', name: 'Rita Reviewer', roles: ['editor']}
const contributor: ReviewUser = {id: 'u-con', name: 'Cora Contributor', roles: ['contributor']}
const options = {reviewerRoles: ['editor']}

function decided(
  document: PressReleaseDocument,
  action: 'approve' | 'requestChanges' | 'reject',
  note?: string,
): PressReleaseDocument {
  const result = decide(
    document,
    {action, user: reviewer, note, now: '2026-11-24T05:00:00Z', findings: detect(document, detectContext())},
    options,
  )
  if (!result.ok) throw new Error(result.reason)
  return {...document, review: result.review}
}

describe('canPublish', () => {
  it('the newsroom’s own copy passes, with or without live detection', () => {
    expect(canPublish(plainArticle())).toEqual({ok: true, reasons: [], details: [], thirdParty: false})
    expect(canPublish(plainArticle(), {context: detectContext()})).toEqual({
      ok: true,
      reasons: [],
      details: [],
      thirdParty: false,
    })
  })

  it('pending third-party copy is held, with reasons saying what to do', () => {
    const verdict = canPublish(seedDocument(), {user: contributor, context: detectContext()})
    expect(verdict.ok).toBe(false)
    expect(verdict.reasons).toEqual([
      'Third-party copy must be approved before it is published: ask a reviewer to approve it.',
      "This distributed copy credits Associated Press (AP): a rights question. Confirm the newsroom's licence for AP copy before approving.",
    ])
  })

  it('tells a reviewer to approve it themselves', () => {
    expect(canPublish(seedDocument(), {user: reviewer, reviewerRoles: ['editor']}).reasons[0]).toBe(
      'Third-party copy must be approved before it is published: review it and approve it.',
    )
  })

  it('approved third-party copy passes while the content is unchanged', () => {
    const approved = decided(seedDocument(), 'approve')
    expect(canPublish(approved, {context: detectContext()})).toEqual({ok: true, reasons: [], details: [], thirdParty: true})
    expect(canPublish({...approved, _rev: 'other', _updatedAt: '2030-01-01T00:00:00Z'})).toMatchObject({ok: true})
  })

  it('an edit after approval holds it again: the approval is outdated', () => {
    const edited = structuredClone(decided(seedDocument(), 'approve'))
    edited.body![3]!.children![0]!.text += ' Nachtrag.'
    const verdict = canPublish(edited)
    expect(verdict.ok).toBe(false)
    expect(verdict.reasons[0]).toMatch(/^The approval is outdated: the content changed after it was approved\./)
  })

  it('changes requested and rejected copy is held, quoting the reviewer’s note', () => {
    expect(canPublish(decided(seedDocument(), 'requestChanges', 'Boilerplate entfernen.')).reasons).toEqual([
      'A reviewer requested changes: make them and ask for a new review. Their note: “Boilerplate entfernen.”',
    ])
    expect(canPublish(decided(seedDocument(), 'reject', 'Keine AP-Lizenz.')).reasons).toEqual([
      'A reviewer rejected this copy: it cannot be published unless a reviewer reopens it. Their note: “Keine AP-Lizenz.”',
    ])
  })

  it('live detection catches third-party copy the stored review does not flag', () => {
    const document = release([block('b0', 'NEW YORK, March 5, 2024 /PRNewswire/ -- Acme Corp. announced a merger.')])
    expect(canPublish(document)).toMatchObject({ok: true, thirdParty: false})
    const verdict = canPublish(document, {context: detectContext()})
    expect(verdict.ok).toBe(false)
    expect(verdict.reasons).toContain(
      "Third-party copy needs a disclaimer: choose the distributor's disclaimer in the Disclaimer field before publishing.",
    )
  })

  it('the stored flag holds copy even without a detection context', () => {
    expect(canPublish(seedDocument()).ok).toBe(false)
  })

  it('an approval with no recorded hash does not count', () => {
    const document = seedDocument()
    expect(canPublish({...document, review: {_type: 'editorialReview', status: 'approved', thirdParty: true}}).ok).toBe(false)
    expect(
      canPublish({
        ...document,
        review: {_type: 'editorialReview', status: 'approved', thirdParty: true, contentHash: contentHash(document)},
      }).ok,
    ).toBe(true)
  })
})

describe('reviewBadge', () => {
  it.each<[string, () => PressReleaseDocument, ReturnType<typeof reviewBadge>]>([
    ['own copy', plainArticle, undefined],
    ['pending third-party copy', seedDocument, 'needsReview'],
    ['approved', () => decided(seedDocument(), 'approve'), 'approved'],
    [
      'approved, then edited',
      () => {
        const edited = structuredClone(decided(seedDocument(), 'approve'))
        edited.title = 'Neu'
        return edited
      },
      'approvalOutdated',
    ],
    ['changes requested', () => decided(seedDocument(), 'requestChanges', 'Kürzen.'), 'changesRequested'],
    ['rejected', () => decided(seedDocument(), 'reject', 'Nein.'), 'rejected'],
  ])('%s → %s', (_case, build, badge) => {
    expect(reviewBadge(build())).toBe(badge)
  })

  it('uses live detection when given a context', () => {
    const document = release([block('b0', '(SeaPRwire) – Text.')])
    expect(reviewBadge(document)).toBeUndefined()
    expect(reviewBadge(document, detectContext())).toBe('needsReview')
  })
})

describe('findings detected once', () => {
  it('gives the same verdict and badge from findings the caller already has', () => {
    const document = seedDocument()
    const findings = detect(document, detectContext())
    expect(canPublish(document, {context: detectContext(), findings})).toEqual(canPublish(document, {context: detectContext()}))
    expect(reviewBadge(document, detectContext(), findings)).toBe(reviewBadge(document, detectContext()))
  })

  it('uses the given findings instead of detecting again', () => {
    const thirdPartyFindings = detect(seedDocument(), detectContext())
    expect(canPublish(plainArticle(), {context: detectContext(), findings: thirdPartyFindings}).ok).toBe(false)
    expect(reviewBadge(plainArticle(), detectContext(), thirdPartyFindings)).toBe('needsReview')
  })
})

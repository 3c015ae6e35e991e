import {describe, expect, it} from 'vitest'
import {decisionAvailability} from '../../../../plugins/editorial-review/actions/availability'
import {
  canPublish,
  contentHash,
  decide,
  type PressReleaseDocument,
  type ReviewAction,
  type ReviewUser,
} from '../../../../plugins/editorial-review/core'
import {detectContext, plainArticle, seedDocument} from '../fixtures'

const REVIEWER_ROLES = ['administrator', 'editor']
const editor: ReviewUser = {id: 'ed', name: 'Editor', roles: ['editor']}
const contributor: ReviewUser = {id: 'co', name: 'Contributor', roles: ['contributor']}
/** Served without a sign-in (the local lake's tokenless default): an administrator nobody in particular is. */
const anonymous: ReviewUser = {id: 'local-admin', name: 'Local Administrator', roles: ['administrator'], anonymous: true}

function decided(document: PressReleaseDocument, action: ReviewAction, note?: string): PressReleaseDocument {
  const result = decide(document, {action, user: editor, note, findings: []}, {reviewerRoles: REVIEWER_ROLES})
  if (!result.ok) throw new Error(result.reason)
  return {...document, review: result.review}
}

const availability = (
  document: PressReleaseDocument | undefined,
  action: ReviewAction,
  user: ReviewUser | undefined,
  thirdParty = true,
) => decisionAvailability({document, thirdParty, action, user, reviewerRoles: REVIEWER_ROLES}).kind

describe('decision actions', () => {
  const pending = seedDocument()
  const approved = decided(pending, 'approve')
  const edited = {...approved, title: `${approved.title}!`}
  const rejected = decided(pending, 'reject', 'Keine Rechte an AP-Texten')

  it.each([
    ['pending third-party copy, reviewer', pending, 'approve', editor, 'enabled'],
    ['pending third-party copy, contributor', pending, 'approve', contributor, 'disabled'],
    ['pending third-party copy, signed out', pending, 'approve', anonymous, 'disabled'],
    ['pending, request changes', pending, 'requestChanges', editor, 'enabled'],
    ['pending, reopen is pointless', pending, 'reopen', editor, 'hidden'],
    ['approved, approving again is pointless', approved, 'approve', editor, 'hidden'],
    ['approved, reject', approved, 'reject', editor, 'enabled'],
    ['approval outdated by an edit, approve again', edited, 'approve', editor, 'enabled'],
    ['rejected, approve is not allowed', rejected, 'approve', editor, 'hidden'],
    ['rejected, reopen', rejected, 'reopen', editor, 'enabled'],
    ['rejected, reopen by a contributor', rejected, 'reopen', contributor, 'disabled'],
    ['not loaded yet', undefined, 'approve', editor, 'hidden'],
  ] as const)('%s → %s', (_name, document, action, user, expected) => {
    expect(availability(document, action, user)).toBe(expected)
  })

  it('says before anything is typed that the last editor cannot approve under the four-eyes rule', () => {
    const base = {document: edited, thirdParty: true, user: editor, reviewerRoles: REVIEWER_ROLES, fourEyes: true}
    expect(decisionAvailability({...base, action: 'approve', lastEditorId: editor.id})).toEqual({
      kind: 'disabled',
      reason: expect.objectContaining({key: 'refusal.fourEyes'}),
    })
    // Another reviewer's edit, or only the import's: the approval is open.
    expect(decisionAvailability({...base, action: 'approve', lastEditorId: 'someone-else'}).kind).toBe('enabled')
    expect(decisionAvailability({...base, action: 'approve'}).kind).toBe('enabled')
    // The rule binds approvals only.
    expect(decisionAvailability({...base, action: 'reject', lastEditorId: editor.id}).kind).toBe('enabled')
    // Not clickable while the history is still being read.
    expect(decisionAvailability({...base, action: 'approve', checkingHistory: true}).kind).toBe('checking')
  })

  it('gives a contributor the reason, not only a greyed button', () => {
    expect(
      decisionAvailability({
        document: pending,
        thirdParty: true,
        action: 'approve',
        user: contributor,
        reviewerRoles: REVIEWER_ROLES,
      }),
    ).toEqual({kind: 'disabled', reason: expect.objectContaining({key: 'refusal.notReviewer'})})
  })

  it('hides every decision on own copy nobody has decided on', () => {
    for (const action of ['approve', 'requestChanges', 'reject', 'reopen'] as const) {
      expect(availability(plainArticle(), action, editor, false)).toBe('hidden')
    }
  })
})

describe('the publish gate the Studio shows', () => {
  const context = detectContext()

  it('keeps Publish shut for the imported seed, saying what to do', () => {
    const verdict = canPublish(seedDocument(), {context, user: contributor, reviewerRoles: REVIEWER_ROLES})
    expect(verdict.ok).toBe(false)
    expect(verdict.reasons[0]).toBe('Third-party copy must be approved before it is published: ask a reviewer to approve it.')
  })

  it('opens after approval, and closes again after an edit', () => {
    const approved = decided(seedDocument(), 'approve')
    expect(canPublish(approved, {context}).ok).toBe(true)
    const edited = {
      ...approved,
      body: approved.body!.map((item, index) =>
        index === 1 ? {...item, children: [{_type: 'span', _key: 'x', text: 'Neu.', marks: []}]} : item,
      ),
    }
    expect(contentHash(edited)).not.toBe(approved.review!.contentHash)
    const verdict = canPublish(edited, {context, user: editor, reviewerRoles: REVIEWER_ROLES})
    expect(verdict).toMatchObject({ok: false})
    expect(verdict.reasons[0]).toMatch(/^The approval is outdated/)
  })

  it('lets own copy through', () => {
    expect(canPublish(plainArticle(), {context})).toEqual({ok: true, reasons: [], details: [], thirdParty: false})
  })
})

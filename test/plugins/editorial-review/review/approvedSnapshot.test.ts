import {describe, expect, it} from 'vitest'
import {
  approvedContentOf,
  contentHash,
  decide,
  diffSinceApproval,
  plainDiff,
  type PressReleaseDocument,
  type ReviewAction,
  type ReviewUser,
} from '../../../../plugins/editorial-review/core'
import {block, release} from '../fixtures'

const EDITOR: ReviewUser = {id: 'local-editor', name: 'Local Editor', roles: ['editor']}

function decided(document: PressReleaseDocument, action: ReviewAction, note?: string): PressReleaseDocument {
  const result = decide(document, {action, user: EDITOR, findings: [], ...(note ? {note} : {})}, {reviewerRoles: ['editor']})
  if (!result.ok) throw new Error(result.reason)
  return {...document, review: result.review}
}

const approved = decided(
  release([block('a', 'The talks resume on Monday.')], {
    title: 'The talks resume on Monday',
    slug: {_type: 'slug', current: 'talks-resume'},
    source: {fileName: 'talks.txt', originalText: 'The talks resume on Monday.'},
    categories: [{_type: 'reference', _ref: 'category.politics', _key: 'c1'}],
  }),
  'approve',
)

describe('the approved content recorded with an approval', () => {
  it('holds the judged fields as approved, hashing to the approval’s content hash', () => {
    const content = approvedContentOf(approved)!
    expect(contentHash(content)).toBe(approved.review!.decisions!.at(-1)!.contentHash)
    expect(content.body).toEqual(approved.body)
    expect(content.categories).toEqual(approved.categories)
    // Storage and provenance are not what a reviewer judges, and the review is not copied into itself.
    expect(Object.keys(content).sort()).toEqual(['body', 'categories', 'language', 'title'])
  })

  it('gives the diff against the approved copy after an edit, with no history', () => {
    const edited = {...approved, title: 'The talks resume on Tuesday'}
    expect(plainDiff(diffSinceApproval(approvedContentOf(edited)!, edited))).toEqual([
      'title: The talks resume on [-Monday-]{+Tuesday+}',
    ])
  })

  it('stays with the latest approval through a later decision, and is replaced by the next approval', () => {
    const requested = decided({...approved, title: 'Edited'}, 'requestChanges', 'Please cite the licence.')
    expect(approvedContentOf(requested)?.title).toBe('The talks resume on Monday')
    const reapproved = decided(requested, 'approve')
    expect(approvedContentOf(reapproved)?.title).toBe('Edited')
  })

  it('is not trusted when it does not hash to the approval: hand-written, broken, or another approval’s', () => {
    const withStored = (approvedContent: string) => ({...approved, review: {...approved.review!, approvedContent}})
    expect(approvedContentOf(withStored(JSON.stringify({title: 'Something else'})))).toBeUndefined()
    expect(approvedContentOf(withStored('{not json'))).toBeUndefined()
    expect(approvedContentOf(withStored('[]'))).toBeUndefined()
    const {approvedContent: _dropped, ...withoutSnapshot} = approved.review!
    expect(approvedContentOf({...approved, review: withoutSnapshot})).toBeUndefined()
  })
})

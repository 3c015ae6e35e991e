import {describe, expect, it} from 'vitest'
import {DEFAULT_REVIEWER_ROLES, isReviewer} from '../../../../plugins/editorial-review/core'

describe('isReviewer', () => {
  it.each<[string[], readonly string[], boolean]>([
    [['administrator'], DEFAULT_REVIEWER_ROLES, true],
    [['editor'], DEFAULT_REVIEWER_ROLES, true],
    [['contributor', 'viewer'], DEFAULT_REVIEWER_ROLES, false],
    [[], DEFAULT_REVIEWER_ROLES, false],
    [['desk-chief'], ['desk-chief'], true],
    [['editor'], ['desk-chief'], false],
  ])('%j with reviewer roles %j → %s', (roles, reviewerRoles, expected) => {
    expect(isReviewer({roles}, reviewerRoles)).toBe(expected)
  })

  it('no user is no reviewer', () => {
    expect(isReviewer(undefined, DEFAULT_REVIEWER_ROLES)).toBe(false)
  })
})

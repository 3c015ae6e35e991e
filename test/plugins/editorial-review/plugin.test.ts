import {describe, expect, it} from 'vitest'
import {editorialReview} from '../../../plugins/editorial-review'

describe('editorialReview options', () => {
  it.each([
    [{types: []}, '[editorial-review] `types` must name at least one document type to review'],
    [{reviewerRoles: []}, '[editorial-review] `reviewerRoles` must name at least one role that may decide'],
    [
      {rules: {mine: {code: 'mine', severity: 'info'}}},
      '[editorial-review] rule "mine" needs a detect(document, context, text) function.',
    ],
  ])('refuses %j early, naming the plugin', (options, message) => {
    expect(() => editorialReview(options as never)).toThrow(message)
  })

  it('gates only the types it owns and hands other types back untouched', () => {
    const plugin = editorialReview({types: ['pressRelease']})
    const resolveActions = plugin.document!.actions as (prev: unknown[], context: {schemaType: string}) => unknown[]
    const publish = Object.assign(() => null, {action: 'publish'})
    const prev = [publish]
    expect(resolveActions(prev, {schemaType: 'category'})).toBe(prev)
    const owned = resolveActions(prev, {schemaType: 'pressRelease'}) as {action?: string; displayName?: string}[]
    expect(owned[0]).not.toBe(publish)
    expect(owned[0]!.action).toBe('publish')
    expect(owned.map((action) => action.displayName)).toEqual([
      'Gated(publish)',
      'ApproveAction',
      'RequestChangesAction',
      'RejectAction',
      'ReopenAction',
    ])
    const resolveBadges = plugin.document!.badges as (prev: unknown[], context: {schemaType: string}) => unknown[]
    expect(resolveBadges(prev, {schemaType: 'category'})).toBe(prev)
    expect(resolveBadges([], {schemaType: 'pressRelease'})).toHaveLength(1)
  })
})

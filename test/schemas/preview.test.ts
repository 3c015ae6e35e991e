/**
 * The list preview puts the review back together from the fields it selects, so a list row
 * tells the same status and holder as the form.
 */
import {describe, expect, it} from 'vitest'
import {pressRelease} from '../../schemas/documents/pressRelease'

/** A list row's selection: only the fields a document has are there. */
const prepare = (selected: Record<string, unknown>) =>
  pressRelease.preview!.prepare!(selected as Parameters<NonNullable<typeof pressRelease.preview>['prepare'] & {}>[0])

describe('the press release list preview', () => {
  it('names the distributor, the language, the status and who has the copy', () => {
    const row = prepare({
      title: 'Hafenzahlen',
      language: 'de',
      distributorName: 'SeaPRwire',
      reviewStatus: 'pending',
      reviewThirdParty: true,
      reviewAssignee: {userId: 'local-editor', userName: 'Local Editor'},
    })
    expect(row).toMatchObject({title: 'Hafenzahlen', subtitle: 'SeaPRwire · de · Third-party · needs review · @Local Editor'})
  })

  it('calls copy with no review own copy, with no badge', () => {
    expect(prepare({title: 'Eigener Bericht', language: 'de'})).toMatchObject({subtitle: 'Own copy · de'})
  })
})

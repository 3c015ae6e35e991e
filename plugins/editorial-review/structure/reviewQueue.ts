import {EyeOpenIcon} from '@sanity/icons/EyeOpen'
import type {ListItemBuilder, StructureBuilder} from 'sanity/structure'
import {DEFAULT_CONFIG, I18N_NAMESPACE} from '../constants'
import type {ReviewResourceKey} from '../i18n/resources'

/**
 * Filters of the queue's lists. Structure lists take a filter, not a whole query, so
 * these stay here as named constants with `$types` as their only parameter.
 */
export const REVIEW_QUEUE_FILTERS = {
  needsReview: '_type in $types && review.thirdParty == true && review.status == "pending"',
  changesRequested: '_type in $types && review.status == "changesRequested"',
  approvedUnpublished: '_type in $types && review.status == "approved" && _id in path("drafts.**")',
  rejected: '_type in $types && review.status == "rejected"',
} as const

const QUEUE_ITEMS: {id: keyof typeof REVIEW_QUEUE_FILTERS; key: ReviewResourceKey; title: string}[] = [
  {id: 'needsReview', key: 'queue.needs-review', title: 'Needs review'},
  {id: 'changesRequested', key: 'queue.changes-requested', title: 'Changes requested'},
  {id: 'approvedUnpublished', key: 'queue.approved-unpublished', title: 'Approved, not yet published'},
  {id: 'rejected', key: 'queue.rejected', title: 'Rejected'},
]

/** The "Review queue" section, to place next to the normal lists in a structure. */
export function reviewQueueListItem(S: StructureBuilder, types: string[] = DEFAULT_CONFIG.types): ListItemBuilder {
  return S.listItem()
    .id('review-queue')
    .title('Review queue')
    .i18n({title: {key: 'queue.title', ns: I18N_NAMESPACE}})
    .icon(EyeOpenIcon)
    .child(
      S.list()
        .id('review-queue')
        .title('Review queue')
        .i18n({title: {key: 'queue.title', ns: I18N_NAMESPACE}})
        .items(
          QUEUE_ITEMS.map(({id, key, title}) =>
            S.listItem()
              .id(id)
              .title(title)
              .i18n({title: {key, ns: I18N_NAMESPACE}})
              .child(S.documentList().id(id).title(title).i18n({title: {key, ns: I18N_NAMESPACE}}).filter(REVIEW_QUEUE_FILTERS[id]).params({types}).apiVersion('2025-02-19')),
          ),
        ),
    )
}

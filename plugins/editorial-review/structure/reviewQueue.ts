import {EyeOpenIcon} from '@sanity/icons/EyeOpen'
import type {ListItemBuilder, StructureBuilder} from 'sanity/structure'
import {REVIEW_LANES} from '../../../queries/review'
import {DEFAULT_CONFIG, I18N_NAMESPACE} from '../constants'
import type {ReviewResourceKey} from '../i18n/resources'

const QUEUE_ITEMS: {id: keyof typeof REVIEW_LANES; key: ReviewResourceKey; title: string}[] = [
  {id: 'assignedToMe', key: 'queue.assigned-to-me', title: 'Assigned to me'},
  {id: 'unassigned', key: 'queue.unassigned', title: 'Unassigned'},
  {id: 'overdue', key: 'queue.overdue', title: 'Overdue'},
  {id: 'needsReview', key: 'queue.needs-review', title: 'Needs review'},
  {id: 'changesRequested', key: 'queue.changes-requested', title: 'Changes requested'},
  {id: 'approvedUnpublished', key: 'queue.approved-unpublished', title: 'Approved, not yet published'},
  {id: 'rejected', key: 'queue.rejected', title: 'Rejected'},
]

/**
 * The "Review queue" section, to place next to the normal lists in a structure. Pass the
 * policy's `reviewWithinHours` for the "Overdue" lane.
 */
export function reviewQueueListItem(
  S: StructureBuilder,
  types: string[] = DEFAULT_CONFIG.types,
  reviewWithinHours: number = DEFAULT_CONFIG.reviewWithinHours,
): ListItemBuilder {
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
              .child(
                S.documentList()
                  .id(id)
                  .title(title)
                  .i18n({title: {key, ns: I18N_NAMESPACE}})
                  .filter(`_type in $types && ${REVIEW_LANES[id]}`)
                  .params({types, reviewWithinSeconds: reviewWithinHours * 3600})
                  .apiVersion('2025-02-19'),
              ),
          ),
        ),
    )
}

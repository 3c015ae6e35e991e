/**
 * The `overdue` webhook's filter as a hosted project evaluates it (Sanity's delta-GROQ
 * semantics, as the lake's matcher implements them), where nothing of ours checks the mark
 * before it is stored: it fires on a mark appended to overdue copy, not on a mark on copy that
 * is not overdue, not when a publish copies an old mark, and links a published copy correctly.
 */
import {describe, expect, it} from 'vitest'
import type {AssignmentEntry} from '../../plugins/editorial-review/core'
import {triggerOf} from '../../lake/webhooks/match'
import type {WebhookDefinition} from '../../lake/webhooks/types'
import type {SanityDocument} from '../../lake/store/types'
import {reviewHooks} from '../../scripts/hooks/definitions'

const HOUR_MS = 3_600_000
const COMMITTED = '2026-03-02T20:00:00.000Z'
const hoursBefore = (hours: number) => new Date(Date.parse(COMMITTED) - hours * HOUR_MS).toISOString()

const [overdueHook] = reviewHooks({
  url: 'http://127.0.0.1:9/',
  dataset: 'production',
  types: ['pressRelease'],
  studioUrl: 'https://pressroom.sanity.studio',
  secret: null,
  decisionTimes: 'client',
  reviewWithinHours: 4,
})
  .filter((hook) => hook.name.endsWith('overdue'))
  .map((hook): WebhookDefinition => ({
    ...hook,
    id: 'h1',
    type: 'document',
    projectId: 'pressroom',
    includeAllVersions: false,
    isDisabled: false,
    isDisabledByUser: false,
    createdAt: COMMITTED,
    createdByUserId: 'local-admin',
    deletedAt: null,
  }))

const mark = (at: string, dueAt: string): AssignmentEntry => ({
  _key: `m${at}`,
  _type: 'reviewAssignment',
  action: 'overdue',
  userId: 'cron',
  userName: 'Cron',
  at,
  dueAt,
})

function release(id: string, importedAt: string, assignments: AssignmentEntry[], extra: object = {}): SanityDocument {
  return {
    _id: id,
    _type: 'pressRelease',
    _createdAt: importedAt,
    _updatedAt: COMMITTED,
    title: 'Talks on Rafah',
    source: {importedAt},
    review: {_type: 'editorialReview', status: 'pending', thirdParty: true, assignments},
    ...extra,
  }
}

const fired = async (before: SanityDocument, after: SanityDocument) =>
  triggerOf(
    overdueHook!,
    'pressroom',
    {id: after._id, before, after},
    {
      dataset: 'production',
      identity: 'cron',
      documents: () => [],
    },
  )

describe('the overdue webhook on a hosted project', () => {
  it('fires on a mark appended to overdue copy, with the due time and a link to the document', async () => {
    const arrived = hoursBefore(5)
    const trigger = await fired(
      release('drafts.pressRelease.a', arrived, []),
      release('drafts.pressRelease.a', arrived, [mark(COMMITTED, hoursBefore(1))]),
    )
    expect(trigger?.body).toMatchObject({
      text: 'Overdue: Talks on Rafah',
      blocks: [
        {
          text: {
            text: '*Overdue*\n<https://pressroom.sanity.studio/intent/edit/id=pressRelease.a;type=pressRelease|Talks on Rafah>',
          },
        },
        {
          elements: [
            {text: `Distributor: unknown distributor · Status: Needs review · Due: ${hoursBefore(1)} · Assigned to: nobody`},
          ],
        },
      ],
    })
    // The published copy, when the cron marks it because there is no draft, links the same document.
    const published = await fired(
      release('pressRelease.a', arrived, []),
      release('pressRelease.a', arrived, [mark(COMMITTED, hoursBefore(1))]),
    )
    expect(JSON.stringify(published?.body)).toContain('/intent/edit/id=pressRelease.a;type=pressRelease|')
  })

  it('stays silent on a forged mark: copy within its time, or a mark that claims an earlier due time', async () => {
    const arrived = hoursBefore(1)
    expect(
      await fired(
        release('drafts.pressRelease.b', arrived, []),
        release('drafts.pressRelease.b', arrived, [mark(COMMITTED, hoursBefore(2))]),
      ),
    ).toBeUndefined()
  })

  it('stays silent when a write copies an old mark (a publish after the approval)', async () => {
    const arrived = hoursBefore(10)
    const marked = [mark(hoursBefore(5), hoursBefore(6))]
    expect(await fired(release('pressRelease.c', arrived, []), release('pressRelease.c', arrived, marked))).toBeUndefined()
  })
})

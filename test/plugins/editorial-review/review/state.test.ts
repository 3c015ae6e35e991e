import {describe, expect, it} from 'vitest'
import {
  TRANSITIONS,
  allowedEvents,
  contentHash,
  effectiveStatus,
  transition,
  type ReviewEvent,
  type ReviewStatus,
} from '../../../../plugins/editorial-review/core'
import {seedDocument} from '../fixtures'

const STATUSES: ReviewStatus[] = ['pending', 'approved', 'changesRequested', 'rejected']
const EVENTS: ReviewEvent[] = ['approve', 'requestChanges', 'reject', 'reopen', 'contentChanged']

/** The expected machine, written out independently of the implementation's table. */
const EXPECTED: [ReviewStatus, ReviewEvent, ReviewStatus | undefined][] = [
  ['pending', 'approve', 'approved'],
  ['pending', 'requestChanges', 'changesRequested'],
  ['pending', 'reject', 'rejected'],
  ['pending', 'reopen', undefined],
  ['pending', 'contentChanged', 'pending'],
  ['approved', 'approve', undefined],
  ['approved', 'requestChanges', 'changesRequested'],
  ['approved', 'reject', 'rejected'],
  ['approved', 'reopen', 'pending'],
  ['approved', 'contentChanged', 'pending'],
  ['changesRequested', 'approve', 'approved'],
  ['changesRequested', 'requestChanges', 'changesRequested'],
  ['changesRequested', 'reject', 'rejected'],
  ['changesRequested', 'reopen', 'pending'],
  ['changesRequested', 'contentChanged', 'changesRequested'],
  ['rejected', 'approve', undefined],
  ['rejected', 'requestChanges', undefined],
  ['rejected', 'reject', undefined],
  ['rejected', 'reopen', 'pending'],
  ['rejected', 'contentChanged', 'rejected'],
]

describe('review state machine', () => {
  it('the expectation covers every status and event', () => {
    expect(EXPECTED).toHaveLength(STATUSES.length * EVENTS.length)
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...STATUSES].sort())
  })

  it.each(EXPECTED)('%s + %s → %s', (status, event, next) => {
    expect(transition(status, event)).toBe(next)
    expect(allowedEvents(status).includes(event)).toBe(next !== undefined)
  })
})

describe('effectiveStatus', () => {
  const seed = seedDocument()
  const approved = {
    ...seed,
    review: {_type: 'editorialReview' as const, status: 'approved' as const, thirdParty: true, contentHash: contentHash(seed)},
  }

  it('an approval of the current content stands', () => {
    expect(effectiveStatus(approved)).toEqual({status: 'approved', stale: false})
  })

  it('an approval becomes stale, back to pending, after an edit', () => {
    const edited = structuredClone(approved)
    edited.body![0]!.children![0]!.text = 'WASHINGTON (AP) — Amerikanische und israelische Beamte …'
    expect(effectiveStatus(edited)).toEqual({status: 'pending', stale: true})
  })

  it('an approval without a recorded hash is stale', () => {
    expect(effectiveStatus({...seed, review: {...approved.review, contentHash: undefined}})).toEqual({
      status: 'pending',
      stale: true,
    })
  })

  it('no review is pending; other statuses stand whatever the content', () => {
    expect(effectiveStatus({...seed, review: undefined})).toEqual({status: 'pending', stale: false})
    for (const status of ['pending', 'changesRequested', 'rejected'] as const) {
      expect(effectiveStatus({...seed, review: {...approved.review, status, contentHash: 'sha256:old'}})).toEqual({
        status,
        stale: false,
      })
    }
  })
})

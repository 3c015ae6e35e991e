/**
 * The queue's "Overdue" lane has to say in GROQ what `review/due.ts` says in TypeScript, since
 * a lake (or a hosted project) filters by it. This holds the two to one answer over every shape
 * of wait: imported or written, decided since, a reviewer's due time set before or during the
 * current wait, and a due time that is not a time.
 */
import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'
import {dueTime, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {DUE_AT} from '../../queries/review'

const HOURS = 4
const ARRIVALS = [
  {source: {importedAt: '2026-11-30T08:00:00.000Z'}, _createdAt: '2026-11-30T09:00:00.000Z'},
  {_createdAt: '2026-11-30T09:00:00.000Z'},
]
const DECISIONS = [[], [{action: 'reopen', status: 'pending', at: '2026-11-30T10:00:00.000Z'}]]
const DUE_CHANGES = [
  [],
  [{action: 'setDue', at: '2026-11-30T08:30:00.000Z', dueAt: '2026-12-02T00:00:00.000Z'}],
  [{action: 'setDue', at: '2026-11-30T11:00:00.000Z', dueAt: '2026-11-30T12:00:00.000Z'}],
  [
    {action: 'setDue', at: '2026-11-30T11:00:00.000Z', dueAt: '2026-11-30T12:00:00.000Z'},
    {action: 'claim', at: '2026-11-30T11:30:00.000Z'},
    {action: 'setDue', at: '2026-11-30T11:45:00.000Z', dueAt: '2026-12-01T06:00:00.000Z'},
  ],
]

function documents(): PressReleaseDocument[] {
  const all: PressReleaseDocument[] = []
  for (const [a, arrival] of ARRIVALS.entries())
    for (const [d, decisions] of DECISIONS.entries())
      for (const [c, assignments] of DUE_CHANGES.entries())
        all.push({
          _id: `drafts.due-${a}-${d}-${c}`,
          _type: 'pressRelease',
          ...arrival,
          review: {_type: 'editorialReview', status: 'pending', thirdParty: true, decisions, assignments},
        } as unknown as PressReleaseDocument)
  return all
}

describe('DUE_AT, the Overdue lane’s due time in GROQ', () => {
  it('agrees with dueTime() on every shape of wait', async () => {
    const dataset = documents()
    const tree = parse(`*[_type == "pressRelease"]{_id, "dueAt": ${DUE_AT}}`)
    const rows = (await (await evaluate(tree, {dataset, params: {reviewWithinSeconds: HOURS * 3600}})).get()) as {
      _id: string
      dueAt: string
    }[]
    expect(rows).toHaveLength(dataset.length)
    for (const row of rows) {
      const document = dataset.find((candidate) => candidate._id === row._id)!
      const expected = dueTime(document, {reviewWithinHours: HOURS})
      expect(Date.parse(row.dueAt), row._id).toBe(expected?.getTime())
    }
  })
})

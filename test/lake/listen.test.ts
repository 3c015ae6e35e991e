/** client.listen() against the lake: welcome, mutation events with the fields the Studio reads, filtering. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {applyPatch} from 'mendoza'
import type {MutationEvent, SanityClient} from '@sanity/client'
import {startLakeProcess, type LakeProcess} from '../support/lake'

let lake: LakeProcess
let client: SanityClient

beforeAll(async () => {
  lake = await startLakeProcess()
  client = lake.client()
}, 30_000)
afterAll(async () => {
  await lake.stop()
})

/** Subscribes and resolves with the first `count` mutation events (after welcome). */
function collect(query: string, params: Record<string, unknown>, count: number, options: Record<string, unknown> = {}) {
  const events: MutationEvent[] = []
  let welcomed!: () => void
  const welcome = new Promise<void>((r) => (welcomed = r))
  const done = new Promise<MutationEvent[]>((resolve, reject) => {
    const sub = client.listen(query, params, {events: ['welcome', 'mutation'], ...options} as never).subscribe({
      next: (event: {type: string}) => {
        if (event.type === 'welcome') return welcomed()
        events.push(event as MutationEvent)
        if (events.length === count) {
          sub.unsubscribe()
          resolve(events)
        }
      },
      error: reject,
    })
    setTimeout(() => {
      sub.unsubscribe()
      reject(new Error(`timed out with ${events.length}/${count} events`))
    }, 8000)
  })
  return {welcome, done, events}
}

describe('listen', () => {
  it('emits mutation events with mendoza effects, revisions and transitions for matching documents only', async () => {
    const {welcome, done} = collect('*[_type == $t]', {t: 'listened'}, 3, {effectFormat: 'mendoza', includeResult: true})
    await welcome
    const created = await client.create({_id: 'l-1', _type: 'listened', title: 'one'})
    await client.create({_id: 'l-other', _type: 'ignored'})
    const patched = await client.patch('l-1').set({title: 'two'}).commit()
    await client.delete('l-1')
    const [appear, update, disappear] = await done

    expect(appear).toMatchObject({
      documentId: 'l-1',
      transition: 'appear',
      resultRev: created._rev,
      transactionId: created._rev,
      identity: 'local-admin',
      visibility: 'query',
    })
    expect(appear!.previousRev).toBeUndefined()
    expect(update).toMatchObject({
      transition: 'update',
      previousRev: created._rev,
      resultRev: patched._rev,
      transactionTotalEvents: 1,
      transactionCurrentEvent: 1,
    })
    expect(update!.result).toMatchObject({title: 'two'})
    expect(disappear).toMatchObject({transition: 'disappear', previousRev: patched._rev})
    // The Studio applies effects to the previous document without _rev.
    const {_rev, ...before} = created
    expect(applyPatch(before, update!.effects!.apply)).toMatchObject({title: 'two', _id: 'l-1'})
    expect(applyPatch(before, disappear!.effects!.apply)).toBeNull()
    expect(typeof update!.timestamp).toBe('string')
    expect(update!.mutations.length).toBeGreaterThan(0)
  })

  it('counts transaction events per listener so multi-document transactions can be grouped', async () => {
    const {welcome, done} = collect('*[_id in $ids]', {ids: ['l-a', 'drafts.l-a']}, 2, {effectFormat: 'mendoza'})
    await welcome
    await client
      .transaction()
      .create({_id: 'drafts.l-a', _type: 'x'})
      .create({_id: 'l-a', _type: 'x'})
      .create({_id: 'l-unrelated', _type: 'x'})
      .commit()
    const events = await done
    expect(events.map((e) => e.transactionTotalEvents)).toEqual([2, 2])
    expect(events.map((e) => e.transactionCurrentEvent)).toEqual([1, 2])
    expect(new Set(events.map((e) => e.transactionId)).size).toBe(1)
  })

  it('leaves out release versions unless includeAllVersions is set', async () => {
    const without = collect('*[_type == "v"]', {}, 1)
    const withAll = collect('*[_type == "v"]', {}, 2, {includeAllVersions: true})
    await Promise.all([without.welcome, withAll.welcome])
    await client.create({_id: 'versions.r1.l-v', _type: 'v'})
    await client.create({_id: 'l-v', _type: 'v'})
    expect((await without.done).map((e) => e.documentId)).toEqual(['l-v'])
    expect((await withAll.done).map((e) => e.documentId)).toEqual(['versions.r1.l-v', 'l-v'])
  })

  it('reports a bad listener query as a channel error', async () => {
    const error = await new Promise<Error>((resolve) => {
      client.listen('*[_type == ]').subscribe({next: () => undefined, error: resolve})
    })
    expect(error.name).toBe('ChannelError')
  })
})

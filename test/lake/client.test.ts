/** The real @sanity/client against a lake on a random port: queries, mutations, patches, actions. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SanityClient} from '@sanity/client'
import {startLakeProcess, type LakeProcess} from '../support/lake'

let lake: LakeProcess
let client: SanityClient

beforeAll(async () => {
  lake = await startLakeProcess()
  client = lake.client()
}, 30_000)
afterAll(async () => {
  expect(await lake.stop()).toBe(0)
})

async function errorOf(promise: Promise<unknown>): Promise<{statusCode?: number; message: string; details?: unknown}> {
  try {
    await promise
  } catch (err) {
    return err as {statusCode?: number; message: string}
  }
  throw new Error('expected the request to fail')
}

describe('queries', () => {
  beforeAll(async () => {
    await client
      .transaction()
      .createOrReplace({_id: 'q-1', _type: 'category', title: 'Politics', language: 'en', rank: 2})
      .createOrReplace({_id: 'q-2', _type: 'category', title: 'Sport', language: 'de', rank: 1})
      .createOrReplace({_id: 'drafts.q-2', _type: 'category', title: 'Sport (draft)', language: 'de', rank: 1})
      .createOrReplace({_id: 'drafts.q-3', _type: 'category', title: 'Only a draft', language: 'en', rank: 3})
      .createOrReplace({_id: 'versions.rel1.q-1', _type: 'category', title: 'Politics in release', language: 'en', rank: 2})
      .createOrReplace({_id: 'q-author', _type: 'author', name: 'Ada'})
      .createOrReplace({_id: 'q-article', _type: 'article', title: 'Hi', author: {_type: 'reference', _ref: 'q-author'}})
      .commit()
  })

  it('answers with params, ordering and projections', async () => {
    const result = await client.fetch<{title: string}[]>('*[_type == $t && language == $lang] | order(rank asc) {title}', {
      t: 'category',
      lang: 'de',
    })
    expect(result).toEqual([{title: 'Sport'}, {title: 'Sport (draft)'}])
  })

  it('returns the raw response shape {query, result, ms}', async () => {
    const res = await client.fetch('count(*[_type == "category"])', {}, {filterResponse: false})
    expect(res.result).toBe(5)
    expect(res.query).toBe('count(*[_type == "category"])')
    expect(typeof res.ms).toBe('number')
  })

  it('looks documents up by id, including via POST for long queries', async () => {
    expect(await client.fetch('*[_id == $id][0].title', {id: 'q-1'})).toBe('Politics')
    const padding = ' '.repeat(12000)
    expect(await client.fetch(`*[_id in $ids]${padding}| order(_id) {_id}`, {ids: ['q-1', 'q-2']})).toEqual([
      {_id: 'q-1'},
      {_id: 'q-2'},
    ])
  })

  it('follows references', async () => {
    expect(await client.fetch('*[_id == "q-article"][0]{"name": author->name}')).toEqual({name: 'Ada'})
  })

  it('applies the published, drafts, raw and release perspectives', async () => {
    type ClientPerspective = 'raw' | 'published' | 'drafts' | string[]
    const titles = ({perspective}: {perspective: ClientPerspective}) =>
      client.fetch<string[]>('*[_type == "category"] | order(_id) .title', {}, {perspective: perspective as 'raw'})
    expect(await titles({perspective: 'published'})).toEqual(['Politics', 'Sport'])
    expect(await titles({perspective: 'drafts'})).toEqual(['Politics', 'Sport (draft)', 'Only a draft'])
    expect(await titles({perspective: 'raw'})).toHaveLength(5)
    expect(await titles({perspective: ['rel1']})).toEqual(['Politics in release', 'Sport'])
    expect(await titles({perspective: ['rel1', 'drafts']})).toEqual(['Politics in release', 'Sport (draft)', 'Only a draft'])
    const draft = await client.fetch('*[_id == "q-3"][0]', {}, {perspective: 'drafts'})
    expect(draft).toMatchObject({_id: 'q-3', _originalId: 'drafts.q-3'})
  })

  it('defaults to the published perspective for API 2025-02-19 clients without one', async () => {
    const plain = lake.client().withConfig({perspective: undefined})
    expect(await plain.fetch('count(*[_id in path("drafts.**")])')).toBe(0)
  })

  it('answers a syntax error with 400 and the position of the problem', async () => {
    const err = await errorOf(client.fetch('*[_type == ]'))
    expect(err.statusCode).toBe(400)
    expect(err.details).toMatchObject({type: 'queryParseError', start: 10, query: '*[_type == ]'})
    expect(err.message).toContain('GROQ query parse error')
  })

  it('fetches documents by id through /data/doc', async () => {
    expect(await client.getDocument('q-1')).toMatchObject({_id: 'q-1', title: 'Politics'})
    const [a, missing] = await client.getDocuments(['q-2', 'nope'])
    expect(a?._id).toBe('q-2')
    expect(missing).toBeNull()
  })
})

describe('mutations', () => {
  it('create stamps _rev, _createdAt and _updatedAt, and refuses an existing id with 409', async () => {
    const doc = await client.create({_id: 'm-create', _type: 'category', title: 'New'})
    expect(doc._rev).toMatch(/\w{10,}/)
    expect(doc._createdAt).toBe(doc._updatedAt)
    const err = await errorOf(client.create({_id: 'm-create', _type: 'category'}))
    expect(err.statusCode).toBe(409)
    expect(err.message).toContain('already exists')
  })

  it('createIfNotExists leaves an existing document alone; createOrReplace keeps _createdAt', async () => {
    const first = await client.create({_id: 'm-cor', _type: 'category', title: 'One'})
    await client.createIfNotExists({_id: 'm-cor', _type: 'category', title: 'Ignored'})
    expect((await client.getDocument('m-cor'))?.title).toBe('One')
    await new Promise((r) => setTimeout(r, 5))
    const replaced = await client.createOrReplace({_id: 'm-cor', _type: 'category', title: 'Two'})
    expect(replaced.title).toBe('Two')
    expect(replaced._createdAt).toBe(first._createdAt)
    expect(replaced._updatedAt > first._updatedAt).toBe(true)
    expect(replaced._rev).not.toBe(first._rev)
  })

  it('generates ids for documents without one and for "drafts." prefixes', async () => {
    const a = await client.create({_type: 'category', title: 'no id'})
    expect(a._id).toMatch(/^[\w-]{10,}$/)
    const res = await client.mutate([{create: {_id: 'drafts.', _type: 'category'}}], {returnDocuments: false})
    expect(res.results[0]!.id).toMatch(/^drafts\.[\w-]{10,}$/)
  })

  it('applies every patch operation', async () => {
    await client.create({
      _id: 'm-patch',
      _type: 'category',
      title: 'Hello world',
      count: 10,
      tags: [
        {_key: 'a', v: 'a'},
        {_key: 'c', v: 'c'},
      ],
      remove: true,
      nested: {keep: 1},
    })
    const patched = await client
      .patch('m-patch')
      .set({'nested.added': 'x'})
      .setIfMissing({title: 'ignored', language: 'en'})
      .unset(['remove'])
      .insert('after', 'tags[_key=="a"]', [{_key: 'b', v: 'b'}])
      .inc({count: 5})
      .dec({count: 2})
      .diffMatchPatch({title: '@@ -1,11 +1,11 @@\n Hello \n-world\n+there\n'})
      .commit()
    expect(patched).toMatchObject({title: 'Hello there', language: 'en', count: 13, nested: {keep: 1, added: 'x'}})
    expect(patched.remove).toBeUndefined()
    expect((patched.tags as {_key: string}[]).map((t) => t._key)).toEqual(['a', 'b', 'c'])
  })

  it('patches with ifRevisionID, and answers a stale revision with 409', async () => {
    const doc = await client.create({_id: 'm-rev', _type: 'category', title: 'v1'})
    const next = await client.patch('m-rev').ifRevisionId(doc._rev).set({title: 'v2'}).commit()
    expect(next.title).toBe('v2')
    const err = await errorOf(client.patch('m-rev').ifRevisionId(doc._rev).set({title: 'v3'}).commit())
    expect(err.statusCode).toBe(409)
    expect(err.message).toContain('unexpected revision')
    expect((await client.getDocument('m-rev'))?.title).toBe('v2')
  })

  it('patches and deletes by query', async () => {
    await client.transaction().create({_id: 'm-q1', _type: 'bulk', n: 1}).create({_id: 'm-q2', _type: 'bulk', n: 2}).commit()
    await client.patch({query: '*[_type == "bulk"]'}).set({touched: true}).commit()
    expect(await client.fetch('*[_type == "bulk"].touched')).toEqual([true, true])
    const res = await client.delete({query: '*[_type == "bulk" && n > 1]'})
    expect(res.results.map((r: {id: string}) => r.id)).toEqual(['m-q2'])
    expect(await client.fetch('*[_type == "bulk"]._id')).toEqual(['m-q1'])
    await client.delete('m-q1')
    expect(await client.getDocument('m-q1')).toBeUndefined()
  })

  it('is atomic: one failing mutation rolls back the whole transaction', async () => {
    await client.create({_id: 'm-atomic-existing', _type: 'category', title: 'before'})
    const err = await errorOf(
      client
        .transaction()
        .create({_id: 'm-atomic-new', _type: 'category'})
        .patch('m-atomic-existing', (p) => p.set({title: 'after'}))
        .create({_id: 'm-atomic-existing', _type: 'category'})
        .commit(),
    )
    expect(err.statusCode).toBe(409)
    expect(await client.getDocument('m-atomic-new')).toBeUndefined()
    expect((await client.getDocument('m-atomic-existing'))?.title).toBe('before')
  })

  it('reports patches of missing documents and mutations without _type', async () => {
    expect((await errorOf(client.patch('m-missing').set({a: 1}).commit())).statusCode).toBe(404)
    expect((await errorOf(client.create({_id: 'm-notype'} as never))).statusCode).toBe(400)
  })

  it('honours returnIds, returnDocuments, transactionId and visibility', async () => {
    const res = await client.mutate([{create: {_id: 'm-ret', _type: 'category'}}], {
      returnDocuments: false,
      returnFirst: false,
      transactionId: 'my-tx-1',
      visibility: 'async',
    })
    expect(res.transactionId).toBe('my-tx-1')
    expect(res.documentIds).toEqual(['m-ret'])
    expect(res.results).toEqual([{id: 'm-ret', operation: 'create'}])
    expect((await client.getDocument('m-ret'))?._rev).toBe('my-tx-1')
    const docs = await client.mutate([{patch: {id: 'm-ret', set: {a: 1}}}], {returnDocuments: true})
    expect(docs).toEqual([expect.objectContaining({_id: 'm-ret', a: 1})])
  })
})

describe('actions', () => {
  it('creates a draft, edits it, publishes, unpublishes, discards and deletes', async () => {
    const act = (actions: object | object[]) => client.action(actions as never)
    await act({
      actionType: 'sanity.action.document.create',
      publishedId: 'a-1',
      attributes: {_id: 'drafts.a-1', _type: 'category', title: 'Draft'},
      ifExists: 'fail',
    })
    await act({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.a-1',
      publishedId: 'a-1',
      patch: {set: {title: 'Edited'}},
    })
    expect((await client.getDocument('drafts.a-1'))?.title).toBe('Edited')

    const draftRev = (await client.getDocument('drafts.a-1'))!._rev
    await act({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.a-1',
      publishedId: 'a-1',
      ifDraftRevisionId: draftRev,
    })
    expect(await client.getDocument('drafts.a-1')).toBeUndefined()
    expect((await client.getDocument('a-1'))?.title).toBe('Edited')

    // Editing a published document without a draft starts the draft from it.
    await act({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.a-1',
      publishedId: 'a-1',
      patch: {set: {language: 'de'}},
    })
    expect(await client.getDocument('drafts.a-1')).toMatchObject({title: 'Edited', language: 'de'})
    await act({actionType: 'sanity.action.document.discard', draftId: 'drafts.a-1'})
    expect(await client.getDocument('drafts.a-1')).toBeUndefined()

    await act({actionType: 'sanity.action.document.unpublish', draftId: 'drafts.a-1', publishedId: 'a-1'})
    expect(await client.getDocument('a-1')).toBeUndefined()
    expect((await client.getDocument('drafts.a-1'))?.title).toBe('Edited')

    await act({actionType: 'sanity.action.document.delete', publishedId: 'a-1', includeDrafts: ['drafts.a-1']})
    expect(await client.getDocuments(['a-1', 'drafts.a-1'])).toEqual([null, null])
  })

  it('handles release versions', async () => {
    await client.create({_id: 'a-2', _type: 'category', title: 'Published'})
    await client.action({
      actionType: 'sanity.action.document.version.create',
      publishedId: 'a-2',
      baseId: 'a-2',
      versionId: 'versions.r1.a-2',
    } as never)
    expect((await client.getDocument('versions.r1.a-2'))?.title).toBe('Published')
    await client.action({actionType: 'sanity.action.document.version.discard', versionId: 'versions.r1.a-2'} as never)
    expect(await client.getDocument('versions.r1.a-2')).toBeUndefined()
  })

  it('rejects a publish with a stale revision and leaves both documents untouched', async () => {
    await client.create({_id: 'drafts.a-3', _type: 'category', title: 'x'})
    const err = await errorOf(
      client.action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.a-3',
        publishedId: 'a-3',
        ifDraftRevisionId: 'stale',
      } as never),
    )
    expect(err.statusCode).toBe(409)
    expect(await client.getDocument('a-3')).toBeUndefined()
    expect(await client.getDocument('drafts.a-3')).toBeDefined()
  })

  it('records history the document pane can read', async () => {
    const created = await client.create({_id: 'h-1', _type: 'category', title: 'one'})
    const edited = await client.patch('h-1').set({title: 'two'}).commit()
    const res = await fetch(
      `${lake.url}/v2025-02-19/data/history/production/transactions/h-1,drafts.h-1?excludeContent=true&effectFormat=mendoza&reverse=true`,
    )
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.id)).toEqual([edited._rev, created._rev])
    expect(lines[0].effects['h-1'].apply[1].title).toBe('two')
    const at = await client.request<{documents: {title: string}[]}>({
      url: `/data/history/production/documents/h-1?revision=${created._rev}`,
    })
    expect(at.documents[0]!.title).toBe('one')
  })
})

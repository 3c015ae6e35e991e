/** Document ids follow Sanity's rules in every action and mutation that names one. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeProcess, type LakeProcess} from '../support/lake'

let lake: LakeProcess

beforeAll(async () => {
  lake = await startLakeProcess()
})
afterAll(async () => {
  await lake?.stop()
})

interface Refusal {
  statusCode: number
  error: {type: string; description: string; items: {index: number; error: {description: string; id?: string}}[]}
}

async function send(endpoint: 'actions' | 'mutate', body: unknown): Promise<{status: number; body: Refusal}> {
  const response = await fetch(`${lake.url}/v2025-02-19/data/${endpoint}/production`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(body),
  })
  return {status: response.status, body: (await response.json()) as Refusal}
}

const LONG = 'a'.repeat(20_000)
const BAD_IDS: [string, string][] = [
  ['drafts.has space', 'only the characters a-z, A-Z, 0-9, ".", "_" and "-" are allowed'],
  [LONG, 'it is longer than 128 characters'],
  ['../../etc', 'only the characters'],
  ['drafts..etc', 'it has an empty path segment'],
  ['.hidden', 'it has an empty path segment'],
  ['drafts.-dash', 'a path segment starts with "-"'],
  ['caf\u00e9', 'only the characters'],
]

describe('document ids', () => {
  const cases = BAD_IDS.map(([id, reason]) => [id.length > 40 ? `${id.slice(0, 8)}… (${id.length} characters)` : id, id, reason])
  it.each(cases)('refuses the action create of %j with 400 and a truncated id', async (_label, id, reason) => {
    const publishedId = id.replace(/^drafts\./, '')
    const {status, body} = await send('actions', {
      actions: [{actionType: 'sanity.action.document.create', publishedId, attributes: {_id: id, _type: 'note'}}],
    })
    expect(status).toBe(400)
    expect(body.error.type).toBe('actionError')
    const description = body.error.items[0]!.error.description
    expect(description).toContain('Invalid document ID')
    expect(description).toContain(reason)
    expect(description.length).toBeLessThan(300)
    expect(JSON.stringify(body).length).toBeLessThan(1_000)
  })

  it('refuses bad ids in every id-naming action field and in mutations, storing nothing', async () => {
    const actions = [
      {actionType: 'sanity.action.document.create', publishedId: 'has space', attributes: {_type: 'note'}},
      {actionType: 'sanity.action.document.edit', publishedId: '../../etc', patch: {set: {a: 1}}},
      {actionType: 'sanity.action.document.publish', draftId: 'drafts.ok', publishedId: LONG},
      {actionType: 'sanity.action.document.discard', draftId: 'drafts..x'},
      {actionType: 'sanity.action.document.delete', publishedId: 'ok', includeDrafts: ['drafts.has space']},
      {actionType: 'sanity.action.document.version.create', publishedId: 'ok', baseId: 'ok', versionId: 'versions.r 1.ok'},
      {actionType: 'sanity.action.release.create', releaseId: 'has space'},
    ]
    for (const action of actions) {
      const {status, body} = await send('actions', {actions: [action]})
      expect({action: action.actionType, status}).toEqual({action: action.actionType, status: 400})
      expect(body.error.items[0]!.error.description).toContain('Invalid document ID')
    }
    const mutations = [
      {create: {_id: 'drafts.has space', _type: 'note'}},
      {createOrReplace: {_id: LONG, _type: 'note'}},
      {createIfNotExists: {_id: '../../etc', _type: 'note'}},
      {patch: {id: '../../etc', set: {a: 1}}},
      {delete: {id: 'has space'}},
    ]
    for (const mutation of mutations) {
      const {status, body} = await send('mutate', {mutations: [mutation]})
      expect({mutation: Object.keys(mutation)[0], status}).toEqual({mutation: Object.keys(mutation)[0], status: 400})
      expect(body.error.type).toBe('mutationError')
      expect(body.error.items[0]!.error.description).toContain('Invalid document ID')
    }
    expect(await lake.client().fetch('count(*)')).toBe(0)
  })

  it('still accepts the ids the Studio and imports use', async () => {
    const ids = ['drafts.189bc292-e41b-42a0-91b5-bfaa33a34af2', 'animal.mammal.dog', '_.releases.rAbc123', 'a'.repeat(128)]
    for (const id of ids) expect((await send('mutate', {mutations: [{create: {_id: id, _type: 'note'}}]})).status).toBe(200)
    const action = await send('actions', {
      actions: [{actionType: 'sanity.action.document.create', publishedId: 'fresh-1', attributes: {_type: 'note'}}],
    })
    expect(action.status).toBe(200)
    expect(await lake.client().getDocument('drafts.fresh-1')).toBeDefined()
  })
})

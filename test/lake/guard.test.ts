/** The injected commit guard (issue 6's extension point): called for mutations and actions, can veto. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {RunningLake} from '../../lake/server'
import type {Change, GuardContext, LakeUser} from '../../lake/store/types'
import {lakeClient, startGuardedLake} from '../support/lake'

const calls: {changes: Change[]; user: LakeUser; kind: GuardContext['kind']}[] = []
let lake: RunningLake

beforeAll(async () => {
  lake = await startGuardedLake({
    beforeCommit(changes, user, context) {
      calls.push({changes, user, kind: context.kind})
      const blocked = changes.find((c) => c.after && !c.id.startsWith('drafts.') && c.after.status !== 'approved')
      return blocked ? {ok: false, reasons: [`"${blocked.id}" is not approved for publishing`]} : {ok: true}
    },
  })
})
afterAll(() => lake.close())

const client = () => lakeClient(lake, null)

describe('commit guard', () => {
  it('sees before/after and the user for mutations, and lets approved changes through', async () => {
    await client().create({_id: 'g-1', _type: 'story', status: 'approved'})
    const last = calls.at(-1)!
    expect(last.kind).toBe('mutate')
    expect(last.user.id).toBe('local-admin')
    expect(last.changes).toEqual([{id: 'g-1', before: null, after: expect.objectContaining({_id: 'g-1', status: 'approved'})}])
  })

  it('rejects the whole transaction with 409 and the reasons', async () => {
    const err = await client()
      .transaction()
      .create({_id: 'drafts.g-2', _type: 'story'})
      .create({_id: 'g-2', _type: 'story'})
      .commit()
      .catch((e: {statusCode: number; message: string}) => e)
    expect(err).toMatchObject({statusCode: 409})
    expect((err as unknown as Error).message).toContain('"g-2" is not approved for publishing')
    expect(await client().getDocument('drafts.g-2')).toBeUndefined()
  })

  it('runs for actions too (publishing an unapproved draft is refused)', async () => {
    await client().create({_id: 'drafts.g-3', _type: 'story'})
    const err = await client()
      .action({actionType: 'sanity.action.document.publish', draftId: 'drafts.g-3', publishedId: 'g-3'} as never)
      .catch((e: {statusCode: number}) => e)
    expect(err).toMatchObject({statusCode: 409})
    expect(calls.at(-1)!.kind).toBe('action')
    expect(
      calls
        .at(-1)!
        .changes.map((c) => c.id)
        .sort(),
    ).toEqual(['drafts.g-3', 'g-3'])
    expect(await client().getDocument('drafts.g-3')).toBeDefined()
  })
})

describe('guard context', () => {
  it('offers documentsOfType and tells lake import batches apart (administrators only)', async () => {
    const seen: {kind: string; distributors: number}[] = []
    const local = await startGuardedLake({
      beforeCommit(_changes, _user, context) {
        seen.push({kind: context.kind, distributors: context.documentsOfType('distributor').length})
        return {ok: true}
      },
    })
    const post = (token?: string) =>
      fetch(`${local.url}/v2025-02-19/data/mutate/production?lakeImport=true`, {
        method: 'POST',
        headers: {'content-type': 'application/json', ...(token ? {authorization: `Bearer ${token}`} : {})},
        body: JSON.stringify({mutations: [{create: {_type: 'distributor'}}]}),
      })
    expect((await post('lake-admin-token')).status).toBe(200)
    expect((await post('lake-admin-token')).status).toBe(200)
    expect(seen).toEqual([
      {kind: 'import', distributors: 0},
      {kind: 'import', distributors: 1},
    ])
    expect((await post('lake-editor-token')).status).toBe(403)
    // Tokenless requests act as the administrator, but never get the restore's path around review.
    expect((await post()).status).toBe(403)
    await local.close()
  })
})

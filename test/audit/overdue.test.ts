/** `npm run audit -- --overdue` on a lake with the seed import: exit codes for cron, drafts judged, decisions clear it. */
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {assign, decide, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, type LakeProcess} from '../support/lake'
import {runScript} from '../support/run-script'

const DRAFT_ID = 'drafts.pressRelease.000_e42a070e862f161b'
let lake: LakeProcess
let importedAt: number

const audit = (...args: string[]) => runScript('scripts/audit.ts', ['--overdue', ...args], {SANITY_API_HOST: lake.url})
const hoursAfterImport = (hours: number) => new Date(importedAt + hours * 3_600_000).toISOString()

beforeAll(async () => {
  lake = await startLakeProcess()
  const imported = await runScript('scripts/import.ts', [path.join(PROJECT_ROOT, 'seeds')], {SANITY_API_HOST: lake.url})
  expect(imported.code, imported.stderr).toBe(0)
  const draft = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
  importedAt = Date.parse(draft.source!.importedAt!)
})
afterAll(async () => {
  await lake?.stop()
})

describe('npm run audit -- --overdue', () => {
  it('exits 0 while flagged copy is within its time', async () => {
    const result = await audit('--as-of', hoursAfterImport(3.5))
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('No flagged copy is overdue for review')
  })

  it('lists the draft past its due time and exits 1', async () => {
    const result = await audit('--as-of', hoursAfterImport(5))
    expect(result.code, result.stderr).toBe(1)
    expect(result.stdout).toContain(`${DRAFT_ID}  `)
    expect(result.stdout).toContain('(SeaPRwire): due')
    expect(result.stdout).toContain('1 h 0 min late')
    const json = await audit('--as-of', hoursAfterImport(5), '--json')
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      reviewWithinHours: 4,
      overdue: [{id: DRAFT_ID, distributor: 'SeaPRwire', dueAt: hoursAfterImport(4)}],
    })
  })

  it('honours a due time a reviewer moved, with a note', async () => {
    const draft = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
    const moved = assign(
      draft,
      {
        action: 'setDue',
        user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']},
        dueAt: hoursAfterImport(8),
        note: 'Waiting for the distributor',
      },
      {reviewerRoles: ['editor']},
    )
    if (!moved.ok) throw new Error(moved.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(DRAFT_ID).set({review: moved.review}).commit()
    expect((await audit('--as-of', hoursAfterImport(5))).code).toBe(0)
    const late = await audit('--as-of', hoursAfterImport(9), '--json')
    expect(late.code).toBe(1)
    expect(JSON.parse(late.stdout)).toMatchObject({overdue: [{id: DRAFT_ID, dueAt: hoursAfterImport(8)}]})
  })

  it('refuses a time it cannot read, with exit 2', async () => {
    const result = await audit('--as-of', 'tomorrow')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--as-of takes an ISO time')
  })

  it('--notify marks overdue copy once per due time, for the overdue webhook, with a token that may write drafts', async () => {
    const notify = (token: string | undefined, ...args: string[]) =>
      runScript('scripts/audit.ts', ['--overdue', '--notify', ...args], {
        SANITY_API_HOST: lake.url,
        ...(token ? {SANITY_API_TOKEN: token} : {}),
      })
    const tokenless = await notify(undefined)
    expect(tokenless.code).toBe(2)
    expect(tokenless.stderr).toContain('--notify writes a mark on each overdue copy and needs a token that may write drafts')
    const backdated = await notify(LAKE_TOKENS.contributor, '--as-of', hoursAfterImport(9))
    expect(backdated.code).toBe(2)
    expect(backdated.stderr).toContain('--notify marks what is overdue now; leave out --as-of')

    const draft = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
    const dueAt = new Date(Date.now() - 60_000).toISOString()
    const moved = assign(
      draft,
      {action: 'setDue', user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']}, dueAt, note: 'Now'},
      {reviewerRoles: ['editor']},
    )
    if (!moved.ok) throw new Error(moved.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(DRAFT_ID).set({review: moved.review}).commit()

    const viewer = await notify(LAKE_TOKENS.viewer)
    expect(viewer.code).toBe(2)
    expect(viewer.stderr).toContain('the token needs write access to drafts')

    const first = await notify(LAKE_TOKENS.contributor, '--json')
    expect(first.code, first.stderr).toBe(1)
    const marked = JSON.parse(first.stdout)
    expect(marked).toMatchObject({
      ok: false,
      overdue: [{id: DRAFT_ID, dueAt, markedAt: null}],
      marks: [{id: DRAFT_ID, outcome: 'marked'}],
    })
    const stored = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
    expect(stored.review?.assignments?.at(-1)).toMatchObject({action: 'overdue', userId: 'local-contributor', dueAt})

    const second = await notify(LAKE_TOKENS.contributor, '--json')
    expect(second.code).toBe(1)
    expect(JSON.parse(second.stdout)).toMatchObject({
      overdue: [{id: DRAFT_ID, markedAt: stored._updatedAt}],
      marks: [{id: DRAFT_ID, outcome: 'alreadyMarked', at: stored._updatedAt}],
    })
    expect(((await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument)._rev).toBe(stored._rev)
  })

  it('no longer lists copy a reviewer has decided on', async () => {
    const draft = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
    const request = decide(
      draft,
      {
        action: 'requestChanges',
        user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']},
        findings: [],
        note: 'Disclaimer',
      },
      {reviewerRoles: ['editor']},
    )
    if (!request.ok) throw new Error(request.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(DRAFT_ID).set({review: request.review}).commit()
    const result = await audit('--as-of', hoursAfterImport(50))
    expect(result.code, result.stdout).toBe(0)
  })
})

/**
 * `npm run audit` against a lake with no publish gate, standing in for a hosted project
 * where a script with a write token can put anything on a published id. The audit must
 * exit 1 while third-party copy is public without a current approval, and 0 once it is
 * approved.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {contentHash, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {publicReleasesQuery} from '../../queries'
import {
  applyDecision,
  importSeeds,
  publish,
  SEED_DRAFT_ID,
  SEED_PUBLISHED_ID,
  startUngatedLake,
  TOKENS,
  type TestLake,
} from '../support/frontend-lake'
import {runScript} from '../support/run-script'

const DIRECT_ID = 'pressRelease.direct-write'

let lake: TestLake

beforeAll(async () => {
  lake = await startUngatedLake()
  await importSeeds(lake)
})

afterAll(async () => {
  await lake?.stop()
})

function audit(...args: string[]) {
  return runScript('scripts/audit.ts', args, lake.env)
}

async function auditJson() {
  const result = await audit('--json')
  return {
    code: result.code,
    report: JSON.parse(result.stdout) as {ok: boolean; checked: number; problems: Record<string, unknown>[]},
  }
}

describe('npm run audit', () => {
  it('exits 0 when nothing is published', async () => {
    const result = await audit()
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('no published press releases; nothing to do.')
  })

  it('exits 0 after an approved release is published', async () => {
    await applyDecision(lake, {id: SEED_DRAFT_ID, action: 'approve', at: '2026-01-06T09:20:00.000Z'})
    await publish(lake, SEED_DRAFT_ID)
    const {code, report} = await auditJson()
    expect(code).toBe(0)
    expect(report).toMatchObject({ok: true, checked: 1, problems: []})
  })

  it('exits 1 when third-party copy is written to published ids without a current approval', async () => {
    const admin = lake.client(TOKENS.admin)
    const published = (await admin.getDocument(SEED_PUBLISHED_ID)) as PressReleaseDocument & {_id: string}
    const approvedHash = published.review!.contentHash!
    // A direct write to the published body: the stored approval judged other content.
    const edited = await admin
      .patch(SEED_PUBLISHED_ID)
      .set({'body[0].children[0].text': 'Rewritten straight through the API.'})
      .commit<PressReleaseDocument & {_id: string}>()
    // A release published with no approval at all, the review left pending.
    const {_rev, _createdAt, _updatedAt, ...content} = published as unknown as Record<string, unknown>
    await admin.createOrReplace({
      ...content,
      _id: DIRECT_ID,
      _type: 'pressRelease',
      slug: {_type: 'slug', current: 'direct-write'},
      review: {_type: 'editorialReview', status: 'pending', thirdParty: true},
    })

    const {code, report} = await auditJson()
    expect(code).toBe(1)
    expect(report.ok).toBe(false)
    expect(report.checked).toBe(2)
    expect(
      report.problems.map(({id, problem, status, thirdPartyBy, approvedHash, currentHash}) => ({
        id,
        problem,
        status,
        thirdPartyBy,
        approvedHash,
        currentHash,
      })),
    ).toEqual([
      {
        id: SEED_PUBLISHED_ID,
        problem: 'approvalOutdated',
        status: 'approved',
        thirdPartyBy: 'review',
        approvedHash,
        currentHash: contentHash(edited),
      },
      {
        id: DIRECT_ID,
        problem: 'neverApproved',
        status: 'pending',
        thirdPartyBy: 'review',
        approvedHash: null,
        currentHash: contentHash({...published, review: undefined}),
      },
    ])
    expect(approvedHash).not.toBe(contentHash(edited))
    // What changed since the approval, from the approved revision in the History API.
    const firstParagraph = (published.body![0] as {children: {text: string}[]}).children[0]!.text
    expect(report.problems[0]!.changesSinceApproval).toEqual([
      {
        field: 'body',
        kind: 'body',
        paragraphs: [
          {
            kind: 'changed',
            index: 0,
            marks: [],
            parts: expect.arrayContaining([
              {kind: 'removed', text: expect.stringContaining(firstParagraph.split(' ')[0]!)},
              {kind: 'added', text: expect.stringContaining('Rewritten straight through the API.'.split(' ')[0]!)},
            ]),
          },
        ],
      },
    ])
  })

  it('says what to do in its plain output', async () => {
    const result = await audit()
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('2 of 2 published press releases are public without a current, verified editorial approval.')
    expect(result.stdout).toContain(`- ${DIRECT_ID} "`)
    expect(result.stdout).toContain('Third-party copy published without any approval.')
    expect(result.stdout).toContain('Approval outdated: the published content changed after it was approved.')
    expect(result.stdout).toContain('  Changed since the approval:\n    body:\n      paragraph 1: ')
    expect(result.stdout).toContain('{+Rewritten straight through the API+}.')
    expect(result.stdout).toContain('What to do: Unpublish it now')
    expect(result.stderr).toBe('')
  })

  it('the public queries hide the never-approved one; only the audit can see the stale one', async () => {
    const reader = lake.client(TOKENS.editor).withConfig({perspective: 'published'})
    const list = await reader.fetch(publicReleasesQuery, {start: 0, end: 10, language: null, category: null, distributor: null})
    // GROQ cannot hash content, so a direct write behind an approval reads as approved
    // there: the reason the audit exists (queries/fragments.ts, PASSES_GATE).
    expect(list.items.map((item) => item._id)).toEqual([SEED_PUBLISHED_ID])
  })

  it('catches third-party copy written without its review flag, through the detection rules', async () => {
    const admin = lake.client(TOKENS.admin)
    const {_rev, _createdAt, _updatedAt, review, distributor, disclaimer, ...content} = (await admin.getDocument(
      DIRECT_ID,
    )) as Record<string, unknown>
    await admin.createOrReplace({
      ...content,
      _id: 'pressRelease.unflagged',
      _type: 'pressRelease',
      slug: {_type: 'slug', current: 'unflagged'},
    })
    const {report} = await auditJson()
    expect(report.problems.find((problem) => problem.id === 'pressRelease.unflagged')).toMatchObject({
      problem: 'neverApproved',
      thirdPartyBy: 'detection',
    })
    const trusting = await audit('--json', '--no-detect')
    expect((JSON.parse(trusting.stdout) as {problems: {id: string}[]}).problems.map((problem) => problem.id)).not.toContain(
      'pressRelease.unflagged',
    )
    await admin.delete('pressRelease.unflagged')
  })

  it('exits 0 once the releases are approved', async () => {
    // A reviewer approves the content as it is now, on each published document.
    await applyDecision(lake, {
      id: SEED_PUBLISHED_ID,
      action: 'approve',
      note: 'Checked the API edit.',
      at: '2026-01-07T08:00:00.000Z',
    })
    await applyDecision(lake, {id: DIRECT_ID, action: 'approve', at: '2026-01-07T08:05:00.000Z'})
    const {code, report} = await auditJson()
    expect(code).toBe(0)
    expect(report).toMatchObject({ok: true, checked: 2, problems: []})
    const plain = await audit()
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain('all 2 published press releases may be public')
  })

  it('exits 2 with a clear message when the target does not answer', async () => {
    const result = await runScript('scripts/audit.ts', ['--json'], {SANITY_API_HOST: 'http://127.0.0.1:9'})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'Audit could not run: reading published press releases from local lake http://127.0.0.1:9, dataset production failed',
    )
    expect(JSON.parse(result.stdout)).toMatchObject({ok: false})
  })

  it('exits 2 on a bad option', async () => {
    const result = await audit('--page-size', 'lots')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--page-size takes a whole number above 0, not "lots".')
  })
})

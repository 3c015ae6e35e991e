/**
 * `npm run audit` verifies every published approval against the History API, on a real
 * lake process (the CLI's own, publication gate included) with the real `@sanity/client`.
 * Forged approvals arrive the way they can on a hosted project or after a restore: as
 * NDJSON-shaped batches the administrator restores with `?lakeImport=true&allowUnreviewed=true`,
 * the lake's restore path, which no review check stands in front of. Each forgery must be
 * named with its kind; a release approved and published the proper way must not be.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {contentHash, decide, type PressReleaseDocument, type ReviewUser} from '../../plugins/editorial-review/core'
import {
  applyDecision,
  importSeeds,
  publish,
  SEED_DRAFT_ID,
  startLakeProcess,
  TOKENS,
  type TestLake,
} from '../support/frontend-lake'
import {runScript} from '../support/run-script'

type Stored = PressReleaseDocument & {_id: string; _type: string}

const CONTRIBUTOR: ReviewUser = {id: 'local-contributor', name: 'Local Contributor', roles: ['contributor']}
const EDITOR: ReviewUser = {id: 'local-editor', name: 'Local Editor', roles: ['editor']}

const ID = {
  nonReviewer: 'pressRelease.forged-non-reviewer',
  attributed: 'pressRelease.forged-attributed',
  selfApproval: 'pressRelease.forged-self-approval',
  copiedHash: 'pressRelease.forged-copied-hash',
  postdated: 'pressRelease.forged-postdated',
  notRecorded: 'pressRelease.forged-not-recorded',
  legitimate: 'pressRelease.approved-properly',
} as const

let lake: TestLake
let seed: Stored

/** The seed release's content under another id, without its review: whoever writes it is its author. */
function copy(id: string, changes: Partial<PressReleaseDocument> = {}): Stored {
  const {_rev, _createdAt, _updatedAt, review, ...content} = seed
  const slug = id.replace(/^(drafts\.)?pressRelease\./, '')
  return {...content, _id: id, slug: {_type: 'slug', current: slug}, ...changes}
}

/** A review with one approval as the rules module writes it, by whoever `user` claims to be. */
function approvedBy(document: Stored, user: ReviewUser, at: string): Stored {
  const result = decide(document, {action: 'approve', user, now: at, findings: []}, {reviewerRoles: user.roles})
  if (!result.ok) throw new Error(result.reason)
  return {...document, review: {...result.review, thirdParty: true}}
}

/** The lake's restore path, as `npm run lake -- import --replace` sends a batch, as the administrator. */
async function restore(...documents: Stored[]): Promise<void> {
  await lake.client(TOKENS.admin).request({
    method: 'POST',
    uri: '/data/mutate/production',
    query: {lakeImport: 'true', allowUnreviewed: 'true'},
    body: {mutations: documents.map((document) => ({createOrReplace: document}))},
  })
}

async function getDocument(id: string): Promise<Stored> {
  const document = await lake.client(TOKENS.admin).getDocument<Stored>(id)
  if (!document) throw new Error(`no document ${id}`)
  return document
}

/** A draft written by the administrator, then approved by the editor with the editor's own token. */
async function approvedDraft(id: string): Promise<Stored> {
  await lake.client(TOKENS.admin).createOrReplace(copy(`drafts.${id}`))
  await applyDecision(lake, {id: `drafts.${id}`, action: 'approve', at: new Date().toISOString()})
  return getDocument(`drafts.${id}`)
}

function published(draft: Stored): Stored {
  const {_rev, _createdAt, _updatedAt, ...content} = draft
  return {...content, _id: draft._id.replace(/^drafts\./, '')}
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

beforeAll(async () => {
  lake = await startLakeProcess()
  await importSeeds(lake)
  seed = await getDocument(SEED_DRAFT_ID)

  // Approved the proper way: the administrator's copy, the editor's approval with the
  // editor's token, published through the actions API.
  await approvedDraft(ID.legitimate)
  await publish(lake, `drafts.${ID.legitimate}`)

  // A contributor cannot approve; the restore says one did.
  await restore(approvedBy(copy(ID.nonReviewer), CONTRIBUTOR, minutesAgo(1)))
  // The editor never wrote this approval; the administrator's restore did.
  await restore(approvedBy(copy(ID.attributed), EDITOR, minutesAgo(1)))

  // The editor writes the copy through a normal draft mutation; an approval "by the
  // editor" is then restored onto that draft and the release restored as published.
  const selfDraft = `drafts.${ID.selfApproval}`
  await lake.client(TOKENS.editor).createOrReplace(copy(selfDraft, {title: 'Rewritten by the editor'}))
  const selfApproved = approvedBy(await getDocument(selfDraft), EDITOR, minutesAgo(0))
  await restore(selfApproved)
  await restore(published(selfApproved))

  // A real approval of the draft, carried onto other content with its hash recomputed.
  const approved = await approvedDraft(ID.copiedHash)
  const other = {...published(approved), title: 'Content nobody approved'}
  const hash = contentHash(other)
  const decisions = approved.review!.decisions!.map((decision) => ({...decision, contentHash: hash}))
  await restore({...other, review: {...approved.review!, contentHash: hash, decisions}})

  // A real approval, dated into the future by the restore.
  const dated = await approvedDraft(ID.postdated)
  const future = dated.review!.decisions!.map((decision) => ({...decision, at: '2099-01-01T00:00:00.000Z'}))
  await restore({...published(dated), review: {...dated.review!, decisions: future}})

  // Approved status and hash with no decision at all.
  const bare = copy(ID.notRecorded)
  await restore({
    ...bare,
    review: {_type: 'editorialReview', status: 'approved', thirdParty: true, contentHash: contentHash(bare)},
  })
}, 120_000)

afterAll(async () => {
  await lake?.stop()
})

interface Report {
  ok: boolean
  checked: number
  problems: {id: string; problem: string; reasons: string[]}[]
  unverified: unknown[]
}

describe('npm run audit verifies published approvals against the History API', () => {
  let json: {code: number | null; report: Report}
  let plain: {code: number | null; stdout: string}

  beforeAll(async () => {
    const [result, text] = await Promise.all([
      runScript('scripts/audit.ts', ['--json'], lake.env),
      runScript('scripts/audit.ts', [], lake.env),
    ])
    json = {code: result.code, report: JSON.parse(result.stdout) as Report}
    plain = text
  }, 60_000)

  const kindsOf = (id: string) => json.report.problems.filter((problem) => problem.id === id).map(({problem}) => problem)

  it('exits 1 and reads every published release', () => {
    expect(json.code).toBe(1)
    expect(json.report).toMatchObject({ok: false, checked: Object.keys(ID).length, unverified: []})
    expect(plain.code).toBe(1)
  })

  it('names a decision by a non-reviewer, which the restore wrote', () => {
    expect(kindsOf(ID.nonReviewer)).toEqual(['approverNotReviewer', 'forgedApproval'])
  })

  it('names a decision attributed to the editor but written by the administrator', () => {
    expect(kindsOf(ID.attributed)).toEqual(['forgedApproval'])
    const forged = json.report.problems.find((problem) => problem.id === ID.attributed)!
    expect(forged.reasons[0]).toMatch(
      /names local-editor; transaction \w+ on pressRelease\.forged-attributed .* by local-admin\./,
    )
  })

  it('names a self-approval by the copy’s last editor', () => {
    expect(kindsOf(ID.selfApproval)).toEqual(['forgedApproval', 'fourEyesViolated'])
  })

  it('names a real approval whose hash was recomputed onto other content', () => {
    expect(kindsOf(ID.copiedHash)).toEqual(['approvalHashMismatch'])
  })

  it('names a decision dated after the transaction that wrote it', () => {
    expect(kindsOf(ID.postdated)).toEqual(['approvalPostdated'])
  })

  it('names an approved status with no decision behind it', () => {
    expect(kindsOf(ID.notRecorded)).toEqual(['approvalNotRecorded'])
  })

  it('does not report the release approved and published the proper way', () => {
    expect(kindsOf(ID.legitimate)).toEqual([])
  })

  it('still names an approved status with no decision behind it without the History API (--no-history)', async () => {
    const result = await runScript('scripts/audit.ts', ['--json', '--no-history'], lake.env)
    const report = JSON.parse(result.stdout) as Report
    expect(result.code).toBe(1)
    expect(report.problems.map(({id, problem}) => ({id, problem}))).toEqual([
      {id: ID.notRecorded, problem: 'approvalNotRecorded'},
    ])
  })

  it('lists each one with its kind in the plain output', () => {
    expect(plain.stdout).toContain(`6 of 7 published press releases are public without a current, verified editorial approval.`)
    for (const [id, kind] of [
      [ID.nonReviewer, 'approverNotReviewer'],
      [ID.attributed, 'forgedApproval'],
      [ID.selfApproval, 'fourEyesViolated'],
      [ID.copiedHash, 'approvalHashMismatch'],
      [ID.postdated, 'approvalPostdated'],
      [ID.notRecorded, 'approvalNotRecorded'],
    ]) {
      const entry = plain.stdout.slice(plain.stdout.indexOf(`- ${id} `)).split('\n\n')[0]!
      expect(entry, id).toContain(`[${kind}]`)
    }
    expect(plain.stdout).not.toContain(ID.legitimate)
  })
})

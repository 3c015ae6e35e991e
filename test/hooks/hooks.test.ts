/**
 * `npm run hooks` against a real lake: idempotent registration, administrators only, and
 * the end-to-end path: a flagged import reaches a loopback receiver as a signed,
 * Slack-shaped message, and so do the review decisions and the edit that outdates an approval.
 */
import path from 'node:path'
import {isValidSignature} from '@sanity/webhook'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {assign, decide, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import type {WebhookDefinition} from '../../lake/webhooks/types'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, type LakeProcess} from '../support/lake'
import {startReceiver, type ReceivedRequest, type Receiver} from '../support/receiver'
import {runScript} from '../support/run-script'

const RELEASE_ID = 'pressRelease.000_e42a070e862f161b'
const DRAFT_ID = `drafts.${RELEASE_ID}`
const SECRET = 'desk-signing-secret'
const reviewer = {id: 'local-editor', name: 'Local Editor', roles: ['editor']}

let lake: LakeProcess
let receiver: Receiver
const env = () => ({SANITY_API_HOST: lake.url, SANITY_API_TOKEN: LAKE_TOKENS.administrator, PRESSROOM_HOOK_SECRET: SECRET})
const listHooks = () =>
  lake.client({token: LAKE_TOKENS.administrator}).request<WebhookDefinition[]>({uri: '/hooks/projects/pressroom'})

beforeAll(async () => {
  ;[lake, receiver] = await Promise.all([startLakeProcess(), startReceiver()])
})
afterAll(async () => {
  await Promise.all([lake?.stop(), receiver?.close()])
})

interface SlackMessage {
  text: string
  blocks: [{type: 'section'; text: {type: 'mrkdwn'; text: string}}, {type: 'context'; elements: [{type: 'mrkdwn'; text: string}]}]
}

async function slackMessage(request: ReceivedRequest): Promise<SlackMessage> {
  expect(await isValidSignature(request.body, request.headers['sanity-webhook-signature'] as string, SECRET)).toBe(true)
  return JSON.parse(request.body) as SlackMessage
}

describe('npm run hooks', () => {
  it('registers the review webhooks once: a second run changes nothing', async () => {
    const first = await runScript('scripts/hooks.ts', ['--url', receiver.url], env())
    expect(first.code, first.stderr).toBe(0)
    const names = ['needs-review', 'changes-requested', 'approved', 'approval-outdated', 'assigned-to-you', 'overdue'].map(
      (key) => `Pressroom review: ${key}`,
    )
    for (const name of names) expect(first.stdout).toContain(`created   ${name}`)
    expect(first.stdout).not.toContain('skipped')
    expect(first.stdout + first.stderr).not.toContain(SECRET)
    const registered = await listHooks()
    expect(registered.map((hook) => hook.name).sort()).toEqual([...names].sort())

    const second = await runScript('scripts/hooks.ts', ['--url', receiver.url], env())
    expect(second.code, second.stderr).toBe(0)
    for (const name of names) expect(second.stdout).toContain(`unchanged ${name}`)
    expect(await listHooks()).toEqual(registered)
  })

  it('updates in place when an option changes, without duplicates', async () => {
    const before = await listHooks()
    const moved = await runScript(
      'scripts/hooks.ts',
      ['--url', receiver.url, '--studio-url', 'https://studio.example.org'],
      env(),
    )
    expect(moved.code, moved.stderr).toBe(0)
    expect(moved.stdout.match(/^updated /gm)).toHaveLength(6)
    const after = await listHooks()
    expect(after.map((hook) => hook.id).sort()).toEqual(before.map((hook) => hook.id).sort())
    expect(after.every((hook) => hook.rule.projection!.includes('https://studio.example.org/intent/edit/id='))).toBe(true)
    const back = await runScript('scripts/hooks.ts', ['--url', receiver.url], env())
    expect(back.stdout.match(/^updated /gm)).toHaveLength(6)
  })

  it("refuses an editor's token and says which token it needs", async () => {
    const refused = await runScript('scripts/hooks.ts', ['--url', receiver.url], {...env(), SANITY_API_TOKEN: LAKE_TOKENS.editor})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('only administrators may manage webhooks')
    expect(refused.stderr).toContain('lake-admin-token on the local lake')
  })

  it('refuses a delivery URL that is not http(s)', async () => {
    const refused = await runScript('scripts/hooks.ts', ['--url', 'ftp://example.org/x'], env())
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--url must use http or https')
  })

  it('delivers a flagged import, the decisions and the edit that outdates an approval as signed Slack messages', async () => {
    const imported = await runScript('scripts/import.ts', [path.join(PROJECT_ROOT, 'seeds')], {SANITY_API_HOST: lake.url})
    expect(imported.code, imported.stderr).toBe(0)
    const [flagged] = await receiver.received(1)
    expect(flagged!.headers).toMatchObject({'sanity-operation': 'create', 'sanity-document-id': DRAFT_ID})
    const draft = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
    const needsReview = await slackMessage(flagged!)
    expect(needsReview.text).toBe(`Needs review: ${draft.title}`)
    expect(needsReview.blocks[0].text.text).toBe(
      `*Needs review*\n<http://localhost:3333/intent/edit/id=${RELEASE_ID};type=pressRelease|${draft.title}>`,
    )
    expect(needsReview.blocks[1].elements[0].text).toBe('Distributor: SeaPRwire · Status: Needs review · By: the import')

    const approval = decide(draft, {action: 'approve', user: reviewer, findings: []}, {reviewerRoles: ['editor']})
    if (!approval.ok) throw new Error(approval.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(DRAFT_ID).set({review: approval.review}).commit()
    const approved = await slackMessage((await receiver.received(2))[1]!)
    expect(approved.text).toBe(`Approved: ${draft.title}`)
    expect(approved.blocks[1].elements[0].text).toBe('Distributor: SeaPRwire · Status: Approved · By: Local Editor')

    const admin = lake.client({token: LAKE_TOKENS.administrator})
    await admin.patch(DRAFT_ID).set({title: 'Retitled <!channel> & co'}).commit()
    const outdated = await slackMessage((await receiver.received(3))[2]!)
    // Slack's control sequences arrive escaped: no channel ping, no broken link.
    expect(outdated.text).toBe('Approval outdated: Retitled &lt;!channel&gt; &amp; co')
    expect(outdated.blocks[1].elements[0].text).toContain('By: an edit')

    // A further edit is not a transition: the next message is the change request.
    await admin.patch(DRAFT_ID).set({title: 'Retitled again'}).commit()
    const current = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
    const request = decide(
      current,
      {action: 'requestChanges', user: reviewer, findings: [], note: 'Add the disclaimer'},
      {reviewerRoles: ['editor']},
    )
    if (!request.ok) throw new Error(request.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(DRAFT_ID).set({review: request.review}).commit()
    const changes = await slackMessage((await receiver.received(4))[3]!)
    expect(changes.text).toBe('Changes requested: Retitled again')
    expect(changes.blocks[1].elements[0].text).toBe('Distributor: SeaPRwire · Status: Changes requested · By: Local Editor')

    // An assignment names whom it is for; a due-time change and an unassignment notify no one.
    const assignNow = async (token: string, input: Parameters<typeof assign>[1]) => {
      const current = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
      const result = assign(current, input, {reviewerRoles: ['administrator', 'editor']})
      if (!result.ok) throw new Error(result.reason)
      await lake.client({token}).patch(DRAFT_ID).set({review: result.review}).commit()
    }
    const admin2 = {id: 'local-admin', name: 'Local Administrator', roles: ['administrator']}
    await assignNow(LAKE_TOKENS.editor, {action: 'assign', user: reviewer, assignee: admin2})
    const assigned = await slackMessage((await receiver.received(5))[4]!)
    expect(assigned.text).toBe('Assigned to you: Retitled again')
    expect(assigned.blocks[1].elements[0].text).toBe(
      'Distributor: SeaPRwire · Status: Changes requested · By: Local Editor · To: Local Administrator',
    )
    await assignNow(LAKE_TOKENS.administrator, {action: 'setDue', user: admin2, dueAt: new Date(), note: 'Today'})
    await assignNow(LAKE_TOKENS.administrator, {action: 'unassign', user: admin2})
    await assignNow(LAKE_TOKENS.editor, {action: 'claim', user: reviewer})
    const claimed = await slackMessage((await receiver.received(6))[5]!)
    expect(claimed.blocks[1].elements[0].text).toContain('By: Local Editor · To: Local Editor')
    expect(receiver.requests).toHaveLength(6)
  })

  it('delivers an overdue release once: the cron marks it, the overdue hook sends a signed Slack message, a second run sends nothing', async () => {
    const draft = (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument
    // Sent back to review, then a reviewer moves the due time into the past: overdue now.
    const reopen = decide(draft, {action: 'reopen', user: reviewer, findings: [], note: 'Fixed'}, {reviewerRoles: ['editor']})
    if (!reopen.ok) throw new Error(reopen.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(DRAFT_ID).set({review: reopen.review}).commit()
    const reopened = await slackMessage((await receiver.received(7))[6]!)
    expect(reopened.text).toBe('Needs review: Retitled again')
    const dueAt = new Date(Date.now() - 60_000).toISOString()
    const late = assign(
      (await lake.client().getDocument(DRAFT_ID)) as PressReleaseDocument,
      {action: 'setDue', user: reviewer, dueAt, note: 'Embargo lifted'},
      {reviewerRoles: ['editor']},
    )
    if (!late.ok) throw new Error(late.reason)
    await lake.client({token: LAKE_TOKENS.editor}).patch(DRAFT_ID).set({review: late.review}).commit()

    const cron = () =>
      runScript('scripts/audit.ts', ['--overdue', '--notify'], {
        SANITY_API_HOST: lake.url,
        SANITY_API_TOKEN: LAKE_TOKENS.contributor,
      })
    const first = await cron()
    expect(first.code, first.stderr).toBe(1)
    expect(first.stdout).toContain(`marked    ${DRAFT_ID}`)
    const [request] = (await receiver.received(8)).slice(7)
    expect(request!.headers).toMatchObject({'sanity-operation': 'update', 'sanity-document-id': DRAFT_ID})
    const overdue = await slackMessage(request!)
    expect(overdue.text).toBe('Overdue: Retitled again')
    expect(overdue.blocks[0].text.text).toBe(
      `*Overdue*\n<http://localhost:3333/intent/edit/id=${RELEASE_ID};type=pressRelease|Retitled again>`,
    )
    expect(overdue.blocks[1].elements[0].text).toBe(
      `Distributor: SeaPRwire · Status: Needs review · Due: ${dueAt} · Assigned to: Local Editor`,
    )

    const marked = await lake.client().getDocument(DRAFT_ID)
    const second = await cron()
    expect(second.code, second.stderr).toBe(1)
    expect(second.stdout).toContain(`unchanged ${DRAFT_ID} (marked ${marked!._updatedAt})`)
    expect(second.stdout).toContain('0 marked.')
    // Nothing written, so nothing for a webhook to deliver.
    expect((await lake.client().getDocument(DRAFT_ID))!._rev).toBe(marked!._rev)
    const [overdueHook] = (await listHooks()).filter((hook) => hook.name === 'Pressroom review: overdue')
    const attempts = await lake
      .client({token: LAKE_TOKENS.administrator})
      .request<unknown[]>({uri: `/hooks/projects/pressroom/${overdueHook!.id}/attempts`})
    expect(attempts).toHaveLength(1)
    expect(receiver.requests).toHaveLength(8)
  })
})

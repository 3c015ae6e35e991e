/**
 * Webhooks must not slow commits down (issue #15 item 3): the median latency of single-document
 * commits over HTTP on a lake of 20,000 documents, with the four review webhooks of `npm run hooks`
 * registered and matching every commit, against the same lake with none, in the same run. The
 * receiver takes 200 ms per answer, so a commit that waited for deliveries would show it.
 * Prints the ratio and the target; asserts nothing.
 */
import fs from 'node:fs'
import {spawn} from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import {DEFAULT_USERS} from '../lake/auth/users'
import {parseArgs, serveOptions} from '../lake/cli'
import {startLake} from '../lake/server'
import {reviewHooks} from '../scripts/hooks/definitions'
import {lakeClient} from '../test/support/lake'
import {medianMs} from './timing'

const DOCUMENTS = 20_000
const COMMITS = 200
/**
 * Commits with webhooks may take at most this much longer than without: matching, signing and
 * sending share the lake's one thread with the commits (about 0.3 ms of GROQ and HMAC per
 * commit here, plus the HTTP client's work), but no commit waits for a delivery.
 */
const TARGET_RATIO = 1.5
const RECEIVER_DELAY_MS = 200

/** A flagged draft as the import writes it, so the review hooks' filters match each one. */
const flaggedDraft = (i: number) => ({
  _id: `drafts.pressRelease.bench-${i}`,
  _type: 'pressRelease',
  title: `Release ${i}`,
  source: {importedAt: new Date().toISOString()},
  review: {_type: 'editorialReview', status: 'pending', thirdParty: true},
})

/**
 * One lake, three phases of commits: without webhooks, with the review webhooks, without
 * again. The baseline is the mean of the first and last, so drift on a busy machine (the
 * dataset growing, other processes) falls on both sides.
 */
async function commitLatencies(receiverUrl: string): Promise<{without: number; withHooks: number; delivered: number}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-webhooks-'))
  const lake = await startLake(serveOptions(parseArgs(['--port', '0', '--data', dir])))
  try {
    const admin = DEFAULT_USERS.find((user) => user.role === 'administrator')!
    await lake.store.commit('production', admin, {kind: 'import'}, (ws) => {
      for (let i = 0; i < DOCUMENTS; i++) ws.put(`note-${i}`, {_id: `note-${i}`, _type: 'note', title: `Note ${i}`})
    })
    const client = lakeClient(lake, admin.token)
    const phase = (offset: number) => medianMs(COMMITS, (i) => client.create(flaggedDraft(offset + i)))
    const before = await phase(0)
    const hooks = reviewHooks({
      url: receiverUrl,
      dataset: 'production',
      types: ['pressRelease'],
      studioUrl: 'http://localhost:3333',
      secret: 'bench',
      decisionTimes: 'commit',
      reviewWithinHours: 4,
    })
    const ids: string[] = []
    for (const hook of hooks)
      ids.push((await client.request<{id: string}>({uri: '/hooks/projects/pressroom', method: 'POST', body: hook})).id)
    const withHooks = await phase(COMMITS)
    const messages = await client.request<unknown[]>({uri: `/hooks/projects/pressroom/${ids[0]}/messages`})
    for (const id of ids) await client.request({uri: `/hooks/projects/pressroom/${id}`, method: 'DELETE'})
    const after = await phase(2 * COMMITS)
    return {without: (before + after) / 2, withHooks, delivered: messages.length}
  } finally {
    await lake.close()
    fs.rmSync(dir, {recursive: true, force: true})
  }
}

/** The receiver runs in its own process, as a real one would, so its work does not count as the lake's. */
async function startReceiverProcess(): Promise<{url: string; stop: () => void}> {
  const code = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => setTimeout(() => s.end('ok'), ${RECEIVER_DELAY_MS})) })
    .listen(0, '127.0.0.1', function () { console.log(this.address().port) })`
  const child = spawn(process.execPath, ['-e', code], {stdio: ['ignore', 'pipe', 'inherit']})
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())),
  )
  return {url: `http://127.0.0.1:${port}/`, stop: () => child.kill()}
}

export async function benchWebhooks(): Promise<void> {
  const receiver = await startReceiverProcess()
  const url = receiver.url
  try {
    const {without, withHooks, delivered} = await commitLatencies(url)
    const ratio = withHooks / without
    console.log(`  needs-review messages made: ${delivered} of ${COMMITS} commits`)
    console.log(`  commit median without webhooks: ${without.toFixed(2)} ms (${DOCUMENTS} documents, ${COMMITS} commits)`)
    console.log(
      `  commit median with the 4 review webhooks (receiver answers in ${RECEIVER_DELAY_MS} ms): ${withHooks.toFixed(2)} ms`,
    )
    console.log(
      `  commits wait for deliveries: ${withHooks < RECEIVER_DELAY_MS ? 'no' : 'YES'} (target: median well under the receiver's ${RECEIVER_DELAY_MS} ms)`,
    )
    console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'MISSED'}`)
  } finally {
    receiver.stop()
  }
}

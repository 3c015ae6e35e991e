/**
 * Lakes for the front-end, audit and query tests (issue 7): a real lake on a random
 * port, a real @sanity/client, the real seed import, and the review steps an editor
 * takes (decide with the rules module, patch, publish through the actions API).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {SanityClient} from '@sanity/client'
import {REVIEW_POLICY} from '../../config/reviewPolicy'
import {createTargetClient, resolveTarget} from '../../config/target'
import {
  decide,
  detect,
  detectContextFor,
  DEFAULT_REVIEWER_ROLES,
  type DetectContext,
  type PressReleaseDocument,
  type ReviewAction,
  type ReviewUser,
} from '../../plugins/editorial-review/core'
import {distributorsForImportQuery} from '../../queries/import'
import {runImport, type ImportSummary} from '../../scripts/import/run'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess as spawnLake} from './lake'

export const ROOT = PROJECT_ROOT

/** Tokens of the lake's built-in users (lake/auth/users.ts). */
export const TOKENS = {
  admin: LAKE_TOKENS.administrator,
  editor: LAKE_TOKENS.editor,
  contributor: LAKE_TOKENS.contributor,
} as const

/** The built-in editor, a reviewer by the default roles. */
export const REVIEWER: ReviewUser = {id: 'local-editor', name: 'Local Editor', roles: ['editor']}

/** The seed file's release ids. */
export const SEED_DRAFT_ID = 'drafts.pressRelease.000_e42a070e862f161b'
export const SEED_PUBLISHED_ID = 'pressRelease.000_e42a070e862f161b'

export interface TestLake {
  /** http://127.0.0.1:<port> */
  url: string
  /** A client as the given user (the admin by default). */
  client(token?: string): SanityClient
  /** Environment that points scripts (import, audit, web) at this lake. */
  env: Record<string, string>
  stop(): Promise<void>
}

function clientFor(url: string, token: string): SanityClient {
  return createTargetClient(resolveTarget({SANITY_API_HOST: url, SANITY_API_TOKEN: token}))
}

/** The same face for either kind of lake; stopping also removes its data directory. */
function testLake(url: string, dataDir: string, close: () => Promise<unknown>): TestLake {
  return {
    url,
    client: (token = TOKENS.admin) => clientFor(url, token),
    env: {SANITY_API_HOST: url},
    stop: async () => {
      await close()
      fs.rmSync(dataDir, {recursive: true, force: true})
    },
  }
}

/**
 * `npm run lake` as a child process on a free port (test/support/lake.ts), with
 * whatever publish gate the lake's CLI wires: the deployment the Studio talks to.
 */
export async function startLakeProcess(): Promise<TestLake> {
  const lake = await spawnLake()
  return testLake(lake.url, lake.dataDir, () => lake.stop())
}

/** A fixed clock, so imported timestamps are part of the exact expectations. */
export const IMPORT_TIME = '2026-01-05T08:00:00.000Z'

/** Runs the real seed import in-process against the lake. */
export async function importSeeds(lake: TestLake): Promise<ImportSummary> {
  const quiet = {file: () => {}, note: () => {}, done: () => {}}
  return runImport({
    paths: [path.join(ROOT, 'seeds')],
    target: {kind: 'client', client: lake.client()},
    dryRun: false,
    batchSize: 100,
    progress: quiet,
    now: () => new Date(IMPORT_TIME),
    policy: REVIEW_POLICY,
  })
}

/** The detection context a reviewer's Studio would build: the dataset's distributors. */
export async function detectContext(client: SanityClient): Promise<DetectContext> {
  return detectContextFor(REVIEW_POLICY, await client.fetch(distributorsForImportQuery, {}, {perspective: 'raw'}))
}

export interface DecisionStep {
  /** Document to decide on (a draft, or a published id to emulate a direct write). */
  id: string
  action: ReviewAction
  /** Required for requestChanges and reject. */
  note?: string
  /** Decision time. */
  at: string
  /** Who writes the patch; the reviewer's own token by default. */
  token?: string
}

/** What the review actions do: `decide()` on the current document, then patch the review onto it. */
export async function applyDecision(lake: TestLake, step: DecisionStep): Promise<PressReleaseDocument> {
  const client = lake.client(step.token ?? TOKENS.editor)
  const document = await client.getDocument<PressReleaseDocument & {_id: string; _type: string}>(step.id)
  if (!document) throw new Error(`applyDecision: no document ${step.id}`)
  const findings = detect(document, await detectContext(client))
  const result = decide(
    document,
    {action: step.action, user: REVIEWER, now: step.at, findings, ...(step.note ? {note: step.note} : {})},
    {reviewerRoles: DEFAULT_REVIEWER_ROLES},
  )
  if (!result.ok) throw new Error(`applyDecision ${step.action} on ${step.id} refused: ${result.reason}`)
  return client.patch(step.id).set({review: result.review}).commit()
}

/** Publishes a draft through the actions API, as the Studio's Publish does. */
export async function publish(lake: TestLake, draftId: string, token: string = TOKENS.editor): Promise<void> {
  const publishedId = draftId.replace(/^drafts\./, '')
  await lake.client(token).action({actionType: 'sanity.action.document.publish', draftId, publishedId})
}

/**
 * A lake in this process with no publish gate at all: the stand-in for a hosted
 * project, where a script with a write token can put anything on a published id. The
 * audit exists for exactly that case, so its tests need a lake that allows it whatever
 * gate the lake's CLI wires by default.
 */
export async function startUngatedLake(): Promise<TestLake> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-ungated-'))
  const {parseArgs, serveOptions} = await import('../../lake/cli')
  const {startLake} = await import('../../lake/server')
  const running = await startLake({...serveOptions(parseArgs(['--port', '0', '--data', dataDir])), guard: undefined})
  return testLake(running.url, dataDir, () => running.close())
}

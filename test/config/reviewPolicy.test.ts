/**
 * One review policy: a rule added to it changes the verdict wherever copy is judged.
 * Here the Studio's assessment, schema validation and the lake's guard; the import
 * (test/import) and the audit (test/audit/run.test.ts) show it for their own runs.
 */
import fs from 'node:fs'
import type {ValidationContext} from 'sanity'
import {afterAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../config/reviewPolicy'
import {DEFAULT_USERS} from '../../lake/auth/users'
import {editorialReviewGuard} from '../../lake/guards/editorialReview'
import type {RunningLake} from '../../lake/server'
import {
  detectContextFor,
  evidenceIn,
  resolvePolicy,
  type Finding,
  type PressReleaseDocument,
  type ReviewPolicy,
  type Rule,
} from '../../plugins/editorial-review/core'
import {assessReview} from '../../plugins/editorial-review/hooks/assessReview'
import {publicationGate} from '../../plugins/editorial-review/validation'
import {createTargetClient, resolveTarget} from '../../config/target'
import {LAKE_TOKENS, startGuardedLake, tempDir} from '../support/lake'
import {refusalOf} from '../support/refusal'

/** A newsroom's own rule: copy under an embargo line is someone else's until a reviewer clears it. */
const embargoRule: Rule = {
  code: 'embargo',
  severity: 'blocker',
  marksThirdParty: true,
  detect(_document, _context, text): Finding[] {
    const evidence = text.copy.flatMap((unit) => {
      const start = unit.text.indexOf('SPERRFRIST')
      return start === -1 ? [] : evidenceIn(unit, start, start + 'SPERRFRIST'.length)
    })
    if (evidence.length === 0) return []
    return [
      {
        code: 'embargo',
        severity: 'blocker',
        message: 'This copy is under embargo.',
        messageKey: 'finding.embargo',
        params: {},
        evidence,
      },
    ]
  },
}

const withEmbargo: ReviewPolicy = resolvePolicy({...REVIEW_POLICY, rules: {embargo: embargoRule}})

const embargoed: PressReleaseDocument & {_id: string; _type: string} = {
  _id: 'pressRelease.embargoed',
  _type: 'pressRelease',
  title: 'Stadtwerke senken Preise',
  language: 'de',
  body: [
    {
      _type: 'block',
      _key: 'a',
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: 'b', text: 'SPERRFRIST 12 Uhr. Die Stadtwerke senken ihre Preise.', marks: []}],
    },
  ],
}

describe('a rule added to the review policy', () => {
  it('flags the copy in the Studio’s assessment and shuts its Publish button', () => {
    const user = {id: 'local-editor', name: 'Local Editor', roles: ['editor']}
    const before = assessReview(embargoed, detectContextFor(REVIEW_POLICY, []), user, REVIEW_POLICY.reviewerRoles)
    const after = assessReview({...embargoed}, detectContextFor(withEmbargo, []), user, withEmbargo.reviewerRoles)
    expect(before.verdict.ok).toBe(true)
    expect(after.verdict.ok).toBe(false)
    expect(after.findings.map(({code}) => code)).toContain('embargo')
  })

  it('fails schema validation, which holds releases and schedules', async () => {
    const context = {
      document: embargoed,
      getClient: () => ({fetch: async () => []}),
    } as unknown as ValidationContext
    expect(await publicationGate(REVIEW_POLICY)(undefined, context)).toBe(true)
    expect(await publicationGate(withEmbargo)(undefined, {...context})).toMatchObject({
      'en-US': expect.stringContaining('must be approved'),
    })
  })

  describe('in the lake’s guard', () => {
    const lakes: RunningLake[] = []
    const dirs: string[] = []
    async function lakeWith(policy: ReviewPolicy) {
      const dataDir = tempDir('policy-lake-')
      dirs.push(dataDir)
      const lake = await startGuardedLake(editorialReviewGuard({policy, users: DEFAULT_USERS}), dataDir)
      lakes.push(lake)
      return createTargetClient(resolveTarget({SANITY_API_HOST: lake.url, SANITY_API_TOKEN: LAKE_TOKENS.editor}))
    }
    afterAll(async () => {
      await Promise.all(lakes.map((lake) => lake.close()))
      for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true})
    })

    it('refuses to publish the copy the rule flags, which the built-in rules let through', async () => {
      const plain = await lakeWith(REVIEW_POLICY)
      await plain.create(embargoed)
      expect(await plain.getDocument(embargoed._id)).toBeDefined()

      const strict = await lakeWith(withEmbargo)
      const refusal = await refusalOf(strict.create(embargoed))
      expect(refusal?.statusCode).toBe(409)
      expect(refusal?.message).toContain('pressRelease.embargoed cannot be published')
      expect(await strict.getDocument(embargoed._id)).toBeUndefined()
    })
  })
})

/**
 * runAudit reads the review policy it is given: its rules decide what counts as
 * third-party, and every type it reviews is audited. On a real lake process with the
 * seed import's distributors, against published copy the default policy lets through.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {REVIEW_POLICY} from '../../config/reviewPolicy'
import {resolvePolicy, type Rule} from '../../plugins/editorial-review/core'
import {runAudit} from '../../scripts/audit/run'
import {importSeeds, startLakeProcess, TOKENS, type TestLake} from '../support/frontend-lake'

const WIRE_ID = 'pressRelease.internal-wire'
const ADVERTORIAL_ID = 'advertorial.sponsored'

/** A newsroom's own rule: copy opening with "[WIRE]" came off an internal wire feed. */
const internalWire: Rule = {
  code: 'internalWire',
  severity: 'blocker',
  marksThirdParty: true,
  detect: (_document, _context, text) =>
    text.body.some((unit) => unit.text.startsWith('[WIRE]'))
      ? [
          {
            code: 'internalWire',
            severity: 'blocker',
            message: 'Internal wire copy: review it before publishing.',
            messageKey: 'finding.internalWire',
            params: {},
            evidence: [],
          },
        ]
      : [],
}

function body(text: string) {
  return [{_type: 'block', _key: 'b0', style: 'normal', markDefs: [], children: [{_type: 'span', _key: 's0', text, marks: []}]}]
}

let lake: TestLake

beforeAll(async () => {
  lake = await startLakeProcess()
  await importSeeds(lake)
  const admin = lake.client(TOKENS.admin)
  // Own copy by every built-in rule, so the lake's gate lets it be published directly.
  await admin.createOrReplace({
    _id: WIRE_ID,
    _type: 'pressRelease',
    title: 'Council meets on Friday',
    language: 'en',
    body: body('[WIRE] The council meets on Friday to vote on the budget.'),
  })
  // A type the default policy does not review, flagged third-party and never approved.
  await admin.createOrReplace({
    _id: ADVERTORIAL_ID,
    _type: 'advertorial',
    title: 'Sponsored: a new product',
    body: body('A sponsor wrote this.'),
    review: {_type: 'editorialReview', status: 'pending', thirdParty: true},
  })
}, 120_000)

afterAll(async () => {
  await lake?.stop()
})

describe('runAudit reads the policy', () => {
  it('passes the copy under the project’s policy', async () => {
    const result = await runAudit({client: lake.client(), policy: REVIEW_POLICY})
    expect(result).toEqual({checked: 1, problems: [], unverified: []})
  })

  it('reports published copy that only a rule added to the policy flags', async () => {
    const policy = resolvePolicy({...REVIEW_POLICY, rules: {...REVIEW_POLICY.rules, internalWire}})
    const {problems} = await runAudit({client: lake.client(), policy})
    expect(problems.map(({id, problem, thirdPartyBy}) => ({id, problem, thirdPartyBy}))).toEqual([
      {id: WIRE_ID, problem: 'neverApproved', thirdPartyBy: 'detection'},
    ])
  })

  it('audits every type the policy reviews', async () => {
    const policy = resolvePolicy({...REVIEW_POLICY, types: ['pressRelease', 'advertorial']})
    const result = await runAudit({client: lake.client(), policy})
    expect(result.checked).toBe(2)
    expect(result.problems.map(({id, problem}) => ({id, problem}))).toEqual([{id: ADVERTORIAL_ID, problem: 'neverApproved'}])
  })
})

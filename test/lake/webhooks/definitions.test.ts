/** The definitions file on a real directory: a bounded number of hooks per project. */
import {expect, it} from 'vitest'
import {LakeError} from '../../../lake/errors'
import {WebhookDefinitions} from '../../../lake/webhooks/definitions'
import {webhookInput} from '../../../lake/webhooks/validate'
import {tempDir} from '../../support/lake'

const input = webhookInput({name: 'Hook', url: 'http://127.0.0.1:9/hook', dataset: 'production'})

it('refuses a hook past the per-project limit with a 400 saying what to do, and keeps the file as it was', () => {
  const dir = tempDir()
  const definitions = new WebhookDefinitions(dir, 2)
  definitions.create('pressroom', 'local-admin', input)
  definitions.create('pressroom', 'local-admin', input)
  let refusal: unknown
  try {
    definitions.create('pressroom', 'local-admin', input)
  } catch (err) {
    refusal = err
  }
  expect(refusal).toBeInstanceOf(LakeError)
  expect((refusal as LakeError).status).toBe(400)
  expect((refusal as LakeError).message).toMatch(/already has 2 webhooks.*delete unused ones/)
  // Another project has its own allowance; what was written survives a reopen.
  definitions.create('other', 'local-admin', input)
  expect(new WebhookDefinitions(dir, 2).list('pressroom')).toHaveLength(2)
})

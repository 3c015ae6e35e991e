/** The definitions file on a real directory: a bounded number of hooks per project, a hand-edited file checked on load. */
import fs from 'node:fs'
import path from 'node:path'
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

it('refuses to load a hand-edited definition the API would refuse, naming the file, the hook and the field', () => {
  const dir = tempDir()
  const hook = new WebhookDefinitions(dir).create('pressroom', 'local-admin', input)
  const file = path.join(dir, 'hooks.json')
  fs.writeFileSync(file, JSON.stringify({format: 1, hooks: [{...hook, url: 'file:///etc/passwd'}]}))
  expect(() => new WebhookDefinitions(dir)).toThrow(
    `Webhook definitions ${file}: hook "${hook.id}": Webhook field "url" must use http or https, not file:; fix it or remove it from the file`,
  )
})

/** The webhook Management API: create, list, get, update, delete; validation; administrators only; kept across a restart. */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {RunningLake} from '../../../lake/server'
import {LAKE_TOKENS, tempDir} from '../../support/lake'
import {refusalOf} from '../../support/refusal'
import {lakeClient} from '../../support/lake'
import {hooksApi, startWebhookLake} from '../../support/webhooks'

const definition = {
  type: 'document',
  name: 'Releases to review',
  url: 'http://127.0.0.1:9/hook',
  dataset: 'production',
  rule: {on: ['create', 'update'], filter: '_type == "pressRelease"', projection: '{_id, title}'},
  apiVersion: 'v2021-03-25',
  httpMethod: 'POST',
  includeDrafts: true,
  headers: {'x-team': 'desk'},
  secret: 'a-secret',
}

let dataDir: string
let lake: RunningLake

beforeAll(async () => {
  dataDir = tempDir()
  lake = await startWebhookLake(dataDir)
})
afterAll(async () => {
  await lake?.close()
})

describe('webhook management', () => {
  it("creates, lists, reads, updates and deletes a document webhook in Sanity's shape", async () => {
    const api = hooksApi(lakeClient(lake))
    const created = await api.create(definition)
    expect(created).toMatchObject({
      ...definition,
      id: expect.any(String),
      projectId: 'pressroom',
      description: null,
      isDisabled: false,
      isDisabledByUser: false,
      createdByUserId: 'local-admin',
      deletedAt: null,
    })
    expect(await api.list()).toEqual([created])
    expect(await api.get(created.id)).toEqual(created)
    // A partial update keeps the rest.
    const updated = await api.update(created.id, {name: 'Renamed', rule: {on: ['delete']}})
    expect(updated).toMatchObject({name: 'Renamed', url: definition.url, rule: {on: ['delete'], filter: null, projection: null}})
    // Another project's hooks are apart.
    expect(await hooksApi(lakeClient(lake), 'other').list()).toEqual([])
    expect((await refusalOf(hooksApi(lakeClient(lake), 'other').get(created.id)))?.statusCode).toBe(404)
    const deleted = await api.delete(created.id)
    expect(deleted.deletedAt).toEqual(expect.any(String))
    expect(await api.list()).toEqual([])
  })

  it.each([
    [{...definition, url: 'file:///etc/passwd'}, /"url" must use http or https/],
    [{...definition, url: 'not a url'}, /"url" is not an absolute URL/],
    [{...definition, url: 'http://desk:hunter2@127.0.0.1:9/hook'}, /"url" may not hold a user name or password/],
    [{...definition, rule: {on: ['create'], filter: 'count(*[references(^._id)]) > 0'}}, /"rule.filter" may not use a subquery/],
    [
      {...definition, rule: {on: ['create'], projection: '{"all": *[_type == "note"]}'}},
      /"rule.projection" may not use a subquery/,
    ],
    [{...definition, rule: {on: ['publish']}}, /"rule.on" must list one or more of create, update, delete/],
    [{...definition, rule: {on: ['create'], filter: '_type =='}}, /"rule.filter" is not valid GROQ/],
    [{...definition, rule: {on: ['create'], projection: 'title'}}, /"rule.projection" must be a GROQ projection in braces/],
    [{...definition, httpMethod: 'TRACE'}, /"httpMethod" must be one of GET, POST, PUT, PATCH, DELETE/],
    [{...definition, headers: {'sanity-webhook-signature': 'forged'}}, /may not set "sanity-webhook-signature"/],
    [{...definition, headers: {'x-a': 'line\r\nbreak'}}, /without line breaks/],
    [{...definition, type: 'transaction'}, /document webhooks only/],
    [{...definition, apiVersion: 'v2020-01-01'}, /v2021-03-25 or later/],
    [{...definition, includeDrafs: true}, /Unknown webhook fields: includeDrafs/],
    [{...definition, name: ''}, /"name" must be a non-empty string/],
  ])('refuses a bad definition with a 400 naming the field (%#)', async (body, message) => {
    const refusal = await refusalOf(hooksApi(lakeClient(lake)).create(body))
    expect(refusal?.statusCode).toBe(400)
    expect(refusal?.message).toMatch(message)
  })

  it("lets only an administrator's token manage or read webhooks", async () => {
    const api = hooksApi(lakeClient(lake))
    const hook = await api.create(definition)
    for (const role of ['editor', 'contributor', 'viewer'] as const) {
      const other = hooksApi(lakeClient(lake, LAKE_TOKENS[role]))
      expect((await refusalOf(other.create(definition)))?.statusCode, role).toBe(403)
      expect((await refusalOf(other.list()))?.statusCode, role).toBe(403)
      expect((await refusalOf(other.update(hook.id, {url: 'http://127.0.0.1:1/stolen'})))?.statusCode, role).toBe(403)
      expect((await refusalOf(other.delete(hook.id)))?.statusCode, role).toBe(403)
    }
    // Without a token the lake acts as its default administrator, which is anyone on the machine.
    const anonymous = hooksApi(lakeClient(lake, null))
    expect((await refusalOf(anonymous.create(definition)))?.statusCode).toBe(401)
    expect((await refusalOf(anonymous.list()))?.statusCode).toBe(401)
    expect(await api.list()).toEqual([hook])
    await api.delete(hook.id)
  })

  it("keeps definitions across a restart, in a file only the lake's user can read", async () => {
    const created = await hooksApi(lakeClient(lake)).create(definition)
    await lake.close()
    lake = await startWebhookLake(dataDir)
    expect(await hooksApi(lakeClient(lake)).list()).toEqual([created])
    const file = path.join(dataDir, 'hooks.json')
    expect(fs.statSync(file).mode & 0o077).toBe(0)
    expect(fs.existsSync(`${file}.tmp`)).toBe(false)
  })
})

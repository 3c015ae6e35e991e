/** A `$param` the query reads but the request does not supply is a 400 `queryParseError`, as on Sanity's API. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeProcess, type LakeProcess} from '../support/lake'

let lake: LakeProcess

beforeAll(async () => {
  lake = await startLakeProcess()
  await lake.client().create({_id: 'p1', _type: 'category', title: 'one'})
})
afterAll(async () => {
  await lake?.stop()
})

const QUERY = '*[_type == "category" && title == "$notAParam" && _id == $id]'

describe('query params', () => {
  it('answers a missing $param with 400 queryParseError naming it, with its position', async () => {
    const response = await fetch(`${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent(QUERY)}`)
    expect(response.status).toBe(400)
    const start = QUERY.indexOf('$id')
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: {
        type: 'queryParseError',
        description: 'param $id referenced, but not provided',
        query: QUERY,
        start,
        end: start + '$id'.length,
      },
    })
  })

  it('reports it through @sanity/client, and answers once the param is given', async () => {
    const client = lake.client()
    await expect(client.fetch('*[_id == $id][0]{"t": $title}', {id: 'p1'})).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('param $title referenced, but not provided') as unknown,
    })
    expect(await client.fetch('*[_id == $id][0].title', {id: 'p1'})).toBe('one')
    // null is a value: provided, not missing.
    expect(await client.fetch('*[_id == $id][0].title', {id: null})).toBeNull()
  })

  it('refuses delete-by-query with a missing param instead of matching nothing', async () => {
    await expect(lake.client().delete({query: '*[_id == $id]'})).rejects.toMatchObject({statusCode: 400})
    expect(await lake.client().getDocument('p1')).toBeDefined()
  })
})

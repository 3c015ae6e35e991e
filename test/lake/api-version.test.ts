/** API versions: `v1`, `vX` and real, non-future `vYYYY-MM-DD` dates; anything else is a 400 that says why. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLakeProcess, type LakeProcess} from '../support/lake'

let lake: LakeProcess

beforeAll(async () => {
  lake = await startLakeProcess()
})
afterAll(async () => {
  await lake?.stop()
})

const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

async function ping(version: string): Promise<{status: number; body: {message?: string}}> {
  const response = await fetch(`${lake.url}/v${version}/data/query/production?query=1`)
  return {status: response.status, body: (await response.json()) as {message?: string}}
}

describe('API versions', () => {
  it.each(['1', 'X', '2021-03-25', '2025-02-19', utcDay(0), utcDay(1)])('accepts v%s', async (version) => {
    expect((await ping(version)).status).toBe(200)
  })

  it.each([
    ['9999-99-99', 'it is not a real date'],
    ['2025-02-30', 'it is not a real date'],
    ['2999-01-01', 'it is in the future'],
    [utcDay(2), 'it is in the future'],
    ['2', 'expected `1`, `X` or a date in format `YYYY-MM-DD`'],
    ['x', 'expected `1`, `X` or a date in format `YYYY-MM-DD`'],
    ['2025-2-19', 'expected `1`, `X` or a date in format `YYYY-MM-DD`'],
  ])('refuses v%s with 400: %s', async (version, reason) => {
    const {status, body} = await ping(version)
    expect(status).toBe(400)
    expect(body).toEqual({statusCode: 400, error: 'Bad Request', message: `Invalid API version "v${version}": ${reason}`})
  })
})

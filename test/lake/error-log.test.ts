/** A 500 is logged with its path, never its query string: that can carry a stream ticket. */
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {parseArgs, serveOptions} from '../../lake/cli'
import {startLake, type RunningLake} from '../../lake/server'
import {tempDir} from '../support/lake'

let lake: RunningLake

beforeAll(async () => {
  // A guard that fails with a plain Error is an internal error: the one sure way to a 500.
  lake = await startLake({
    ...serveOptions(parseArgs(['--port', '0', '--data', tempDir()])),
    guard: {
      beforeCommit() {
        throw new Error('guard exploded')
      },
    },
  })
})
afterAll(() => lake.close())

describe('internal errors', () => {
  it('logs the 500 with its path and stack, but not the lakeTicket or other query parameters', async () => {
    const ticket = 'T1ck3t-s3cr3t-value'
    const written: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    try {
      const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/production?lakeTicket=${ticket}&tag=x`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({mutations: [{create: {_id: 'e1', _type: 'note'}}]}),
      })
      expect(response.status).toBe(500)
    } finally {
      spy.mockRestore()
    }
    const log = written.join('')
    expect(log).toContain('lake: POST /v2025-02-19/data/mutate/production: Error: guard exploded')
    expect(log).not.toContain(ticket)
    expect(log).not.toContain('lakeTicket')
  })
})

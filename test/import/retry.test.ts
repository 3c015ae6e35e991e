import {describe, expect, it} from 'vitest'
import {isRetryable, retryAfterMs, withRetry} from '../../scripts/import/retry'

const httpError = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {statusCode, response: {statusCode, headers}})

describe('withRetry', () => {
  it('retries 429 and 5xx, honouring Retry-After, until it succeeds', async () => {
    const waits: number[] = []
    const failures = [httpError(429, {'retry-after': '2'}), httpError(503)]
    let calls = 0
    const result = await withRetry(
      async () => {
        calls++
        const failure = failures.shift()
        if (failure) throw failure
        return 'done'
      },
      {attempts: 5, baseDelayMs: 100, maxDelayMs: 10_000, sleep: async (ms) => void waits.push(ms)},
    )
    expect(result).toBe('done')
    expect(calls).toBe(3)
    expect(waits[0]).toBe(2000)
    expect(waits[1]).toBeGreaterThanOrEqual(100)
    expect(waits[1]).toBeLessThanOrEqual(200)
  })

  it('does not retry a 409 or a 400', async () => {
    let calls = 0
    await expect(
      withRetry(async () => {
        calls++
        throw httpError(409)
      }),
    ).rejects.toThrow('HTTP 409')
    expect(calls).toBe(1)
  })

  it('gives up after the configured attempts', async () => {
    let calls = 0
    await expect(
      withRetry(
        async () => {
          calls++
          throw httpError(500)
        },
        {attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}},
      ),
    ).rejects.toThrow('HTTP 500')
    expect(calls).toBe(3)
  })
})

describe('retry classification', () => {
  it.each([
    [httpError(429), true],
    [httpError(502), true],
    [httpError(404), false],
    [Object.assign(new Error('reset'), {code: 'ECONNRESET'}), true],
    [new Error('bad input'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs(httpError(429, {'retry-after': '1.5'}))).toBe(1500)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs(httpError(429, {'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT'}), now)).toBe(3000)
  })
})

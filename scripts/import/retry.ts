/** How a request is retried when the API is busy or briefly down. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number
  /** Delay before the first retry; doubles each time, with jitter. */
  baseDelayMs: number
  /** Longest single wait, Retry-After included. */
  maxDelayMs: number
  /** Called before each wait, so long runs show why they pause. */
  onRetry?: (info: {attempt: number; delayMs: number; reason: string}) => void
  /** Injected in tests; defaults to a real timer. */
  sleep?: (ms: number) => Promise<void>
}

export const DEFAULT_RETRY: RetryOptions = {attempts: 5, baseDelayMs: 250, maxDelayMs: 30_000}

interface HttpLikeError {
  statusCode?: number
  response?: {statusCode?: number; headers?: Record<string, string | string[] | undefined>}
  code?: string
  message?: string
}

const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET'])

/** 429 and 5xx are worth another try; 4xx are the request's own fault and are not. */
export function isRetryable(error: unknown): boolean {
  const {statusCode, code} = describe(error)
  if (statusCode !== undefined) return statusCode === 429 || statusCode >= 500
  return code !== undefined && RETRYABLE_NETWORK_CODES.has(code)
}

/** Retry-After in milliseconds, from seconds or an HTTP date. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const header = (error as HttpLikeError | undefined)?.response?.headers?.['retry-after']
  const value = Array.isArray(header) ? header[0] : header
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      if (attempt >= options.attempts || !isRetryable(error)) throw error
      const backoff = options.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)
      const delayMs = Math.min(options.maxDelayMs, retryAfterMs(error) ?? backoff)
      const {statusCode, code, message} = describe(error)
      options.onRetry?.({attempt, delayMs, reason: statusCode ? `HTTP ${statusCode}` : (code ?? message ?? 'error')})
      await sleep(delayMs)
    }
  }
}

function describe(error: unknown): {statusCode?: number; code?: string; message?: string} {
  const candidate = error as HttpLikeError | undefined
  const cause = (error as {cause?: HttpLikeError} | undefined)?.cause
  return {
    statusCode: candidate?.statusCode ?? candidate?.response?.statusCode,
    code: candidate?.code ?? cause?.code,
    message: candidate?.message,
  }
}

/** A loopback HTTP receiver for webhook tests: records every request and answers as told. */
import http from 'node:http'
import type {AddressInfo} from 'node:net'

export interface ReceivedRequest {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  /** The raw body, exactly as sent (signatures are over these bytes). */
  body: string
}

export interface Receiver {
  url: string
  port: number
  requests: ReceivedRequest[]
  /** Resolves once `count` requests have arrived. */
  received(count: number): Promise<ReceivedRequest[]>
  close(): Promise<void>
}

/** `answer` gives the status for the n-th request (0-based); 200 by default. */
export async function startReceiver(answer: (n: number) => number = () => 200, port = 0): Promise<Receiver> {
  const requests: ReceivedRequest[] = []
  const waiters: {count: number; resolve: (r: ReceivedRequest[]) => void}[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const status = answer(requests.length)
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      res.writeHead(status, {'content-type': 'text/plain'}).end(status < 300 ? 'ok' : `failing with ${status}`)
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(requests.slice())
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}/hook`,
    port: actual,
    requests,
    received: (count) =>
      requests.length >= count ? Promise.resolve(requests.slice()) : new Promise((resolve) => waiters.push({count, resolve})),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

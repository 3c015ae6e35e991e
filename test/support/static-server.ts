/** Serves a built Studio (or any SPA) from a directory on 127.0.0.1, falling back to index.html. */
import fs from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface StaticServer {
  /** `http://localhost:<port>` — `localhost` so the Studio's `<project>.localhost` API calls are cross-origin like in real use. */
  url: string
  /** The origin to allow in the lake's CORS settings (`--cors-origin`). */
  origin: string
  /** Stops the server, dropping open connections. */
  close(): Promise<void>
}

/**
 * As a Studio host serves a build: the files under static/ carry a content hash in their
 * names, so a browser may keep them for good; index.html names the current hashes, so it is
 * fetched again on every load. Without this a "warm" load re-downloads and recompiles every
 * module, which no deployed Studio does.
 */
function cacheControl(root: string, file: string): string {
  return path.relative(root, file).startsWith(`static${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

export async function serveStatic(dir: string, port = 0): Promise<StaticServer> {
  const root = path.resolve(dir)
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl(root, file),
    })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://localhost:${actual}`,
    origin: `http://localhost:${actual}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

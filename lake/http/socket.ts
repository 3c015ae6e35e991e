/**
 * `/socket/:dataset`: the WebSocket the Studio's presence layer (bifur, JSON-RPC 2.0)
 * connects to. The Studio shows "Trying to connect…" until this socket is open and
 * sends heartbeats, so the lake answers every request and keeps presence to itself
 * (single-user local use needs no cross-session relay). Implemented on `node:http`'s
 * upgrade event to avoid a dependency.
 */
import {createHash, randomUUID} from 'node:crypto'
import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const HEARTBEAT = '\u2665'
const HEARTBEAT_MS = 10_000

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length
  const header = len < 126 ? Buffer.alloc(2) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10)
  header[0] = 0x80 | opcode
  if (len < 126) header[1] = len
  else if (len < 65536) {
    header[1] = 126
    header.writeUInt16BE(len, 2)
  } else {
    header[1] = 127
    header.writeBigUInt64BE(BigInt(len), 2)
  }
  return Buffer.concat([header, payload])
}

/** Parses complete client frames from `buf`; returns them and the unconsumed rest. */
function readFrames(buf: Buffer): {frames: {opcode: number; fin: boolean; payload: Buffer}[]; rest: Buffer} {
  const frames = []
  let offset = 0
  while (buf.length - offset >= 2) {
    const b0 = buf[offset]!
    const b1 = buf[offset + 1]!
    let len = b1 & 0x7f
    let pos = offset + 2
    if (len === 126) {
      if (buf.length < pos + 2) break
      len = buf.readUInt16BE(pos)
      pos += 2
    } else if (len === 127) {
      if (buf.length < pos + 8) break
      len = Number(buf.readBigUInt64BE(pos))
      pos += 8
    }
    const masked = (b1 & 0x80) !== 0
    const mask = masked ? buf.subarray(pos, pos + 4) : undefined
    if (masked) pos += 4
    if (buf.length < pos + len) break
    const payload = Buffer.from(buf.subarray(pos, pos + len))
    if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!
    frames.push({opcode: b0 & 0x0f, fin: (b0 & 0x80) !== 0, payload})
    offset = pos + len
  }
  return {frames, rest: buf.subarray(offset)}
}

/** Answers a bifur JSON-RPC request: subscriptions get an id, everything else succeeds. */
function answer(message: {id?: unknown; method?: unknown}): unknown {
  if (typeof message.method !== 'string' || message.id === undefined) return undefined
  const result = message.method.endsWith('_subscribe') ? randomUUID() : true
  return {jsonrpc: '2.0', id: message.id, result}
}

/** Completes the upgrade and serves the socket until either side closes it or `closing` aborts. */
export function acceptSocket(req: IncomingMessage, socket: Duplex, closing: AbortSignal): void {
  const key = req.headers['sec-websocket-key']
  if (typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')
    return
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64')
  socket.write(
    [
      'HTTP/1.1 101 Switching Protocols',
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${accept}`,
      '',
      '',
    ].join('\r\n'),
  )
  const send = (text: string) => socket.writable && socket.write(frame(0x1, Buffer.from(text, 'utf8')))
  const heartbeat = setInterval(() => send(HEARTBEAT), HEARTBEAT_MS)
  send(HEARTBEAT)
  let pending: Buffer = Buffer.alloc(0)
  let fragments: Buffer[] = []
  const shutdown = () => {
    // 1001 "going away"; then drop the socket even if the peer never answers, so shutdown can't hang.
    if (socket.writable) socket.end(frame(0x8, Buffer.from([0x03, 0xe9])))
    setTimeout(() => socket.destroy(), 500).unref()
  }
  closing.addEventListener('abort', shutdown)
  socket.on('data', (chunk: Buffer) => {
    const {frames, rest} = readFrames(Buffer.concat([pending, chunk]))
    pending = rest
    for (const f of frames) {
      if (f.opcode === 0x8) {
        socket.end(frame(0x8, f.payload.subarray(0, 2)))
        return
      }
      if (f.opcode === 0x9) {
        socket.write(frame(0xa, f.payload))
        continue
      }
      if (f.opcode !== 0x1 && f.opcode !== 0x0) continue
      fragments.push(f.payload)
      if (!f.fin) continue
      const text = Buffer.concat(fragments).toString('utf8')
      fragments = []
      try {
        const reply = answer(JSON.parse(text) as {id?: unknown; method?: unknown})
        if (reply) send(JSON.stringify(reply))
      } catch {
        // Not JSON-RPC: ignore, as bifur does with messages it cannot parse.
      }
    }
  })
  const cleanup = () => {
    clearInterval(heartbeat)
    closing.removeEventListener('abort', shutdown)
  }
  socket.on('close', cleanup)
  socket.on('error', cleanup)
}

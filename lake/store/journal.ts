/**
 * Durability: an append-only, fsync'd log of committed transactions plus a compacted
 * snapshot. Each line is `<crc32 hex> <json>`, so a record torn by a crash is detectable.
 *
 * A commit is acknowledged only after its record is written and fsync'd. On open, a bad
 * record at the end of the log (and nothing valid after it) is a torn tail from a crash:
 * it is cut off. A bad record followed by valid ones is corruption, and opening fails
 * with the file and byte offset, rather than silently dropping acknowledged data.
 */
import fs from 'node:fs'
import path from 'node:path'
import {crc32} from 'node:zlib'
import type {SanityDocument} from './types'

/** One committed transaction as stored in the log. */
export interface JournalRecord {
  /** Monotonic sequence number; the snapshot records the last one it contains. */
  seq: number
  /** Dataset the transaction wrote to. */
  dataset: string
  /** Transaction id (= `_rev` of the documents it wrote). */
  transactionId: string
  /** ISO commit time. */
  timestamp: string
  /** Id of the user who committed. */
  author: string
  /** Documents' new states; `after: null` is a deletion. */
  changes: {id: string; after: SanityDocument | null}[]
  /** Set when an administrator's restore let unreviewed copy through (`--allow-unreviewed`): the log is the record of it. */
  allowedUnreviewed?: true
}

/**
 * A document as the snapshot keeps it. History does not survive compaction, but the
 * author of the current revision does: the four-eyes rule asks who wrote the copy.
 */
export interface SnapshotEntry {
  doc: SanityDocument
  /** Who committed the document's current revision ('' when unknown). */
  author: string
  /** Who last changed its judged content, when the guard judges its type; history before the snapshot is gone, so the snapshot keeps it. */
  contentAuthor?: string
}

/** What was on disk when the journal was opened. */
export interface JournalContents {
  /** Documents per dataset as of the snapshot. */
  snapshot: Map<string, SnapshotEntry[]>
  /** Sequence number the snapshot covers (0 if none). */
  snapshotSeq: number
  /** Log records newer than the snapshot, in commit order. */
  records: JournalRecord[]
  /** Bytes cut off the end of the log as a torn tail (0 if none). */
  droppedTailBytes: number
}

export interface JournalOptions {
  /** Data directory; created if missing. */
  dir: string
  /** Compact (snapshot + empty log) once the log grows past this many bytes. */
  compactAfterBytes: number
}

export const LOG_FILE = 'journal.log'
export const SNAPSHOT_FILE = 'snapshot.ndjson'
const LOCK_FILE = 'lake.pid'
const SNAPSHOT_FORMAT = 'pressroom-lake-snapshot/1'

export class CorruptDataError extends Error {
  constructor(file: string, detail: string) {
    super(`Corrupt lake data in ${file}: ${detail}`)
    this.name = 'CorruptDataError'
  }
}

function encodeLine(value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value), 'utf8')
  const crc = crc32(json).toString(16).padStart(8, '0')
  return Buffer.concat([Buffer.from(crc + ' ', 'ascii'), json, Buffer.from('\n', 'ascii')])
}

/** Decodes one line (without its newline); undefined if the checksum or JSON is bad. */
function decodeLine(line: Buffer): unknown {
  if (line.length < 10 || line[8] !== 0x20) return undefined
  const expected = line.subarray(0, 8).toString('ascii')
  const json = line.subarray(9)
  if (crc32(json).toString(16).padStart(8, '0') !== expected) return undefined
  try {
    return JSON.parse(json.toString('utf8'))
  } catch {
    return undefined
  }
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function isRecord(value: unknown): value is JournalRecord {
  if (!value || typeof value !== 'object') return false
  const r = value as Partial<JournalRecord>
  return (
    typeof r.seq === 'number' && typeof r.dataset === 'string' && typeof r.transactionId === 'string' && Array.isArray(r.changes)
  )
}

export class Journal {
  private readonly dir: string
  private readonly snapshotPath: string
  private readonly lockPath: string
  private readonly compactAfterBytes: number
  private fd: number
  private logBytes: number
  private closed = false

  private constructor(options: JournalOptions, fd: number, logBytes: number) {
    this.dir = options.dir
    this.snapshotPath = path.join(options.dir, SNAPSHOT_FILE)
    this.lockPath = path.join(options.dir, LOCK_FILE)
    this.compactAfterBytes = options.compactAfterBytes
    this.fd = fd
    this.logBytes = logBytes
  }

  /** Opens (or creates) the data directory, recovering a torn log tail. */
  static open(options: JournalOptions): {journal: Journal; contents: JournalContents} {
    fs.mkdirSync(options.dir, {recursive: true})
    acquireLock(path.join(options.dir, LOCK_FILE))
    try {
      const snapshotPath = path.join(options.dir, SNAPSHOT_FILE)
      const {docs, seq} = fs.existsSync(snapshotPath) ? readSnapshot(snapshotPath) : {docs: new Map(), seq: 0}
      const logPath = path.join(options.dir, LOG_FILE)
      const {records, validBytes, totalBytes} = readLog(logPath)
      const fd = fs.openSync(logPath, 'a+')
      if (validBytes < totalBytes) {
        // Cut the torn tail off so new records follow the last good one.
        fs.ftruncateSync(fd, validBytes)
        fs.fsyncSync(fd)
      }
      fsyncDir(options.dir)
      const journal = new Journal(options, fd, validBytes)
      return {
        journal,
        contents: {
          snapshot: docs,
          snapshotSeq: seq,
          records: records.filter((r) => r.seq > seq),
          droppedTailBytes: totalBytes - validBytes,
        },
      }
    } catch (err) {
      fs.rmSync(path.join(options.dir, LOCK_FILE), {force: true})
      throw err
    }
  }

  /** Appends records and fsyncs; returns only once they are durable. */
  append(records: JournalRecord[]): void {
    if (this.closed) throw new Error('journal is closed')
    const buf = Buffer.concat(records.map(encodeLine))
    let written = 0
    while (written < buf.length) written += fs.writeSync(this.fd, buf, written)
    fs.fdatasyncSync(this.fd)
    this.logBytes += buf.length
  }

  get needsCompaction(): boolean {
    return this.logBytes > this.compactAfterBytes
  }

  /**
   * Writes every dataset's documents to a new snapshot (temp file, fsync, rename) and
   * then empties the log. A crash in between leaves log records the snapshot already
   * covers; they are skipped on open because their seq is not above the snapshot's.
   */
  compact(datasets: Map<string, Iterable<SnapshotEntry>>, seq: number): void {
    const tmp = `${this.snapshotPath}.tmp`
    const fd = fs.openSync(tmp, 'w')
    try {
      const chunks: Buffer[] = [encodeLine({format: SNAPSHOT_FORMAT, seq})]
      let count = 0
      let pending = 0
      const flush = () => {
        const buf = Buffer.concat(chunks.splice(0))
        let written = 0
        while (written < buf.length) written += fs.writeSync(fd, buf, written)
        pending = 0
      }
      for (const [dataset, entries] of datasets) {
        for (const {doc, author, contentAuthor} of entries) {
          const line = encodeLine({dataset, doc, author, ...(contentAuthor ? {contentAuthor} : {})})
          chunks.push(line)
          pending += line.length
          count++
          if (pending > 4 << 20) flush()
        }
      }
      chunks.push(encodeLine({end: true, count}))
      flush()
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, this.snapshotPath)
    fsyncDir(this.dir)
    fs.ftruncateSync(this.fd, 0)
    fs.fsyncSync(this.fd)
    this.logBytes = 0
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    fs.closeSync(this.fd)
    fs.rmSync(this.lockPath, {force: true})
  }
}

/** One lake per data directory: two writers appending to one log would interleave records. */
function acquireLock(lockPath: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), {flag: 'wx'})
      return
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new Error(`Data directory ${path.dirname(lockPath)} is in use by another lake (pid ${pid}, see ${lockPath})`)
      }
      // Left behind by a lake that died (e.g. kill -9): take it over.
      fs.rmSync(lockPath, {force: true})
    }
  }
  throw new Error(`Could not lock ${lockPath}`)
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLog(file: string): {records: JournalRecord[]; validBytes: number; totalBytes: number} {
  if (!fs.existsSync(file)) return {records: [], validBytes: 0, totalBytes: 0}
  const data = fs.readFileSync(file)
  const records: JournalRecord[] = []
  let offset = 0
  let firstBad: {offset: number; line: number} | undefined
  let lineNo = 0
  while (offset < data.length) {
    lineNo++
    const nl = data.indexOf(0x0a, offset)
    const end = nl === -1 ? data.length : nl
    const decoded = nl === -1 ? undefined : decodeLine(data.subarray(offset, end))
    if (decoded !== undefined && isRecord(decoded)) {
      if (firstBad) {
        throw new CorruptDataError(
          file,
          `record at byte ${firstBad.offset} (line ${firstBad.line}) is damaged but valid records follow it; refusing to drop acknowledged data`,
        )
      }
      const last = records[records.length - 1]
      if (last && decoded.seq <= last.seq) {
        throw new CorruptDataError(file, `record at line ${lineNo} has sequence ${decoded.seq} after ${last.seq}`)
      }
      records.push(decoded)
    } else if (!firstBad) {
      firstBad = {offset, line: lineNo}
    }
    offset = nl === -1 ? data.length : nl + 1
  }
  return {records, validBytes: firstBad ? firstBad.offset : data.length, totalBytes: data.length}
}

function readSnapshot(file: string): {docs: Map<string, SnapshotEntry[]>; seq: number} {
  const data = fs.readFileSync(file)
  const docs = new Map<string, SnapshotEntry[]>()
  let offset = 0
  let lineNo = 0
  let seq: number | undefined
  let count = 0
  let ended = false
  while (offset < data.length) {
    lineNo++
    const nl = data.indexOf(0x0a, offset)
    if (nl === -1) throw new CorruptDataError(file, `line ${lineNo} is incomplete`)
    const value = decodeLine(data.subarray(offset, nl)) as Record<string, unknown> | undefined
    offset = nl + 1
    if (!value || typeof value !== 'object') throw new CorruptDataError(file, `line ${lineNo} fails its checksum`)
    if (lineNo === 1) {
      if (value.format !== SNAPSHOT_FORMAT || typeof value.seq !== 'number') {
        throw new CorruptDataError(file, `unknown snapshot header on line 1 (expected ${SNAPSHOT_FORMAT})`)
      }
      seq = value.seq
    } else if (value.end === true) {
      if (value.count !== count) throw new CorruptDataError(file, `trailer says ${String(value.count)} documents, found ${count}`)
      ended = true
    } else {
      const doc = value.doc as SanityDocument | undefined
      if (typeof value.dataset !== 'string' || !doc || typeof doc._id !== 'string') {
        throw new CorruptDataError(file, `line ${lineNo} is not a document entry`)
      }
      let list = docs.get(value.dataset)
      if (!list) docs.set(value.dataset, (list = []))
      // Snapshots written before authors were kept have none.
      list.push({
        doc,
        author: typeof value.author === 'string' ? value.author : '',
        ...(typeof value.contentAuthor === 'string' ? {contentAuthor: value.contentAuthor} : {}),
      })
      count++
    }
  }
  if (seq === undefined || !ended) throw new CorruptDataError(file, 'snapshot is truncated (no end marker)')
  return {docs, seq}
}

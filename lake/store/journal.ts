/**
 * Durability: an append-only, fsync'd log of committed transactions plus a compacted
 * snapshot. Each line is `<crc32 hex> <json>`, so a record torn by a crash is detectable.
 *
 * A commit is acknowledged only after its record is written and fsync'd. On open, a bad
 * record at the end of the log (and nothing valid after it) is a torn tail from a crash:
 * it is cut off. A bad record followed by valid ones is corruption, and opening fails
 * with the file and byte offset, rather than silently dropping acknowledged data.
 *
 * Failed writes: a write that fails part-way (ENOSPC) is cut back to the last good record
 * before the error is answered, so the next record never lands on the same line; if even
 * that fails, the journal refuses writes until a restart repairs the tail. A failed fsync
 * is never retried as if it could succeed: after one, the kernel may have dropped the
 * unwritten pages and cleared the error, so a later fsync that passes proves nothing
 * (PostgreSQL's "fsyncgate", 2018). The journal then refuses every write until the lake is
 * restarted and re-reads what is actually on disk; reads keep answering from memory, which
 * holds only acknowledged commits.
 *
 * Compaction writes the snapshot in chunks, yielding between them, while commits go on:
 * the snapshot covers the log up to the offset where it was taken, and only that part of
 * the log is dropped afterwards. All file access goes through a `LakeFs` (./fs.ts), so
 * tests can inject disk faults.
 */
import fs from 'node:fs'
import path from 'node:path'
import {crc32} from 'node:zlib'
import {StoreError} from './errors'
import {fsyncDir, nodeFs, writeAll, type LakeFs} from './fs'
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
  /** Transaction ids each dataset remembered when the snapshot was taken, oldest first. */
  snapshotTransactionIds: Map<string, string[]>
  /** Sequence number the snapshot covers (0 if none). */
  snapshotSeq: number
  /** Log records newer than the snapshot, in commit order. */
  records: JournalRecord[]
  /** Bytes cut off the end of the log as a torn tail (0 if none). */
  droppedTailBytes: number
  /** Temp files of an interrupted or failed compaction that were removed. */
  removedTempFiles: string[]
}

export interface JournalOptions {
  /** Data directory; created if missing. */
  dir: string
  /** Compact (snapshot + empty log) once the log grows past this many bytes. */
  compactAfterBytes: number
  /** File-system layer; node:fs unless a test injects faults. */
  fs?: LakeFs
}

/** One dataset as a compaction writes it. */
export interface SnapshotDataset {
  name: string
  entries: SnapshotEntry[]
  /** Recent transaction ids, oldest first, so a reused id is still refused after a restart. */
  transactionIds: string[]
}

/** What a compaction writes, captured at one commit (`seq`). */
export interface SnapshotSource {
  seq: number
  datasets: SnapshotDataset[]
}

export const LOG_FILE = 'journal.log'
export const SNAPSHOT_FILE = 'snapshot.ndjson'
const LOCK_FILE = 'lake.pid'
const SNAPSHOT_FORMAT = 'pressroom-lake-snapshot/1'
/** Suffix of the files a compaction writes before renaming them into place. */
const TEMP = '.tmp'
/** A compaction yields to other work after about this many bytes of snapshot. */
const COMPACTION_CHUNK_BYTES = 1 << 20

export class CorruptDataError extends Error {
  constructor(file: string, detail: string) {
    super(`Corrupt lake data in ${file}: ${detail}`)
    this.name = 'CorruptDataError'
  }
}

function encodeLine(value: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(value), 'utf8')
  const line = Buffer.allocUnsafe(json.length + 10)
  line.write(crc32(json).toString(16).padStart(8, '0'), 0, 'ascii')
  line[8] = 0x20
  json.copy(line, 9)
  line[line.length - 1] = 0x0a
  return line
}

/**
 * A record's line, in the pieces it is written in: its changes as the store already encoded
 * them (`[{id, after}]` in UTF-8), neither serialized again nor copied into one buffer.
 */
function encodeRecord(record: JournalRecord, changesJson: Buffer | undefined): Buffer[] {
  if (changesJson === undefined) return [encodeLine(record)]
  const {changes: _, ...head} = record
  const opening = Buffer.from(`${JSON.stringify(head).slice(0, -1)},"changes":`)
  // The checksum covers the JSON, not the newline.
  const crc = crc32(CLOSING.subarray(0, 1), crc32(changesJson, crc32(opening)))
  return [Buffer.from(`${crc.toString(16).padStart(8, '0')} ${opening.toString('utf8')}`), changesJson, CLOSING]
}

/** The end of a record's JSON object, and of its line. */
const CLOSING = Buffer.from('}\n')

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

function isRecord(value: unknown): value is JournalRecord {
  if (!value || typeof value !== 'object') return false
  const r = value as Partial<JournalRecord>
  return (
    typeof r.seq === 'number' && typeof r.dataset === 'string' && typeof r.transactionId === 'string' && Array.isArray(r.changes)
  )
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])

export class Journal {
  private readonly fs: LakeFs
  private readonly dir: string
  private readonly logPath: string
  private readonly snapshotPath: string
  private readonly lockPath: string
  private readonly compactAfterBytes: number
  private fd: number
  /** Bytes of acknowledged records in the log; a failed write is cut back to here. */
  private logBytes: number
  private closed = false
  /** Why the journal refuses writes until a restart, once it can no longer vouch for what is on disk. */
  private failure: string | undefined

  private constructor(options: JournalOptions, lakeFs: LakeFs, fd: number, logBytes: number) {
    this.fs = lakeFs
    this.dir = options.dir
    this.logPath = path.join(options.dir, LOG_FILE)
    this.snapshotPath = path.join(options.dir, SNAPSHOT_FILE)
    this.lockPath = path.join(options.dir, LOCK_FILE)
    this.compactAfterBytes = options.compactAfterBytes
    this.fd = fd
    this.logBytes = logBytes
  }

  /** Opens (or creates) the data directory, recovering a torn log tail and removing a failed compaction's temp files. */
  static open(options: JournalOptions): {journal: Journal; contents: JournalContents} {
    const lakeFs = options.fs ?? nodeFs
    lakeFs.mkdirp(options.dir)
    acquireLock(path.join(options.dir, LOCK_FILE))
    try {
      const snapshotPath = path.join(options.dir, SNAPSHOT_FILE)
      const logPath = path.join(options.dir, LOG_FILE)
      const removedTempFiles = [snapshotPath + TEMP, logPath + TEMP].filter((file) => lakeFs.exists(file))
      for (const file of removedTempFiles) lakeFs.remove(file)
      const snapshot = lakeFs.exists(snapshotPath)
        ? readSnapshot(lakeFs, snapshotPath)
        : {docs: new Map<string, SnapshotEntry[]>(), transactionIds: new Map<string, string[]>(), seq: 0}
      const {records, validBytes, totalBytes} = readLog(lakeFs, logPath)
      const fd = lakeFs.open(logPath, 'a+')
      if (validBytes < totalBytes) {
        // Cut the torn tail off so new records follow the last good one.
        lakeFs.ftruncate(fd, validBytes)
        lakeFs.fsync(fd)
      }
      fsyncDir(lakeFs, options.dir)
      const journal = new Journal(options, lakeFs, fd, validBytes)
      return {
        journal,
        contents: {
          snapshot: snapshot.docs,
          snapshotTransactionIds: snapshot.transactionIds,
          snapshotSeq: snapshot.seq,
          records: records.filter((r) => r.seq > snapshot.seq),
          droppedTailBytes: totalBytes - validBytes,
          removedTempFiles,
        },
      }
    } catch (err) {
      fs.rmSync(path.join(options.dir, LOCK_FILE), {force: true})
      throw err
    }
  }

  /** Why writes are refused until a restart, or undefined while the journal is healthy. */
  get failed(): string | undefined {
    return this.failure
  }

  /**
   * Appends a record and fsyncs; returns only once it is durable. Throws a StoreError
   * (`storageFull` / `storageFailed`) when it is not, having removed whatever part of it
   * reached the file, or having stopped the journal when it could not. `changesJson`: the
   * record's `changes` already serialized.
   */
  append(record: JournalRecord, changesJson?: Buffer): void {
    if (this.closed) throw new Error('journal is closed')
    this.assertWritable()
    const pieces = encodeRecord(record, changesJson)
    try {
      for (const piece of pieces) writeAll(this.fs, this.fd, piece)
    } catch (err) {
      const code = errorCode(err)
      const undone = this.cutBackTo(this.logBytes)
      if (!undone.ok) {
        this.failure = `writing ${this.logPath} failed (${code}) and the partial record could not be removed (${undone.code})`
        this.throwFailed()
      }
      if (DISK_FULL.has(code)) {
        throw new StoreError(
          'storageFull',
          `The lake's disk is full: writing its journal (${this.logPath}) failed with ${code}. Nothing of this transaction was written or applied; free some space and send it again.`,
        )
      }
      throw new StoreError(
        'storageFailed',
        `Writing the lake's journal (${this.logPath}) failed with ${code}. Nothing of this transaction was written or applied; send it again.`,
      )
    }
    try {
      this.fs.fdatasync(this.fd)
    } catch (err) {
      // Not acknowledged; best effort to take the record back out, so a restart does not revive it.
      this.cutBackTo(this.logBytes)
      this.failure = `fsync of ${this.logPath} failed (${errorCode(err)})`
      this.throwFailed()
    }
    for (const piece of pieces) this.logBytes += piece.length
  }

  get needsCompaction(): boolean {
    return this.logBytes > this.compactAfterBytes
  }

  /** Long enough that a compaction should not wait for a lull in commits any more. */
  get overdueForCompaction(): boolean {
    return this.logBytes > 2 * this.compactAfterBytes
  }

  /** Writes the snapshot and drops the log records it covers, all at once (when the lake opens). */
  compactNow(source: SnapshotSource): void {
    for (const _ of this.compaction(source)) {
      // Nothing else runs meanwhile; the steps just follow each other.
    }
  }

  /**
   * The same, yielding to other work between chunks of the snapshot; commits may append
   * meanwhile. Must be called right after `source` was captured, before another commit.
   */
  async compact(source: SnapshotSource): Promise<void> {
    for (const _ of this.compaction(source)) await new Promise((resolve) => setImmediate(resolve))
  }

  /**
   * Writes every dataset's documents to a temp file, fsyncs and renames it over the
   * snapshot, then drops the log's first `cut` bytes: the records the snapshot covers.
   * A crash or failure at any point leaves the old snapshot, or the new one with log
   * records it already covers (skipped on open because their seq is not above its seq).
   */
  private *compaction({seq, datasets}: SnapshotSource): Generator<void> {
    this.assertWritable()
    const cut = this.logBytes
    // The source and `cut` are taken; from here on, commits may go on.
    yield
    this.assertOpen()
    const tmp = this.snapshotPath + TEMP
    const fd = this.fs.open(tmp, 'w')
    let open = true
    try {
      const chunks: Buffer[] = [encodeLine({format: SNAPSHOT_FORMAT, seq})]
      let pending = 0
      let count = 0
      const flush = () => {
        writeAll(this.fs, fd, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))
        chunks.length = 0
        pending = 0
      }
      for (const {name, entries, transactionIds} of datasets) {
        chunks.push(encodeLine({dataset: name, transactionIds}))
        for (const {doc, author, contentAuthor} of entries) {
          const line = encodeLine({dataset: name, doc, author, ...(contentAuthor ? {contentAuthor} : {})})
          chunks.push(line)
          pending += line.length
          count++
          if (pending > COMPACTION_CHUNK_BYTES) {
            flush()
            yield
            this.assertOpen()
          }
        }
      }
      chunks.push(encodeLine({end: true, count}))
      flush()
      this.fs.fsync(fd)
      open = false
      this.fs.close(fd)
    } catch (err) {
      if (open) this.fs.close(fd)
      this.fs.remove(tmp)
      throw err
    }
    try {
      this.fs.rename(tmp, this.snapshotPath)
    } catch (err) {
      this.fs.remove(tmp)
      throw err
    }
    fsyncDir(this.fs, this.dir)
    this.dropLogHead(cut)
  }

  /** Drops the log's first `cut` bytes, keeping the records appended since (none when the lake is idle). */
  private dropLogHead(cut: number): void {
    if (cut === this.logBytes) {
      this.fs.ftruncate(this.fd, 0)
      this.logBytes = 0
      try {
        this.fs.fsync(this.fd)
      } catch (err) {
        // The snapshot is durable either way; but an fsync of the log failed, so it stops (see the top of this file).
        this.failure = `fsync of ${this.logPath} after compaction failed (${errorCode(err)})`
        throw err
      }
      return
    }
    const tail = Buffer.alloc(this.logBytes - cut)
    let read = 0
    while (read < tail.length) {
      const n = this.fs.read(this.fd, tail.subarray(read), cut + read)
      if (n === 0) throw new Error(`${this.logPath} is shorter than the lake wrote it`)
      read += n
    }
    const tmp = this.logPath + TEMP
    this.fs.remove(tmp)
    // Opened before the rename, so the descriptor already points at the new log once it is in place.
    const fd = this.fs.open(tmp, 'a+')
    try {
      writeAll(this.fs, fd, tail)
      this.fs.fsync(fd)
      this.fs.rename(tmp, this.logPath)
    } catch (err) {
      this.fs.close(fd)
      this.fs.remove(tmp)
      throw err
    }
    const old = this.fd
    this.fd = fd
    this.logBytes = tail.length
    this.fs.close(old)
    try {
      fsyncDir(this.fs, this.dir)
    } catch (err) {
      this.failure = `fsync of ${this.dir} after replacing ${this.logPath} failed (${errorCode(err)})`
      throw err
    }
  }

  /** Truncates the log back to `length` and makes that durable; reports the error instead of throwing. */
  private cutBackTo(length: number): {ok: true} | {ok: false; code: string} {
    try {
      this.fs.ftruncate(this.fd, length)
      this.fs.fdatasync(this.fd)
      return {ok: true}
    } catch (err) {
      return {ok: false, code: errorCode(err)}
    }
  }

  /** Between a compaction's steps: the lake may have closed, or the journal failed, meanwhile. */
  private assertOpen(): void {
    if (this.closed) throw new Error('the lake closed during compaction')
    this.assertWritable()
  }

  private assertWritable(): void {
    if (this.failure) this.throwFailed()
  }

  private throwFailed(): never {
    throw new StoreError(
      'storageFailed',
      `The lake's journal stopped taking writes: ${this.failure}. It can no longer tell what reached the disk (after a failed fsync the kernel may drop the unwritten data and clear the error), so it refuses every write until the lake is restarted and re-reads what is durable. The transaction was not applied; reads still answer from acknowledged data.`,
    )
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.fs.close(this.fd)
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

function readLog(lakeFs: LakeFs, file: string): {records: JournalRecord[]; validBytes: number; totalBytes: number} {
  if (!lakeFs.exists(file)) return {records: [], validBytes: 0, totalBytes: 0}
  const data = lakeFs.readFile(file)
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

function readSnapshot(
  lakeFs: LakeFs,
  file: string,
): {docs: Map<string, SnapshotEntry[]>; transactionIds: Map<string, string[]>; seq: number} {
  const data = lakeFs.readFile(file)
  const docs = new Map<string, SnapshotEntry[]>()
  const transactionIds = new Map<string, string[]>()
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
    } else if (Array.isArray(value.transactionIds) && typeof value.dataset === 'string') {
      transactionIds.set(
        value.dataset,
        value.transactionIds.filter((id): id is string => typeof id === 'string'),
      )
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
  return {docs, transactionIds, seq}
}

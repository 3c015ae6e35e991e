/**
 * Disk faults without root: a `LakeFs` that behaves like node:fs until a test tells it to
 * fail a kind of call on a file, the way a full or dying disk does (ENOSPC after part of a
 * write, EIO on fsync, a truncation or rename that does not happen), and an in-process lake that uses it.
 */
import path from 'node:path'
import type {SanityClient} from '@sanity/client'
import {parseArgs, serveOptions} from '../../lake/cli'
import {startLake, type LakeServerOptions, type RunningLake} from '../../lake/server'
import {nodeFs, type LakeFs} from '../../lake/store/fs'
import {lakeClient} from './lake'

export type FaultyCall = 'write' | 'fsync' | 'ftruncate' | 'rename'

interface Fault {
  call: FaultyCall
  /** Base name of the file the call is on (for a rename, the target). */
  file: string
  code: string
  /** Bytes of a failing write that reach the file before the error. */
  partialBytes: number
  /** How many more calls fail. */
  remaining: number
}

export class FaultyFs implements LakeFs {
  private readonly paths = new Map<number, string>()
  private faults: Fault[] = []
  /** How many injected faults have fired. */
  fired = 0

  /** From now on, `call` on `file` fails with `code` (`times` times, by default until `heal()`). */
  fail(call: FaultyCall, file: string, code: string, options: {partialBytes?: number; times?: number} = {}): void {
    this.faults.push({call, file, code, partialBytes: options.partialBytes ?? 0, remaining: options.times ?? Infinity})
  }

  /** Space comes back, the disk recovers: no more faults. */
  heal(): void {
    this.faults = []
  }

  private fault(call: FaultyCall, file: string | undefined): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.call === call && f.remaining > 0 && file !== undefined && path.basename(file) === f.file,
    )
    if (!fault) return undefined
    fault.remaining--
    this.fired++
    return fault
  }

  private error(fault: Fault, what: string): NodeJS.ErrnoException {
    return Object.assign(new Error(`${fault.code}: injected fault, ${what}`), {code: fault.code})
  }

  mkdirp = nodeFs.mkdirp
  exists = nodeFs.exists
  readFile = nodeFs.readFile
  read = nodeFs.read
  remove = nodeFs.remove

  open(file: string, flags: 'a+' | 'w' | 'r'): number {
    const fd = nodeFs.open(file, flags)
    this.paths.set(fd, file)
    return fd
  }

  close(fd: number): void {
    this.paths.delete(fd)
    nodeFs.close(fd)
  }

  write(fd: number, buffer: Buffer, offset: number, length: number): number {
    const fault = this.fault('write', this.paths.get(fd))
    if (!fault) return nodeFs.write(fd, buffer, offset, length)
    // What a disk filling up does: part of the data lands, then the write fails.
    const partial = Math.min(fault.partialBytes, length)
    if (partial > 0) nodeFs.write(fd, buffer, offset, partial)
    throw this.error(fault, `write to ${this.paths.get(fd)} after ${partial} bytes`)
  }

  fsync(fd: number): void {
    const fault = this.fault('fsync', this.paths.get(fd))
    if (fault) throw this.error(fault, `fsync of ${this.paths.get(fd)}`)
    nodeFs.fsync(fd)
  }

  fdatasync(fd: number): void {
    const fault = this.fault('fsync', this.paths.get(fd))
    if (fault) throw this.error(fault, `fdatasync of ${this.paths.get(fd)}`)
    nodeFs.fdatasync(fd)
  }

  ftruncate(fd: number, length: number): void {
    const fault = this.fault('ftruncate', this.paths.get(fd))
    if (fault) throw this.error(fault, `ftruncate of ${this.paths.get(fd)}`)
    nodeFs.ftruncate(fd, length)
  }

  rename(from: string, to: string): void {
    const fault = this.fault('rename', to)
    if (fault) throw this.error(fault, `rename ${from} → ${to}`)
    nodeFs.rename(from, to)
  }
}

/** An in-process lake on `dataDir`, configured as `npm run lake` is (plus `args`), on the given file-system layer. */
export function startLakeOn(
  dataDir: string,
  options: {fs?: LakeFs; args?: string[]; store?: LakeServerOptions['store']} = {},
): Promise<RunningLake> {
  const served = serveOptions(parseArgs(['--port', '0', '--data', dataDir, ...(options.args ?? [])]))
  return startLake({...served, store: {...options.store, ...(options.fs ? {fs: options.fs} : {})}})
}

/** `@sanity/client` for an in-process lake, as the administrator (the one the webhook tests use). */
export const clientOf = (lake: RunningLake): SanityClient => lakeClient(lake)

/** The HTTP status and Sanity error body a write was refused with (throws if it was accepted). */
export async function refusedWith(write: Promise<unknown>): Promise<{
  statusCode: number
  body: {error: {type: string; description: string; items?: {error: {type: string; description: string; id?: string}}[]}}
}> {
  try {
    await write
  } catch (err) {
    const e = err as {statusCode: number; response: {body: never}}
    return {statusCode: e.statusCode, body: e.response.body}
  }
  throw new Error('expected the write to be refused')
}

/**
 * The file-system calls the journal and the snapshot make, behind one interface, so a
 * test can hand the store a layer that fails the way disks fail (ENOSPC in the middle of
 * a write, EIO on fsync, a rename that does not happen) without root or a full disk.
 * The lake itself always uses `nodeFs`.
 */
import fs from 'node:fs'

export interface LakeFs {
  mkdirp(dir: string): void
  exists(file: string): boolean
  readFile(file: string): Buffer
  /** `flags` as for `fs.openSync`: the journal appends (`a+`), the snapshot is written fresh (`w`). */
  open(file: string, flags: 'a+' | 'w' | 'r'): number
  /** Writes `buffer[offset, offset + length)`; returns the bytes written, which may be fewer (call again for the rest). */
  write(fd: number, buffer: Buffer, offset: number, length: number): number
  /** Reads into `buffer` from file `position`; returns the bytes read. */
  read(fd: number, buffer: Buffer, position: number): number
  fsync(fd: number): void
  fdatasync(fd: number): void
  ftruncate(fd: number, length: number): void
  close(fd: number): void
  rename(from: string, to: string): void
  /** Removes a file if it exists. */
  remove(file: string): void
}

export const nodeFs: LakeFs = {
  mkdirp: (dir) => void fs.mkdirSync(dir, {recursive: true}),
  exists: (file) => fs.existsSync(file),
  readFile: (file) => fs.readFileSync(file),
  open: (file, flags) => fs.openSync(file, flags),
  write: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  read: (fd, buffer, position) => fs.readSync(fd, buffer, 0, buffer.length, position),
  fsync: (fd) => fs.fsyncSync(fd),
  fdatasync: (fd) => fs.fdatasyncSync(fd),
  ftruncate: (fd, length) => fs.ftruncateSync(fd, length),
  close: (fd) => fs.closeSync(fd),
  rename: (from, to) => fs.renameSync(from, to),
  remove: (file) => fs.rmSync(file, {force: true}),
}

/** Writes all of `buffer`, however many calls it takes. */
export function writeAll(lakeFs: LakeFs, fd: number, buffer: Buffer): void {
  let written = 0
  while (written < buffer.length) written += lakeFs.write(fd, buffer, written, buffer.length - written)
}

/** Makes a rename or a new file in `dir` durable (the directory entry itself). */
export function fsyncDir(lakeFs: LakeFs, dir: string): void {
  const fd = lakeFs.open(dir, 'r')
  try {
    lakeFs.fsync(fd)
  } finally {
    lakeFs.close(fd)
  }
}

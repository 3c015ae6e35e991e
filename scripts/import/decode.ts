import {open} from 'node:fs/promises'
import {SeedFileError} from './errors'

/** Largest seed file the import reads; real releases are a few kilobytes. */
export const MAX_SEED_BYTES = 1024 * 1024

const utf8 = new TextDecoder('utf-8', {fatal: true})
const windows1252 = new TextDecoder('windows-1252', {fatal: true})

/**
 * Reads one seed file as text. UTF-8 (with or without BOM) is the norm; anything that is
 * not valid UTF-8 is decoded as Windows-1252 only when the result is plainly text, so a
 * legacy file is read correctly and a binary one is refused, never turned into mojibake.
 */
export async function readSeedText(file: string, maxBytes = MAX_SEED_BYTES): Promise<string> {
  const bytes = await readAtMost(file, maxBytes)
  if (bytes.length === 0) throw new SeedFileError(file, 'the file is empty', 'Remove it or replace it with the release text.')
  if (bytes.includes(0)) throw new SeedFileError(file, 'the file is binary, not text', 'Export the release as a UTF-8 .txt file.')
  const text = normalizeNewlines(stripBom(decode(file, bytes)))
  if (hasControlCharacters(text)) {
    throw new SeedFileError(
      file,
      'the file contains control characters, so it is not plain text',
      'Export the release as a UTF-8 .txt file.',
    )
  }
  if (text.trim() === '')
    throw new SeedFileError(file, 'the file holds only white space', 'Remove it or replace it with the release text.')
  return text
}

async function readAtMost(file: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const {size} = await handle.stat()
    if (size > maxBytes) {
      throw new SeedFileError(
        file,
        `the file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit for one release`,
        'Split it into one file per release.',
      )
    }
    const buffer = new Uint8Array(size)
    const {bytesRead} = await handle.read(buffer, 0, size, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

function decode(file: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    try {
      return windows1252.decode(bytes)
    } catch {
      throw new SeedFileError(file, 'the file is neither UTF-8 nor Windows-1252 text', 'Save it as UTF-8 and import it again.')
    }
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, '\n')

// Tab and newline are text; other C0/C1 controls mean a binary or mis-decoded file.
const hasControlCharacters = (text: string) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(text)

function formatBytes(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MiB'] : [bytes / 1024, 'KiB']
  return `${Number(value.toFixed(1))} ${unit}`
}

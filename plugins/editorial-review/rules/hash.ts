/** SHA-256 in hex; @noble/hashes is synchronous and runs in the browser and in Node alike. */
import {sha256} from '@noble/hashes/sha2.js'
import {bytesToHex, utf8ToBytes} from '@noble/hashes/utils.js'

export function sha256Hex(value: string): string {
  return bytesToHex(sha256(utf8ToBytes(value)))
}

/** A short content-derived `_key`: the same input always yields the same key. */
export function shortKey(value: string, length = 12): string {
  return sha256Hex(value).slice(0, length)
}

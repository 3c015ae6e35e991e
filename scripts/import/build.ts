/**
 * One seed file in, its documents out: read, decode, parse, detect. Pure of any target,
 * so it runs the same on the import's own thread and in its worker threads.
 */
import type {DetectContext} from '../../plugins/editorial-review/core'
import {readSeedText} from './decode'
import {buildSeedDocuments, seedChecksum, type SeedDocuments} from './documents'
import {SeedFileError} from './errors'
import {parseSeed} from './parse'

/** What building needs besides the files; the same for a whole run. */
export interface BuildJob {
  /** The policy's rules and agencies, and the distributors, that detection runs against. */
  context: DetectContext
  /** Largest seed file accepted, in bytes. */
  maxBytes: number
}

/** A file's documents, or the one line that tells the operator why it has none. */
export type BuildOutcome = {file: string; documents: SeedDocuments} | {file: string; failure: string}

export async function buildSeedFiles(files: string[], importedAt: string, job: BuildJob): Promise<BuildOutcome[]> {
  // Reads overlap; parsing and detection are CPU work, file after file.
  const texts = await Promise.allSettled(files.map((file) => readSeedText(file, job.maxBytes)))
  return texts.map((read, index) => {
    const file = files[index]!
    try {
      if (read.status === 'rejected') throw read.reason
      const parsed = parseSeed(file, read.value, job.context)
      return {
        file,
        documents: buildSeedDocuments({
          file,
          bytesChecksum: seedChecksum(read.value),
          text: read.value,
          parsed,
          importedAt,
          context: job.context,
        }),
      }
    } catch (error) {
      return {file, failure: failureDetail(error)}
    }
  })
}

/** What went wrong and what to do, for any error a file can meet on its way in. */
export function failureDetail(error: unknown): string {
  return error instanceof SeedFileError
    ? `${error.reason}. ${error.whatToDo}`
    : `could not be imported: ${error instanceof Error ? error.message : String(error)}. Fix the cause and run the import again; nothing of this file was written.`
}

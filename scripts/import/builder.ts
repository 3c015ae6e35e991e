/**
 * Turns batches of seed files into documents, on this thread or spread over worker
 * threads. Parsing and language detection are the import's CPU cost (about a
 * millisecond a file), so a large corpus builds on every core while the main thread
 * talks to the Content Lake.
 */
import Tinypool from 'tinypool'
import {buildSeedFiles, type BuildJob, type BuildOutcome} from './build'

export interface SeedBuilder {
  /** The batch's outcomes, in the order of `files`. */
  build(files: string[], importedAt: string): Promise<BuildOutcome[]>
  close(): Promise<void>
}

const WORKER = new URL('./buildWorker.ts', import.meta.url).href

/**
 * Workers load the TypeScript sources through tsx, named explicitly rather than
 * inherited: the import also runs inside hosts without it (vitest, other scripts).
 */
const WORKER_EXEC_ARGV = ['--import', import.meta.resolve('tsx')]

export function createSeedBuilder(job: BuildJob, threads: number): SeedBuilder {
  if (threads < 1) {
    return {build: (files, importedAt) => buildSeedFiles(files, importedAt, job), close: async () => {}}
  }
  const pool = new Tinypool({
    filename: WORKER,
    execArgv: WORKER_EXEC_ARGV,
    minThreads: threads,
    maxThreads: threads,
    workerData: job,
  })
  return {
    async build(files, importedAt) {
      const size = Math.ceil(files.length / threads)
      const chunks = Array.from({length: Math.ceil(files.length / size)}, (_, index) =>
        files.slice(index * size, (index + 1) * size),
      )
      const built = await Promise.all(chunks.map((chunk) => pool.run({files: chunk, importedAt}) as Promise<BuildOutcome[]>))
      return built.flat()
    },
    close: () => pool.destroy(),
  }
}

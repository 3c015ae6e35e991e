/**
 * Turns batches of seed files into documents, on this thread or spread over worker
 * threads. Parsing and language detection are the import's CPU cost (about a
 * millisecond a file), so a large corpus builds on every core while the main thread
 * talks to the Content Lake.
 */
import Tinypool from 'tinypool'
import {buildSeedFiles, type BuildJob, type BuildOutcome} from './build'
import type {DetectionInputs} from './detection'

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

/** What a worker is sent: a job of plain data (the built-in rules), or how to build its context. */
export type WorkerData = BuildJob | {maxBytes: number; detection: DetectionInputs}

/**
 * On this thread, builds with `job.context`. Worker threads build their context from
 * `detection`, since the policy's rules are functions; without it, `job.context` is
 * sent as is and must hold no rules table.
 */
export function createSeedBuilder(job: BuildJob, threads: number, detection?: DetectionInputs): SeedBuilder {
  if (threads < 1) {
    return {build: (files, importedAt) => buildSeedFiles(files, importedAt, job), close: async () => {}}
  }
  if (!detection && job.context.rules) {
    throw new Error('Worker threads cannot be sent a rules table: pass the detection inputs (the policy module).')
  }
  const workerData: WorkerData = detection ? {maxBytes: job.maxBytes, detection} : job
  const pool = new Tinypool({
    filename: WORKER,
    execArgv: WORKER_EXEC_ARGV,
    minThreads: threads,
    maxThreads: threads,
    workerData,
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

/** A worker thread of the import's builder pool (see builder.ts). */
import Tinypool from 'tinypool'
import {buildSeedFiles, type BuildJob} from './build'
import type {WorkerData} from './builder'
import {workerContext} from './detection'

const data = Tinypool.workerData as WorkerData

const job: Promise<BuildJob> =
  'detection' in data
    ? workerContext(data.detection).then((context) => ({context, maxBytes: data.maxBytes}))
    : Promise.resolve(data)
// The first batch reports a failure to build the context; until then it is not unhandled.
job.catch(() => {})

export default async function buildInWorker({files, importedAt}: {files: string[]; importedAt: string}) {
  return buildSeedFiles(files, importedAt, await job)
}

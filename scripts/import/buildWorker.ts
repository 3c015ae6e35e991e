/** A worker thread of the import's builder pool (see builder.ts). */
import Tinypool from 'tinypool'
import {buildSeedFiles, type BuildJob} from './build'

const job = Tinypool.workerData as BuildJob

export default function buildInWorker({files, importedAt}: {files: string[]; importedAt: string}) {
  return buildSeedFiles(files, importedAt, job)
}

/**
 * `npm run bench -- reuse`: the reuse check's quality on the four-language corpus
 * (precision and recall of "at least 30% reused", no flag on a quoted sentence) and its
 * speed against 100,000 releases, each printed against the targets.
 */
import {printQuality} from './reuse/quality'
import {printSpeed} from './reuse/speed'

export async function benchReuse(): Promise<void> {
  printQuality()
  await printSpeed()
}

/**
 * `npm run bench -- reuse`: the reuse check's quality on the four-language corpus
 * (precision and recall of "at least 30% reused", no flag on a quoted sentence) and its
 * speed against 100,000 releases, and an editor's article write in a lake of 10,000
 * (bench/reuse/write.ts), each printed against the targets.
 */
import {printQuality} from './reuse/quality'
import {printSpeed} from './reuse/speed'
import {printArticleWrites} from './reuse/write'

export async function benchReuse(): Promise<void> {
  printQuality()
  await printSpeed()
  await printArticleWrites()
}

/**
 * `npm run bench [-- lake|rules|import|webhooks|reuse|studio]`: runs the project's benchmarks in turn (or the
 * named ones); each prints its own ratios against a baseline measured in the same run.
 */
import {benchImport} from './import'
import {benchLake} from './lake'
import {benchReuse} from './reuse'
import {benchRules} from './rules'
import {benchWebhooks} from './webhooks'
import {benchStudio} from './studio'

const BENCHMARKS: Record<string, () => Promise<void>> = {
  lake: benchLake,
  rules: benchRules,
  import: benchImport,
  webhooks: benchWebhooks,
  reuse: benchReuse,
  studio: () => benchStudio(),
}

const chosen = process.argv.slice(2)
const unknown = chosen.filter((name) => !(name in BENCHMARKS))
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}.`)
  process.exit(2)
}
for (const name of chosen.length > 0 ? chosen : Object.keys(BENCHMARKS)) {
  console.log(`\n== ${name}`)
  await BENCHMARKS[name]!()
}

/**
 * `npm run bench [-- lake|rules|import|studio]`: runs the project's benchmarks in turn (or the
 * named ones); each prints its own ratios against a baseline measured in the same run.
 */
import {benchImport} from './import'
import {benchLake} from './lake'
import {benchRules} from './rules'
import {benchStudio} from './studio'

const BENCHMARKS: Record<string, () => Promise<void>> = {
  lake: benchLake,
  rules: benchRules,
  import: benchImport,
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

/**
 * npm run import -- [paths…] [--dry-run] [--ndjson FILE] [--batch-size N]
 *
 * Seeds become press releases (drafts, never published), distributors, disclaimers and
 * categories. Re-runnable: ids are deterministic and an editor's changes are kept.
 */
import {availableParallelism} from 'node:os'
import {parseArgs} from 'node:util'
import {REVIEW_POLICY} from '../config/reviewPolicy'
import {createTargetClient, describeTarget, resolveTarget} from '../config/target'
import {MAX_SEED_BYTES} from './import/decode'
import {countSeedFiles} from './import/files'
import {createProgress} from './import/progress'
import {runImport, type ImportSummary, type ImportTarget} from './import/run'
import {integerFlag} from './lib/flags'

/**
 * Below this many files a run finishes before worker threads have started (each loads
 * the rules and the language models, about 0.2 s), so it builds on the main thread.
 */
const THREADS_FROM_FILES = 500

const USAGE = `Usage: npm run import -- [paths…] [--dry-run] [--ndjson FILE] [--batch-size N] [--threads N]

  paths          seed files or folders (default: seeds/)
  --dry-run      print what would change, write nothing
  --ndjson FILE  write an NDJSON file for \`sanity dataset import\` instead of a dataset
  --batch-size N seed files per transaction (default 100)
  --max-bytes N  largest seed file accepted (default ${MAX_SEED_BYTES})
  --threads N    worker threads that parse and detect; 0 uses the main thread
                 (default: one per core from ${THREADS_FROM_FILES} files on, else 0)

The target is the local lake unless SANITY_PROJECT_ID and SANITY_API_TOKEN name a real
project; SANITY_API_HOST points at a lake on another port.`

async function main(): Promise<number> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': {type: 'boolean', default: false},
      ndjson: {type: 'string'},
      'batch-size': {type: 'string', default: '100'},
      'max-bytes': {type: 'string', default: String(MAX_SEED_BYTES)},
      threads: {type: 'string'},
      help: {type: 'boolean', short: 'h', default: false},
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const batchSize = integerFlag(values['batch-size'], '--batch-size', 1)
  const maxBytes = integerFlag(values['max-bytes'], '--max-bytes', 1)
  const paths = positionals.length > 0 ? positionals : ['seeds']
  const target: ImportTarget = values.ndjson
    ? {kind: 'ndjson', file: values.ndjson}
    : {kind: 'client', client: createTargetClient()}
  const where = values.ndjson ? `NDJSON file ${values.ndjson}` : describeTarget(resolveTarget())
  console.error(`${values['dry-run'] ? 'Dry run: planning' : 'Importing'} ${paths.join(', ')} into ${where}`)

  const total = await countSeedFiles(paths)
  const threads =
    values.threads === undefined
      ? total >= THREADS_FROM_FILES
        ? availableParallelism()
        : 0
      : integerFlag(values.threads, '--threads', 0)
  const summary = await runImport({
    paths,
    target,
    dryRun: values['dry-run'],
    batchSize,
    maxBytes,
    threads,
    policy: REVIEW_POLICY,
    progress: createProgress(total),
  })
  console.log(formatSummary(summary, values['dry-run']))
  return summary.failed > 0 ? 1 : 0
}

export function formatSummary(summary: ImportSummary, dryRun: boolean): string {
  const counts = [
    `${summary.imported} imported`,
    `${summary.unchanged} unchanged`,
    `${summary.updated} updated`,
    `${summary.keptEdits} kept editor changes`,
    `${summary.flagged} flagged for review`,
    `${summary.failed} failed`,
  ]
  return `${dryRun ? 'Dry run, nothing written: ' : ''}${counts.join(', ')}`
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  },
)

/**
 * Entry point: `npm run lake -- …` starts the server (or runs `import`/`export`).
 * Prints exactly one line on stdout when ready, which test helpers and scripts wait for.
 */
import {REVIEW_POLICY} from '../config/reviewPolicy'
import {parseArgs, serveOptions, USAGE, UsageError} from './cli'
import {editorialReviewGuard} from './guards/editorialReview'
import {runExport, runImport} from '../lake-client/ndjson'
import {startLake} from './server'

async function serve(argv: string[]): Promise<void> {
  // The lake holds the editorial review itself, so no client can decide or publish around it.
  const served = serveOptions(parseArgs(argv))
  const options = {...served, guard: editorialReviewGuard({policy: REVIEW_POLICY, users: served.users})}
  const lake = await startLake(options)
  for (const file of lake.store.removedTempFiles) {
    process.stderr.write(
      `lake: removed ${file}, left by a compaction that was interrupted or failed (the snapshot and journal beside it are complete)\n`,
    )
  }
  if (lake.store.recoveredTailBytes > 0) {
    process.stderr.write(
      `lake: dropped a torn tail of ${lake.store.recoveredTailBytes} bytes from the journal in ${options.dataDir} (an unacknowledged write interrupted by a crash)\n`,
    )
  }
  process.stdout.write(`lake listening on ${lake.url}\n`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    lake.close().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`lake: error while shutting down on ${signal}: ${err.message}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  // fetch keeps idle keep-alive sockets open for seconds; a one-shot command exits as soon as it is done.
  if (command === 'import') return runImport(parseArgs(rest, 'import')).then(() => process.exit(0))
  if (command === 'export') return runExport(parseArgs(rest, 'export')).then(() => process.exit(0))
  if (command === 'help' || argv.includes('--help')) {
    process.stdout.write(USAGE + '\n')
    return
  }
  if (command === 'serve') return serve(rest)
  return serve(argv)
}

main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(err instanceof UsageError ? `${err.message}\n\n${USAGE}\n` : `lake: ${err.message}\n`)
  process.exit(err instanceof UsageError ? 2 : 1)
})

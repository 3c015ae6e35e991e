/**
 * npm run audit -- [--json] [--no-detect] [--page-size N]
 *
 * Lists published third-party press releases without a current approval: never
 * approved, approval outdated (content changed since), changes requested, rejected.
 * Exit codes for CI and cron: 0 none, 1 some, 2 the audit could not run. No TTY
 * assumptions: plain lines on stdout, errors on stderr.
 */
import {parseArgs} from 'node:util'
import {createTargetClient, describeTarget, resolveTarget} from '../config/target'
import {humanReport, jsonReport} from './audit/report'
import {DEFAULT_PAGE_SIZE, runAudit} from './audit/run'
import {integerFlag} from './lib/flags'

const USAGE = `Usage: npm run audit -- [--json] [--no-detect] [--page-size N]

  --json         machine-readable output on stdout
  --no-detect    trust review.thirdParty only; skip the detection rules
  --page-size N  documents per request (default ${DEFAULT_PAGE_SIZE})

Exit status: 0 when every published release may be public, 1 when some lack a current
approval, 2 when the audit could not run. The target is the local lake unless
SANITY_PROJECT_ID and SANITY_API_TOKEN name a real project (the token needs read access);
SANITY_API_HOST points at a lake on another port.`

const EXIT = {clean: 0, problems: 1, error: 2} as const

interface Cli {
  /** Machine-readable output. */
  json: boolean
  /** Run the detection rules as well as trusting the stored flag. */
  detect: boolean
  /** Documents per request. */
  pageSize: number
  /** Print usage and stop. */
  help: boolean
}

function cli(argv: string[]): Cli {
  const {values} = parseArgs({
    args: argv,
    options: {
      json: {type: 'boolean', default: false},
      'no-detect': {type: 'boolean', default: false},
      'page-size': {type: 'string', default: String(DEFAULT_PAGE_SIZE)},
      help: {type: 'boolean', short: 'h', default: false},
    },
  })
  return {
    json: values.json,
    detect: !values['no-detect'],
    pageSize: integerFlag(values['page-size'], '--page-size', 1),
    help: values.help,
  }
}

async function audit(options: Cli): Promise<number> {
  const target = resolveTarget()
  const where = describeTarget(target)
  const context = {target: where, checkedAt: new Date().toISOString()}
  try {
    const result = await runAudit({client: createTargetClient(target), pageSize: options.pageSize, detect: options.detect})
    console.log(options.json ? jsonReport(result, context) : humanReport(result, context))
    return result.problems.length > 0 ? EXIT.problems : EXIT.clean
  } catch (error) {
    throw new Error(
      `reading published press releases from ${where} failed: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

function fail(message: string, json: boolean): number {
  console.error(`Audit could not run: ${message}`)
  // CI that parses stdout as JSON still gets a document saying what went wrong.
  if (json) console.log(JSON.stringify({ok: false, error: message}, null, 2))
  return EXIT.error
}

async function main(argv: string[]): Promise<number> {
  let options: Cli
  try {
    options = cli(argv)
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, argv.includes('--json'))
  }
  if (options.help) {
    console.log(USAGE)
    return EXIT.clean
  }
  return audit(options).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), options.json))
}

main(process.argv.slice(2)).then((code) => process.exit(code))

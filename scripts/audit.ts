/**
 * npm run audit -- [--json] [--no-detect] [--no-history] [--page-size N]
 * npm run audit -- --overdue [--notify | --as-of TIME] [--json] [--page-size N]
 *
 * Lists published third-party copy (every type the review policy reviews) without a
 * current approval: never approved, approval outdated (content changed since), changes
 * requested, rejected; and approvals the History API does not back: written by someone
 * other than the reviewer they name, by a non-reviewer, by the copy's last editor, on
 * other content, or postdated. Exit codes for CI and cron: 0 none, 1 some, 2 the audit
 * could not run. Plain lines on stdout, errors on stderr; progress only on a terminal.
 */
import {parseArgs} from 'node:util'
import {REVIEW_POLICY} from '../config/reviewPolicy'
import {createTargetClient, describeTarget, resolveTarget} from '../config/target'
import {humanReport, jsonReport} from './audit/report'
import {markingUser, markOverdueCopies, marksReport} from './audit/notify'
import {findOverdue, overdueJson, overdueReport} from './audit/overdue'
import {DEFAULT_PAGE_SIZE, runAudit} from './audit/run'
import {integerFlag} from './lib/flags'

const USAGE = `Usage: npm run audit -- [--json] [--no-detect] [--no-history] [--page-size N]
       npm run audit -- --overdue [--notify | --as-of TIME] [--json] [--page-size N]

  --json         machine-readable output on stdout
  --no-detect    trust review.thirdParty only; skip the detection rules
  --no-history   do not verify approvals against the History API and the project's members
  --page-size N  documents per request (default ${DEFAULT_PAGE_SIZE})
  --overdue      instead: flagged copy (drafts too) waiting for review longer than the
                 review policy's reviewWithinHours; exit 1 when there is any
  --notify       with --overdue: mark each overdue copy once per due time, which the
                 \`overdue\` webhook (npm run hooks) turns into a message; needs a token
                 that may write drafts
  --as-of TIME   with --overdue: judge as of this ISO time instead of now

Exit status: 0 when every published release may be public, 1 when some lack a current,
verified approval, 2 when the audit could not run. The target is the local lake unless
SANITY_PROJECT_ID and SANITY_API_TOKEN name a real project (the token needs read access to
documents and their history, and to the project's members);
SANITY_API_HOST points at a lake on another port.`

const EXIT = {clean: 0, problems: 1, error: 2} as const

interface Cli {
  /** Machine-readable output. */
  json: boolean
  /** Run the detection rules as well as trusting the stored flag. */
  detect: boolean
  /** Verify approvals against the History API. */
  history: boolean
  /** Documents per request. */
  pageSize: number
  /** Report overdue copy instead of published problems. */
  overdue: boolean
  /** Mark overdue copy for the webhook as well as listing it. */
  notify: boolean
  /** The time `--overdue` judges by. */
  asOf: Date
  /** Print usage and stop. */
  help: boolean
}

function timeFlag(value: string | undefined): Date {
  if (value === undefined) return new Date()
  const ms = Date.parse(value)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || !Number.isFinite(ms))
    throw new Error(`--as-of takes an ISO time such as 2026-01-31T09:00:00Z, not "${value}".`)
  return new Date(ms)
}

function cli(argv: string[]): Cli {
  const {values} = parseArgs({
    args: argv,
    options: {
      json: {type: 'boolean', default: false},
      'no-detect': {type: 'boolean', default: false},
      'no-history': {type: 'boolean', default: false},
      'page-size': {type: 'string', default: String(DEFAULT_PAGE_SIZE)},
      overdue: {type: 'boolean', default: false},
      notify: {type: 'boolean', default: false},
      'as-of': {type: 'string'},
      help: {type: 'boolean', short: 'h', default: false},
    },
  })
  if (values.notify && !values.overdue) throw new Error('--notify goes with --overdue.')
  // A mark says the due time passed now; the lake judges it by its own clock.
  if (values.notify && values['as-of'] !== undefined) throw new Error('--notify marks what is overdue now; leave out --as-of.')
  return {
    json: values.json,
    detect: !values['no-detect'],
    history: !values['no-history'],
    pageSize: integerFlag(values['page-size'], '--page-size', 1),
    overdue: values.overdue,
    notify: values.notify,
    asOf: timeFlag(values['as-of']),
    help: values.help,
  }
}

/** A running count on an interactive terminal only; logs and CI get no progress noise. */
function terminalProgress(): ((checked: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined
  return (checked) => process.stderr.write(`\rChecked ${checked} published documents…`)
}

async function auditOverdue(options: Cli): Promise<number> {
  const target = resolveTarget()
  const where = describeTarget(target)
  const client = createTargetClient(target)
  const user = options.notify ? await markingUser(client, target.local) : undefined
  let scan
  try {
    scan = await findOverdue({client, policy: REVIEW_POLICY, now: options.asOf, pageSize: options.pageSize})
  } catch (error) {
    throw new Error(
      `reading copy waiting for review from ${where} failed: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const marks = user
    ? await markOverdueCopies({client, copies: scan.copies, policy: REVIEW_POLICY, user, now: options.asOf})
    : undefined
  if (options.json) console.log(JSON.stringify({...overdueJson(scan.result, where), ...(marks ? {marks} : {})}, null, 2))
  else console.log([overdueReport(scan.result, where), ...(marks ? [marksReport(marks)] : [])].join('\n'))
  return scan.result.overdue.length > 0 ? EXIT.problems : EXIT.clean
}

async function audit(options: Cli): Promise<number> {
  if (options.overdue) return auditOverdue(options)
  const target = resolveTarget()
  const where = describeTarget(target)
  const context = {target: where, checkedAt: new Date().toISOString()}
  try {
    const result = await runAudit({
      client: createTargetClient(target),
      policy: REVIEW_POLICY,
      pageSize: options.pageSize,
      detect: options.detect,
      verifyApprovals: options.history,
      progress: terminalProgress(),
    })
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
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

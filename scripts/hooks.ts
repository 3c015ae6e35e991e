/**
 * npm run hooks -- --url <endpoint> [--studio-url <url>]
 *
 * Registers the newsroom's review webhooks (needs review, changes requested, approved,
 * approval outdated, assigned to you, overdue) on the configured target, the local lake or
 * a hosted project, through Sanity's webhook Management API. Each delivers a Slack-shaped
 * message ({text, blocks}). Idempotent: webhooks are matched by name and only changed when they differ.
 * The delivery URL and the signing secret are never printed (a Slack URL is a credential).
 */
import {parseArgs} from 'node:util'
import {REVIEW_POLICY} from '../config/reviewPolicy'
import {createTargetClient, describeTarget, resolveTarget} from '../config/target'
import {reviewHooks} from './hooks/definitions'
import {syncHooks} from './hooks/sync'

const DEFAULT_STUDIO_URL = 'http://localhost:3333'

const USAGE = `Usage: npm run hooks -- --url <endpoint> [--studio-url <url>]

  --url URL         where messages go: a Slack incoming-webhook URL
                    (https://hooks.slack.com/services/…) or any http(s) endpoint;
                    or set PRESSROOM_HOOK_URL
  --studio-url URL  Studio base for the links in messages (default ${DEFAULT_STUDIO_URL},
                    or SANITY_STUDIO_URL)

PRESSROOM_HOOK_SECRET, when set, signs every delivery (sanity-webhook-signature header,
verify it with @sanity/webhook). The target is the local lake unless SANITY_PROJECT_ID and
SANITY_API_TOKEN name a real project; managing webhooks needs an administrator's token
(on the local lake: SANITY_API_TOKEN=lake-admin-token).`

function httpUrl(value: string, flag: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${flag} must be an absolute http(s) URL, not "${value.slice(0, 80)}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${flag} must use http or https, not ${url.protocol}`)
  return url.toString()
}

async function main(argv: string[]): Promise<number> {
  const {values} = parseArgs({
    args: argv,
    options: {url: {type: 'string'}, 'studio-url': {type: 'string'}, help: {type: 'boolean', short: 'h', default: false}},
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const rawUrl = values.url ?? process.env.PRESSROOM_HOOK_URL
  if (!rawUrl) throw new Error(`--url is required\n\n${USAGE}`)
  const target = resolveTarget()
  const hooks = reviewHooks({
    url: httpUrl(rawUrl, '--url'),
    dataset: target.dataset,
    types: REVIEW_POLICY.types,
    studioUrl: httpUrl(values['studio-url'] ?? process.env.SANITY_STUDIO_URL ?? DEFAULT_STUDIO_URL, '--studio-url'),
    secret: process.env.PRESSROOM_HOOK_SECRET?.trim() || null,
    decisionTimes: target.local ? 'commit' : 'client',
    reviewWithinHours: REVIEW_POLICY.reviewWithinHours,
  })
  let results
  try {
    results = await syncHooks(createTargetClient(target), target.projectId, hooks)
  } catch (error) {
    const status = (error as {statusCode?: number}).statusCode
    const hint =
      status === 401 || status === 403
        ? `; managing webhooks needs an administrator's token in SANITY_API_TOKEN${target.local ? ' (lake-admin-token on the local lake)' : ''}`
        : ''
    throw new Error(`registering webhooks on ${describeTarget(target)} failed: ${(error as Error).message}${hint}`)
  }
  for (const {name, outcome} of results) console.log(`${outcome.padEnd(9)} ${name}`)
  console.log(`Messages go to ${new URL(rawUrl).host} for ${describeTarget(target)}.`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`hooks: ${error.message}`)
    process.exit(2)
  },
)

/**
 * npm run web -- [--port N] [--site-url ORIGIN]
 *
 * The reference front-end on http://127.0.0.1:3000 (loopback only), reading the target
 * every script uses (config/target.ts): the local lake unless a real project is set.
 */
import {parseArgs} from 'node:util'
import {createTargetClient, describeTarget, resolveTarget} from '../config/target'
import {startWebServer} from './app'

const USAGE = `Usage: npm run web -- [--port N] [--site-url ORIGIN]

  --port N            port on 127.0.0.1 (default 3000; 0 picks a free one)
  --site-url ORIGIN   public origin for absolute URLs in JSON-LD (default: the listening address)

Reads published press releases from the local lake, or from a real project when
SANITY_PROJECT_ID and SANITY_API_TOKEN are set (SANITY_API_HOST: a lake on another port).`

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      port: {type: 'string', default: '3000'},
      'site-url': {type: 'string'},
      help: {type: 'boolean', short: 'h', default: false},
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port takes 0-65535, not "${values.port}".`)
  const target = resolveTarget()
  const siteUrl = values['site-url']
  if (siteUrl !== undefined && !/^https?:\/\/[^/]+$/.test(siteUrl))
    throw new Error(`--site-url takes an origin such as https://news.example, not "${siteUrl}".`)
  const web = await startWebServer({port, client: createTargetClient(target), ...(siteUrl ? {siteUrl} : {})})
  console.log(`web listening on ${web.url} (reading ${describeTarget(target)})`)
  const stop = () => web.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`web: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

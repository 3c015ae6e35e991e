/** Helpers for the browser tests' logs of what the Studio asked the lake. */

/**
 * The action types (and dry run) of an Actions API request body, as ` [type, …, dryRun]`, or ''
 * for any other body: every POST to /data/actions has the same URL, so the log needs this.
 */
export function actionsOf(body: string | null): string {
  if (!body?.includes('"actionType"')) return ''
  try {
    const {actions, dryRun} = JSON.parse(body) as {actions?: {actionType?: string} | {actionType?: string}[]; dryRun?: boolean}
    const types = [actions ?? []].flat().map((action) => action.actionType)
    return ` [${types.join(', ')}${dryRun ? ', dryRun' : ''}]`
  } catch {
    return ''
  }
}

/**
 * The review gate refusing the Studio's dry-run publish of a release that holds unapproved
 * third-party copy: the Releases tool asks whether "Run release" would be allowed, and the lake
 * answers as it would answer the publish itself. The one 4xx the browser tests expect.
 */
export function isGateDryRun(status: number, method: string, url: string, body: string | null): boolean {
  return (
    status === 409 &&
    method === 'POST' &&
    url.includes('/data/actions/') &&
    actionsOf(body) === ' [sanity.action.release.publish, dryRun]'
  )
}

/**
 * The project's members and their roles, from `/projects/:id/acl` (hosted Sanity's
 * global API; the local lake answers the same shape from its user directory).
 */
import type {SanityClient} from '@sanity/client'

/** One entry of `/projects/:id/acl`. */
interface AclEntry {
  projectUserId: string
  isRobot: boolean
  roles: {name: string; title?: string}[]
}

/** Role names by user id; robots (API tokens) too, since a token's author id is what history records. */
export async function memberRoles(client: SanityClient): Promise<Map<string, string[]>> {
  const {projectId} = client.config()
  const entries = await client
    .request<AclEntry[]>({uri: `/projects/${projectId}/acl`, useGlobalApi: true, tag: 'pressroom.audit'})
    .catch((error: unknown) => {
      // Without the members no approval can be verified; say what the token lacks, not just a status.
      const why = error instanceof Error ? error.message : String(error)
      throw new Error(
        `reading the project's members (/projects/${projectId}/acl) failed: ${why}. The audit's token needs to read project members, or run it with --no-history.`,
      )
    })
  return new Map(entries.map((entry) => [entry.projectUserId, entry.roles.map((role) => role.name)]))
}

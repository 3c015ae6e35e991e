import {useEffect, useState} from 'react'
import {useClient, useUserStore} from 'sanity'
import {API_VERSION} from '../constants'
import {isReviewer, type ReviewUser} from '../core'

/** One entry of `/projects/:id/acl` (hosted Sanity's global API; the local lake answers the same from its users). */
interface AclEntry {
  projectUserId: string
  isRobot: boolean
  roles: {name: string}[]
}

export type ReviewersState = {state: 'loading'} | {state: 'ready'; reviewers: ReviewUser[]} | {state: 'failed'; error: string}

/**
 * The project's members who may review, with their names: whom copy can be assigned to.
 * Roles come from the project's ACL, names from the Studio's user store (as avatars get them).
 */
export function useReviewers(reviewerRoles: readonly string[]): ReviewersState {
  const client = useClient({apiVersion: API_VERSION})
  const userStore = useUserStore()
  const [state, setState] = useState<ReviewersState>({state: 'loading'})
  const roleKey = reviewerRoles.join(',')
  useEffect(() => {
    let cancelled = false
    const projectId = client.config().projectId
    client
      .request<AclEntry[]>({uri: `/projects/${projectId}/acl`, useGlobalApi: true, tag: 'editorial-review.reviewers'})
      .then(async (entries) => {
        const members = entries
          .filter((entry) => !entry.isRobot)
          .map((entry) => ({id: entry.projectUserId, roles: entry.roles.map((role) => role.name)}))
          .filter((member) => isReviewer(member, roleKey.split(',')))
        const users = await userStore.getUsers(members.map((member) => member.id))
        const names = new Map(users.map((user) => [user.id, user.displayName]))
        const reviewers = members
          .map((member) => ({...member, name: names.get(member.id) ?? member.id}))
          .sort((a, b) => a.name.localeCompare(b.name))
        if (!cancelled) setState({state: 'ready', reviewers})
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({state: 'failed', error: error instanceof Error ? error.message : String(error)})
      })
    return () => {
      cancelled = true
    }
  }, [client, userStore, roleKey])
  return state
}

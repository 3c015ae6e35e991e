import {useMemo} from 'react'
import {useCurrentUser} from 'sanity'
import {ANONYMOUS_PROVIDER} from '../constants'
import type {ReviewUser} from '../core'

/** The Studio's current user in the shape the review model takes. */
export function useReviewUser(): ReviewUser | undefined {
  const user = useCurrentUser()
  return useMemo(
    () =>
      user
        ? {
            id: user.id,
            name: user.name,
            roles: user.roles.map((role) => role.name),
            ...(user.provider === ANONYMOUS_PROVIDER ? {anonymous: true} : {}),
          }
        : undefined,
    [user],
  )
}

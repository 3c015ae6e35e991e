/**
 * Who may decide. Sanity's built-in roles name the people who may approve; a site
 * with custom roles lists its own in the plugin options.
 */
import type {ReviewUser} from './types'

export const DEFAULT_REVIEWER_ROLES: readonly string[] = ['administrator', 'editor']

/** True when the user holds at least one reviewer role. */
export function isReviewer(user: Pick<ReviewUser, 'roles'> | undefined, reviewerRoles: readonly string[]): boolean {
  if (!user) return false
  return user.roles.some((role) => reviewerRoles.includes(role))
}

/**
 * Local users and their bearer tokens. Tokens are development fixtures (documented in
 * lake/README.md) and never logged. With no token a request acts as the default
 * administrator, so a Studio opened in a browser just works; an unknown token is a 401
 * so tests notice a mistyped token instead of silently getting admin rights.
 */
import fs from 'node:fs'
import {errors} from '../errors'
import {isDraftId, isVersionId} from '../store/ids'
import type {Change, LakeUser, RoleName} from '../store/types'

/** A user entry in the defaults or in a users file. */
export interface UserEntry extends LakeUser {
  /** Bearer token that selects this user. */
  token: string
}

export const ROLES: Record<RoleName, {title: string; description: string}> = {
  administrator: {
    title: 'Administrator',
    description: 'Read and write access to all datasets, with full access to all project settings.',
  },
  editor: {title: 'Editor', description: 'Read and write access to all datasets.'},
  contributor: {title: 'Contributor', description: 'Read access to all datasets, write access to drafts.'},
  viewer: {title: 'Viewer', description: 'Read access to all datasets.'},
}

export const DEFAULT_USERS: UserEntry[] = [
  {
    id: 'local-admin',
    name: 'Local Administrator',
    email: 'admin@pressroom.localhost',
    role: 'administrator',
    token: 'lake-admin-token',
  },
  {id: 'local-editor', name: 'Local Editor', email: 'editor@pressroom.localhost', role: 'editor', token: 'lake-editor-token'},
  {
    id: 'local-contributor',
    name: 'Local Contributor',
    email: 'contributor@pressroom.localhost',
    role: 'contributor',
    token: 'lake-contributor-token',
  },
  {id: 'local-viewer', name: 'Local Viewer', email: 'viewer@pressroom.localhost', role: 'viewer', token: 'lake-viewer-token'},
]

function isRole(value: unknown): value is RoleName {
  return typeof value === 'string' && value in ROLES
}

/** Reads a users file: a JSON array of `{id, name, email, role, token}`. */
export function loadUsersFile(file: string): UserEntry[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`Cannot read users file ${file}: ${(err as Error).message}`)
  }
  if (!Array.isArray(parsed)) throw new Error(`Users file ${file} must contain a JSON array of users`)
  return parsed.map((entry: Record<string, unknown>, i) => {
    for (const field of ['id', 'name', 'email', 'token'] as const) {
      if (typeof entry?.[field] !== 'string' || !entry[field])
        throw new Error(`Users file ${file}: entry ${i} needs a string "${field}"`)
    }
    if (!isRole(entry.role))
      throw new Error(
        `Users file ${file}: entry ${i} has unknown role ${JSON.stringify(entry.role)} (use ${Object.keys(ROLES).join(', ')})`,
      )
    return {
      id: entry.id as string,
      name: entry.name as string,
      email: entry.email as string,
      role: entry.role,
      token: entry.token as string,
    }
  })
}

export class UserDirectory {
  private readonly byToken: Map<string, LakeUser>
  private readonly tokens: Map<string, string>
  readonly users: LakeUser[]
  /** Who a request without a token acts as; undefined means such requests get 401. */
  readonly anonymous: LakeUser | undefined
  /** Who asks the sign-in endpoints before signing in: the default user, or with none, a viewer nobody is. */
  readonly signedOut: LakeUser

  constructor(entries: UserEntry[], anonymousRole: RoleName | 'none') {
    this.byToken = new Map(entries.map(({token, ...user}) => [token, user]))
    this.tokens = new Map(entries.map(({id, token}) => [id, token]))
    this.users = entries.map(({token: _t, ...user}) => user)
    this.anonymous = anonymousRole === 'none' ? undefined : this.users.find((u) => u.role === anonymousRole)
    if (anonymousRole !== 'none' && !this.anonymous)
      throw new Error(`No user has role "${anonymousRole}" to serve requests without a token`)
    this.signedOut = this.anonymous ?? {id: 'signed-out', name: 'Not signed in', email: '', role: 'viewer'}
  }

  /** The token that selects a user, handed to a browser only by the sign-in exchange (lake/http/auth.ts). */
  tokenOf(userId: string): string | undefined {
    return this.tokens.get(userId)
  }

  /** Resolves the `Authorization` header; throws a 401 LakeError for unknown tokens. */
  authenticate(authorization: string | undefined): LakeUser {
    const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim()
    if (!token) {
      if (this.anonymous) return this.anonymous
      throw errors.unauthorized('A bearer token is required')
    }
    const user = this.byToken.get(token)
    if (!user) throw errors.unauthorized('Session not found: the bearer token is not a known lake user token')
    return user
  }
}

export function canWrite(user: LakeUser): boolean {
  return user.role !== 'viewer'
}

/**
 * Role rules applied to a transaction's changes: viewers write nothing, contributors only
 * drafts and release versions (like Sanity's contributor role). Returns why not, or undefined.
 */
export function forbiddenReason(user: LakeUser, changes: Change[]): string | undefined {
  if (user.role === 'viewer') return `User "${user.id}" has the viewer role and may not write`
  if (user.role === 'contributor') {
    const blocked = changes.find((c) => !isDraftId(c.id) && !isVersionId(c.id))
    if (blocked) return `User "${user.id}" has the contributor role and may only write drafts, not "${blocked.id}"`
  }
  return undefined
}

/** Document grants in the shape of `/projects/:id/datasets/:dataset/acl`, which the Studio evaluates. */
export function documentGrants(role: RoleName): {filter: string; permissions: string[]}[] {
  const all = 'read create history update'.split(' ')
  switch (role) {
    case 'administrator':
    case 'editor':
      return [{filter: '_id in path("**")', permissions: all}]
    case 'contributor':
      return [
        {filter: '_id in path("**")', permissions: ['read', 'history']},
        {filter: '_id in path("drafts.**") || _id in path("versions.**")', permissions: ['create', 'history', 'update']},
      ]
    case 'viewer':
      return [{filter: '_id in path("**")', permissions: ['read', 'history']}]
  }
}

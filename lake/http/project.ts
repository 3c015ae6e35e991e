/**
 * Project-level endpoints: the current user, the project, datasets, and the grants the
 * Studio evaluates to decide what the user may do (publish buttons, read-only mode).
 */
import {documentGrants, ROLES} from '../auth/users'
import type {LakeUser} from '../store/types'
import {readBody, sendJson, type RequestContext} from './context'

function roleList(user: LakeUser) {
  return [{name: user.role, title: ROLES[user.role].title, description: ROLES[user.role].description}]
}

/** `/users/me`: the shape the Studio's auth store reads (id, name, email, role, roles). */
export function meHandler(ctx: RequestContext): void {
  const {user} = ctx
  // Data requests without a token act as the default user, but nobody is signed in: the
  // Studio shows its login screen (lake/http/auth.ts) for an answer without an id, as Sanity's.
  if (!ctx.req.headers.authorization) return sendJson(ctx, 200, {})
  sendJson(ctx, 200, {
    id: user.id,
    name: user.name,
    email: user.email,
    profileImage: null,
    role: user.role,
    roles: roleList(user).map(({name, title}) => ({name, title})),
    provider: 'local',
  })
}

function publicUser(user: LakeUser) {
  return {
    id: user.id,
    displayName: user.name,
    familyName: null,
    givenName: null,
    middleName: null,
    imageUrl: null,
    email: user.email,
  }
}

/** `/users/:ids` and `/projects/:id/users/:ids`: profiles for avatars and presence. */
export function usersHandler(ctx: RequestContext): void {
  const ids = (ctx.params.ids ?? '').split(',').filter(Boolean)
  const found = ids
    .map((id) => ctx.app.users.users.find((u) => u.id === id))
    .map((u, i) => (u ? publicUser(u) : {id: ids[i], displayName: ids[i]}))
  sendJson(ctx, 200, ids.length === 1 ? found[0] : found)
}

export function projectHandler(ctx: RequestContext): void {
  const id = ctx.params.projectId ?? ctx.projectId
  sendJson(ctx, 200, {
    id,
    displayName: `Pressroom local lake (${id})`,
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    organizationId: null,
    organization: null,
    metadata: {color: null, externalStudioHost: null},
    maxRetentionDays: 3650,
    activityFeedEnabled: false,
    createdAt: '2026-01-01T00:00:00Z',
    pendingInvites: 0,
    features: [],
    members: ctx.app.users.users.map((user) => ({
      id: user.id,
      role: user.role,
      roles: roleList(user).map(({name, title}) => ({name, title})),
      isCurrentUser: user.id === ctx.user.id,
      isRobot: false,
      createdAt: '2026-01-01T00:00:00Z',
    })),
  })
}

/**
 * `/projects/:id/acl`: every member with their roles, in the shape of Sanity's endpoint
 * (`[{projectUserId, isRobot, roles: [{name, title}]}]`), which the audit reads to
 * tell whether an approver may review.
 */
export function projectAclHandler(ctx: RequestContext): void {
  sendJson(
    ctx,
    200,
    ctx.app.users.users.map((user) => ({
      projectUserId: user.id,
      isRobot: false,
      roles: roleList(user).map(({name, title}) => ({name, title})),
    })),
  )
}

export function datasetsHandler(ctx: RequestContext): void {
  const names = new Set([...ctx.app.store.datasetNames(), ctx.app.defaultDataset])
  sendJson(
    ctx,
    200,
    [...names].sort().map((name) => ({
      name,
      aclMode: 'private',
      createdAt: '2026-01-01T00:00:00Z',
      createdByUserId: ctx.user.id,
      addonFor: null,
      datasetProfile: 'content',
      tags: [],
    })),
  )
}

/** `/projects/:id/datasets/:dataset/acl`: document grants for the current user's role. */
export function aclHandler(ctx: RequestContext): void {
  sendJson(ctx, 200, documentGrants(ctx.user.role))
}

/** `/projects/:id/grants`: project permission grants (only consulted for studio deployment hints). */
export function projectGrantsHandler(ctx: RequestContext): void {
  const admin = ctx.user.role === 'administrator'
  const names = ['read', ...(admin ? ['update', 'deployStudio', 'createSession'] : [])]
  sendJson(ctx, 200, {
    'sanity.project': [{grants: names.map((name) => ({name, params: {}})), config: {}}],
    'sanity.document.filter.mode': [
      {grants: [{name: ctx.user.role === 'viewer' ? 'read' : 'mode', params: {}}], config: {filter: '_id in path("**")'}},
    ],
  })
}

/** Per-user key/value settings the Studio stores server-side (kept in memory, per user). */
export function keyValueHandler(ctx: RequestContext): Promise<void> | void {
  const store = ctx.app.keyValues
  let mine = store.get(ctx.user.id)
  if (!mine) store.set(ctx.user.id, (mine = new Map()))
  const bucket = mine
  if (ctx.req.method === 'GET') {
    const keys = (ctx.params.keys ?? '').split(',').filter(Boolean)
    sendJson(
      ctx,
      200,
      keys.map((key) => ({key, value: bucket.has(key) ? bucket.get(key) : null})),
    )
    return
  }
  return readBody(ctx.req).then((raw) => {
    let pairs: unknown
    try {
      pairs = JSON.parse(raw.toString('utf8') || '[]')
    } catch {
      pairs = undefined
    }
    if (!Array.isArray(pairs)) {
      sendJson(ctx, 400, {error: {type: 'validationError', description: 'Body must be an array of {key, value}'}})
      return
    }
    const saved = pairs
      .filter(
        (p): p is {key: string; value: unknown} => !!p && typeof p === 'object' && typeof (p as {key?: unknown}).key === 'string',
      )
      .map(({key, value}) => {
        bucket.set(key, value)
        return {key, value}
      })
    sendJson(ctx, 200, saved)
  })
}

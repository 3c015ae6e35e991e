/** The lake's dispatch table. Paths are after the `/v<apiVersion>` prefix. */
import {actionsHandler} from './actions'
import {fetchTokenHandler, loginHandler, loginPageHandler, logoutHandler, providersHandler} from './auth'
import {docHandler, exportHandler} from './doc'
import {createHook, deleteHook, getHook, hookAttempt, hookAttempts, hookMessages, listHooks, updateHook} from './hooks'
import {documentEventsHandler, documentsAtHandler, transactionsHandler} from './history'
import {listenHandler} from './listen'
import {mutateHandler} from './mutate'
import {
  aclHandler,
  datasetsHandler,
  keyValueHandler,
  meHandler,
  projectAclHandler,
  projectGrantsHandler,
  projectHandler,
  usersHandler,
} from './project'
import {queryHandler} from './query'
import {referencesToHandler} from './references'
import type {Route} from './router'
import {constant, stubs} from './stubs'

export const routes: Route[] = [
  {methods: ['GET', 'POST'], pattern: '/data/query/:dataset', handler: queryHandler},
  {methods: ['GET'], pattern: '/data/doc/:dataset/:ids', handler: docHandler},
  {methods: ['GET'], pattern: '/data/export/:dataset', handler: exportHandler},
  {methods: ['POST'], pattern: '/data/mutate/:dataset', handler: mutateHandler, write: true},
  {methods: ['POST'], pattern: '/data/actions/:dataset', handler: actionsHandler, write: true},
  {methods: ['GET'], pattern: '/data/listen/:dataset', handler: listenHandler, stream: true},
  {methods: ['GET'], pattern: '/data/history/:dataset/transactions/:ids', handler: transactionsHandler},
  {methods: ['GET'], pattern: '/data/history/:dataset/documents/:ids', handler: documentsAtHandler},
  // Lifecycle events; the Studio derives a document's edits from its transactions itself.
  {methods: ['GET'], pattern: '/data/history/:dataset/events/documents/:id', handler: documentEventsHandler},
  {methods: ['GET'], pattern: '/data/history/:dataset/events/releases/:id', handler: constant({events: [], nextCursor: ''})},
  {methods: ['GET'], pattern: '/data/references/:dataset/documents/:id/to', handler: referencesToHandler},
  // The Studio's latency report reads only the response headers (`X-Sanity-Shard`).
  {methods: ['GET'], pattern: '/data/ping/:dataset', handler: constant(stubs.ping)},

  {methods: ['GET'], pattern: '/auth/providers', handler: providersHandler, signIn: true},
  {methods: ['GET'], pattern: '/auth/login/:user', handler: loginPageHandler, signIn: true},
  {methods: ['POST'], pattern: '/auth/login', handler: loginHandler, signIn: true},
  {methods: ['GET'], pattern: '/auth/fetch', handler: fetchTokenHandler, signIn: true},
  {methods: ['POST'], pattern: '/auth/logout', handler: logoutHandler, signIn: true},
  {methods: ['GET'], pattern: '/users/me', handler: meHandler},
  {methods: ['GET'], pattern: '/users/me/keyvalue/:keys', handler: keyValueHandler},
  {methods: ['PUT', 'POST'], pattern: '/users/me/keyvalue', handler: keyValueHandler},
  {methods: ['GET'], pattern: '/users/:ids', handler: usersHandler},
  {methods: ['GET'], pattern: '/projects/:projectId', handler: projectHandler},
  {methods: ['GET'], pattern: '/projects/:projectId/users/:ids', handler: usersHandler},
  {methods: ['GET'], pattern: '/projects/:projectId/acl', handler: projectAclHandler},
  {methods: ['GET'], pattern: '/projects/:projectId/grants', handler: projectGrantsHandler},
  {methods: ['GET'], pattern: '/projects/:projectId/datasets', handler: datasetsHandler},
  {methods: ['GET'], pattern: '/projects/:projectId/new-content-release-allowed', handler: constant(stubs.releaseLimits)},
  {methods: ['GET'], pattern: '/projects/:projectId/datasets/:dataset/acl', handler: aclHandler},
  {methods: ['GET'], pattern: '/projects/:projectId/user-applications', handler: constant(stubs.userApplications)},
  {methods: ['GET'], pattern: '/projects/:projectId/user-applications/*', handler: constant(null)},
  {methods: ['GET'], pattern: '/datasets', handler: datasetsHandler},
  {methods: ['GET'], pattern: '/subscriptions/project/:projectId', handler: constant(stubs.projectSubscriptions)},
  // Webhook Management API (hooks.ts); administrators only.
  {methods: ['GET'], pattern: '/hooks/projects/:projectId', handler: listHooks},
  {methods: ['POST'], pattern: '/hooks/projects/:projectId', handler: createHook, write: true},
  {methods: ['GET'], pattern: '/hooks/projects/:projectId/attempts/:attemptId', handler: hookAttempt},
  {methods: ['GET'], pattern: '/hooks/projects/:projectId/:id', handler: getHook},
  {methods: ['PUT', 'PATCH'], pattern: '/hooks/projects/:projectId/:id', handler: updateHook, write: true},
  {methods: ['DELETE'], pattern: '/hooks/projects/:projectId/:id', handler: deleteHook, write: true},
  {methods: ['GET'], pattern: '/hooks/projects/:projectId/:id/attempts', handler: hookAttempts},
  {methods: ['GET'], pattern: '/hooks/projects/:projectId/:id/messages', handler: hookMessages},
  // A viewer's Studio asks whether it has asked for a role; nobody has, locally (roles are set in the lake's users).
  {methods: ['GET'], pattern: '/access/requests/me', handler: constant([])},

  {methods: ['GET'], pattern: '/features', handler: constant(stubs.features)},
  {methods: ['GET'], pattern: '/features/*', handler: constant(stubs.features)},
  {methods: ['GET'], pattern: '/journey/announcements', handler: constant(stubs.announcements)},
  {methods: ['GET'], pattern: '/journey/*', handler: constant(stubs.journey)},
  {methods: ['GET'], pattern: '/schedules/:projectId/:dataset', handler: constant(stubs.schedules)},
  {methods: ['GET'], pattern: '/ping', handler: constant(stubs.ping)},
  {methods: ['GET'], pattern: '/help', handler: constant(stubs.help)},
  {methods: ['GET'], pattern: '/intake/telemetry-status', handler: constant(stubs.telemetry)},
  {methods: ['POST'], pattern: '/intake/batch', handler: constant({})},
  {methods: ['POST'], pattern: '/descriptors/claim', handler: constant({synchronization: stubs.schemaSync})},
  {methods: ['POST'], pattern: '/descriptors/synchronize', handler: constant(stubs.schemaSync)},
]

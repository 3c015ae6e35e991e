/**
 * Sanity's webhook Management API for a project's document webhooks:
 * `/hooks/projects/:projectId[/:id[/attempts|/messages]]` and `/attempts/:attemptId`.
 * Only an administrator's token may manage or read them: a definition holds a delivery URL
 * and a signing secret, and the tokenless default user is anyone on the machine.
 */
import {errors} from '../errors'
import type {WebhookDefinition} from '../webhooks/types'
import {webhookInput} from '../webhooks/validate'
import {readJson, sendJson, type Handler, type RequestContext} from './context'

function authorize(ctx: RequestContext): void {
  if (!ctx.req.headers.authorization)
    throw errors.unauthorized("Managing webhooks needs an administrator's token (Authorization: Bearer …)")
  if (ctx.user.role !== 'administrator')
    throw errors.forbidden(`User "${ctx.user.id}" has the ${ctx.user.role} role; only administrators may manage webhooks`)
}

function hookOf(ctx: RequestContext): WebhookDefinition {
  const hook = ctx.app.webhooks.definitions.get(ctx.params.projectId!, ctx.params.id!)
  if (!hook) throw errors.notFound(`No webhook "${ctx.params.id}" in project "${ctx.params.projectId}"`)
  return hook
}

/** Runs `handler` for administrators only. */
const admin =
  (handler: (ctx: RequestContext) => Promise<void> | void): Handler =>
  (ctx) => {
    authorize(ctx)
    return handler(ctx)
  }

export const listHooks = admin((ctx) => sendJson(ctx, 200, ctx.app.webhooks.definitions.list(ctx.params.projectId!)))

export const createHook = admin(async (ctx) => {
  const input = webhookInput(await readJson(ctx))
  sendJson(ctx, 200, ctx.app.webhooks.definitions.create(ctx.params.projectId!, ctx.user.id, input))
})

export const getHook = admin((ctx) => sendJson(ctx, 200, hookOf(ctx)))

export const updateHook = admin(async (ctx) => {
  const current = hookOf(ctx)
  const input = webhookInput(await readJson(ctx), current)
  sendJson(ctx, 200, ctx.app.webhooks.definitions.update(current, input))
})

export const deleteHook = admin((ctx) => sendJson(ctx, 200, ctx.app.webhooks.definitions.delete(hookOf(ctx))))

export const hookMessages = admin((ctx) => sendJson(ctx, 200, ctx.app.webhooks.deliveries.messagesOf(hookOf(ctx).id)))

export const hookAttempts = admin((ctx) => sendJson(ctx, 200, ctx.app.webhooks.deliveries.attemptsOfHook(hookOf(ctx).id)))

export const hookAttempt = admin((ctx) => {
  const attempt = ctx.app.webhooks.deliveries.attempt(ctx.params.attemptId!)
  if (!attempt || attempt.projectId !== ctx.params.projectId)
    throw errors.notFound(`No delivery attempt "${ctx.params.attemptId}" in project "${ctx.params.projectId}"`)
  sendJson(ctx, 200, attempt)
})

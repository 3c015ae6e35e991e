/** An in-process lake with webhooks, and a client for its Management API, for the webhook tests. */
import type {SanityClient} from '@sanity/client'
import {parseArgs, serveOptions} from '../../lake/cli'
import {startLake, type RunningLake} from '../../lake/server'
import type {DeliveryOptions} from '../../lake/webhooks/delivery'
import type {WebhookDefinition} from '../../lake/webhooks/types'
import {tempDir} from './lake'

/** Retries a few milliseconds apart, so tests exercise the backoff without waiting for it. */
export const FAST_DELIVERY: Partial<DeliveryOptions> = {backoffMs: 5, maxBackoffMs: 50, maxAttempts: 4, timeoutMs: 5_000}

export function startWebhookLake(dataDir = tempDir(), delivery: Partial<DeliveryOptions> = FAST_DELIVERY): Promise<RunningLake> {
  return startLake({...serveOptions(parseArgs(['--port', '0', '--data', dataDir])), webhookDelivery: delivery})
}

/** The Management API, as `sanity hook` calls it. */
export function hooksApi(client: SanityClient, projectId = 'pressroom') {
  const base = `/hooks/projects/${projectId}`
  return {
    list: () => client.request<WebhookDefinition[]>({uri: base}),
    create: (body: Record<string, unknown>) => client.request<WebhookDefinition>({uri: base, method: 'POST', body}),
    get: (id: string) => client.request<WebhookDefinition>({uri: `${base}/${id}`}),
    update: (id: string, body: Record<string, unknown>) =>
      client.request<WebhookDefinition>({uri: `${base}/${id}`, method: 'PUT', body}),
    delete: (id: string) => client.request<WebhookDefinition>({uri: `${base}/${id}`, method: 'DELETE'}),
    messages: (id: string) =>
      client.request<{id: string; status: string; payload: string; failureCount: number}[]>({uri: `${base}/${id}/messages`}),
    attempts: (id: string) =>
      client.request<
        {id: string; messageId: string; isFailure: boolean; failureReason: string | null; resultCode: number | null}[]
      >({
        uri: `${base}/${id}/attempts`,
      }),
  }
}

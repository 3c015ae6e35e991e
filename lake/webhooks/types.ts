/** Shapes of Sanity's document webhooks, as its Management API and `sanity hook` CLI read them. */

export const HOOK_OPERATIONS = ['create', 'update', 'delete'] as const
export type HookOperation = (typeof HOOK_OPERATIONS)[number]

export const HOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type HookMethod = (typeof HOOK_METHODS)[number]

/** A document webhook as the Management API answers it (`GroqHook` in @sanity/cli). */
export interface WebhookDefinition {
  id: string
  type: 'document'
  projectId: string
  name: string
  description: string | null
  url: string
  /** A dataset name, or `*` for every dataset of the project. */
  dataset: string
  rule: {on: HookOperation[]; filter: string | null; projection: string | null}
  apiVersion: string
  httpMethod: HookMethod
  /** Static request headers sent with every delivery. */
  headers: Record<string, string>
  includeDrafts: boolean
  includeAllVersions: boolean
  /** Signs deliveries (`sanity-webhook-signature`) when set. Never logged. */
  secret: string | null
  isDisabled: boolean
  isDisabledByUser: boolean
  createdAt: string
  createdByUserId: string
  deletedAt: string | null
}

/** The fields a client may set; the rest are the lake's. */
export type WebhookInput = Omit<
  WebhookDefinition,
  'id' | 'type' | 'projectId' | 'createdAt' | 'createdByUserId' | 'deletedAt' | 'isDisabledByUser'
>

/** One payload to deliver (`GroqHookMessage` in @sanity/cli), with what its headers need. */
export interface HookMessage {
  id: string
  hookId: string
  projectId: string
  dataset: string
  createdAt: string
  /** The serialized projection: the request body, signed as is. */
  payload: string
  status: 'queued' | 'sending' | 'success' | 'failure'
  failureCount: number
  resultCode: number | null
}

/** Why an attempt failed, in @sanity/cli's words (`formatFailure`). */
export type FailureReason = 'http' | 'network' | 'timeout' | 'other'

/** One HTTP request of a delivery (`DeliveryAttempt` in @sanity/cli). */
export interface DeliveryAttempt {
  id: string
  hookId: string
  messageId: string
  projectId: string
  createdAt: string
  updatedAt: string | null
  /** Milliseconds until the answer or the failure. */
  duration: number | null
  inProgress: boolean
  isFailure: boolean
  failureReason: FailureReason | null
  resultCode: number | null
  /** The start of the receiver's answer, for troubleshooting. */
  resultBody: string
}

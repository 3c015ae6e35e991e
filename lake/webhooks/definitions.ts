/**
 * The webhook definitions, kept in `hooks.json` in the lake's data directory. Every change
 * is written whole to a temporary file, fsync'd, renamed over the old one and the directory
 * fsync'd before the request is answered: a crash leaves the old or the new set, never half.
 */
import {randomUUID} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {errors} from '../errors'
import type {WebhookDefinition, WebhookInput} from './types'
import {webhookInput} from './validate'

const FILE = 'hooks.json'
const FORMAT = 1
/**
 * Hooks per project at most: each one is matched against every commit and every change
 * rewrites the whole file, so an unbounded number would slow every commit's webhooks.
 */
export const MAX_HOOKS_PER_PROJECT = 1_000

interface HooksFile {
  format: number
  hooks: WebhookDefinition[]
}

export class WebhookDefinitions {
  private readonly file: string
  private readonly hooks = new Map<string, WebhookDefinition>()

  constructor(
    private readonly dir: string,
    private readonly maxPerProject = MAX_HOOKS_PER_PROJECT,
  ) {
    this.file = path.join(dir, FILE)
    let text: string
    try {
      text = fs.readFileSync(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    let parsed: HooksFile
    try {
      parsed = JSON.parse(text) as HooksFile
    } catch (err) {
      throw new Error(
        `Webhook definitions ${this.file} are not valid JSON (${(err as Error).message}); restore it from a backup or remove it to start without webhooks`,
      )
    }
    if (parsed?.format !== FORMAT || !Array.isArray(parsed.hooks))
      throw new Error(`Webhook definitions ${this.file} have an unknown format; expected {"format": ${FORMAT}, "hooks": [...]}`)
    for (const hook of parsed.hooks) {
      // Checked as the API checks a new one: a hand-edited file must not deliver where the API would refuse.
      try {
        webhookInput(Object.fromEntries(Object.entries(hook)))
      } catch (err) {
        throw new Error(
          `Webhook definitions ${this.file}: hook ${JSON.stringify(hook?.id)}: ${(err as Error).message}; fix it or remove it from the file`,
        )
      }
      this.hooks.set(hook.id, hook)
    }
  }

  /** A project's hooks, oldest first, as Sanity lists them. */
  list(projectId: string): WebhookDefinition[] {
    return [...this.hooks.values()].filter((hook) => hook.projectId === projectId)
  }

  /** Every enabled hook, for the matching side. */
  active(): WebhookDefinition[] {
    return [...this.hooks.values()].filter((hook) => !hook.isDisabled)
  }

  /** One hook if it is still there and enabled, for the delivery side (once per attempt). */
  activeHook(id: string): WebhookDefinition | undefined {
    const hook = this.hooks.get(id)
    return hook && !hook.isDisabled ? hook : undefined
  }

  get(projectId: string, id: string): WebhookDefinition | undefined {
    const hook = this.hooks.get(id)
    return hook?.projectId === projectId ? hook : undefined
  }

  create(projectId: string, userId: string, input: WebhookInput): WebhookDefinition {
    if (this.list(projectId).length >= this.maxPerProject)
      throw errors.badRequest(
        `Project "${projectId}" already has ${this.maxPerProject} webhooks, the most the lake keeps; delete unused ones (DELETE /hooks/projects/${projectId}/<id>) first`,
      )
    const hook: WebhookDefinition = {
      id: `lake-hook-${randomUUID().replace(/-/g, '').slice(0, 16)}`,
      type: 'document',
      projectId,
      ...input,
      isDisabledByUser: input.isDisabled,
      createdAt: new Date().toISOString(),
      createdByUserId: userId,
      deletedAt: null,
    }
    this.commit(new Map(this.hooks).set(hook.id, hook))
    return hook
  }

  update(current: WebhookDefinition, input: WebhookInput): WebhookDefinition {
    const hook: WebhookDefinition = {...current, ...input, isDisabledByUser: input.isDisabled}
    this.commit(new Map(this.hooks).set(hook.id, hook))
    return hook
  }

  delete(current: WebhookDefinition): WebhookDefinition {
    const next = new Map(this.hooks)
    next.delete(current.id)
    this.commit(next)
    return {...current, deletedAt: new Date().toISOString()}
  }

  /** Writes the new set durably, then adopts it; if the write fails, memory keeps the old set. */
  private commit(next: Map<string, WebhookDefinition>): void {
    const body: HooksFile = {format: FORMAT, hooks: [...next.values()]}
    const tmp = `${this.file}.tmp`
    // A leftover from a crash keeps its own mode; start afresh so the secrets stay 0600.
    fs.rmSync(tmp, {force: true})
    const fd = fs.openSync(tmp, 'w', 0o600)
    try {
      fs.writeFileSync(fd, JSON.stringify(body, null, 2) + '\n')
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, this.file)
    const dirFd = fs.openSync(this.dir, 'r')
    try {
      fs.fsyncSync(dirFd)
    } finally {
      fs.closeSync(dirFd)
    }
    this.hooks.clear()
    for (const [id, hook] of next) this.hooks.set(id, hook)
  }
}

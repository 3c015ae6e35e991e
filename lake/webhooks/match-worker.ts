/**
 * The webhook matching thread (see matcher.ts): evaluates each hook's GROQ on a commit's
 * changes and reports hook by hook, so that when one hook's GROQ runs past its deadline the
 * main thread knows which one to skip and which ones are still to do.
 */
import {parentPort} from 'node:worker_threads'
import {triggerOf} from './match'
import type {FromMatchWorker, ToMatchWorker} from './matcher'

const port = parentPort
if (!port) throw new Error('match-worker.ts runs only as a worker thread')

async function match({id, hooks, changes, documents, dataset, identity}: ToMatchWorker): Promise<void> {
  const context = {dataset, identity, documents: () => documents}
  for (const [hookIndex, hook] of hooks.entries()) {
    const triggers: Extract<FromMatchWorker, {type: 'hook'}>['triggers'] = []
    try {
      for (const [changeIndex, change] of changes.entries()) {
        const trigger = await triggerOf(hook, hook.projectId, change, context)
        if (trigger) triggers.push({changeIndex, ...trigger})
      }
      port!.postMessage({type: 'hook', id, hookIndex, triggers} satisfies FromMatchWorker)
    } catch (err) {
      port!.postMessage({type: 'hook', id, hookIndex, triggers, error: (err as Error).message} satisfies FromMatchWorker)
    }
  }
}

port.on('message', (message: ToMatchWorker) => void match(message))
port.postMessage({type: 'ready'} satisfies FromMatchWorker)

/**
 * The uncommitted state of one transaction: reads fall through to the dataset, writes
 * stay here until commit. Dropping a working set is the rollback, which is what makes
 * every transaction all-or-nothing.
 */
import {parse, evaluate} from 'groq-js'
import {StoreError} from './errors'
import type {DatasetState} from './dataset'
import {MAX_QUERY_BYTES, missingParam, workingDocs} from './query'
import type {Change, SanityDocument} from './types'

export class WorkingSet {
  private readonly touched = new Map<string, SanityDocument | null>()
  readonly base: DatasetState

  constructor(base: DatasetState) {
    this.base = base
  }

  get(id: string): SanityDocument | null {
    return this.touched.has(id) ? (this.touched.get(id) ?? null) : this.base.get(id)
  }

  put(id: string, doc: SanityDocument | null): void {
    this.touched.set(id, doc)
  }

  /** Ids of documents (in this working state) a GROQ query returns; used by delete/patch by query. */
  async idsMatching(query: string, params: Record<string, unknown> | undefined): Promise<string[]> {
    // Parsed and evaluated on the main thread, inside the commit queue: the same size limit as a read.
    const bytes = Buffer.byteLength(query)
    if (bytes > MAX_QUERY_BYTES)
      throw new StoreError('invalidQuery', `The query is ${bytes} bytes; queries may have at most ${MAX_QUERY_BYTES} bytes`)
    let tree
    try {
      tree = parse(query, {params: params ?? {}})
    } catch (err) {
      throw new StoreError('invalidQuery', `Invalid query ${JSON.stringify(query)}: ${(err as Error).message}`)
    }
    const missing = missingParam(tree, query, params ?? {})
    if (missing) throw new StoreError('invalidQuery', `Invalid query ${JSON.stringify(query)}: ${missing.description}`)
    const docs = workingDocs(tree, this.base, this.touched)
    const value = await (await evaluate(tree, {dataset: docs, params: params ?? {}})).get()
    const list: unknown[] = Array.isArray(value) ? value : value ? [value] : []
    return list
      .map((item) => (item && typeof item === 'object' ? (item as {_id?: unknown})._id : undefined))
      .filter((id): id is string => typeof id === 'string')
  }

  /** Net changes: documents whose final state differs (by identity) from the committed one. */
  changes(): Change[] {
    const out: Change[] = []
    for (const [id, after] of this.touched) {
      const before = this.base.get(id)
      if (before === after) continue
      if (before === null && after === null) continue
      out.push({id, before, after})
    }
    return out
  }
}

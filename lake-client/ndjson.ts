/**
 * `npm run lake -- import|export`: NDJSON in and out of a running lake over HTTP, with
 * `sanity dataset import`'s semantics: `create` by default (fails on existing ids),
 * `--replace` = createOrReplace, `--missing` = createIfNotExists; documents without `_id`
 * get one; assets are refused. The file is validated completely before anything is
 * written, and each batch is one transaction (atomic per batch).
 *
 * A client of the lake, not part of it: it speaks only HTTP to a running lake, so it lives
 * apart from the server's folder; `lake/main.ts` dispatches `import`/`export` here and
 * shares the flag parsing of `lake/cli.ts`.
 */
import {isUtf8} from 'node:buffer'
import fs from 'node:fs'
import {randomUUID} from 'node:crypto'
import {LOCAL_LAKE, API_VERSION} from '../config/target'
import {hasFlag, stringFlag, UsageError, type ParsedArgs} from '../lake/cli'

export type ImportMode = 'create' | 'createOrReplace' | 'createIfNotExists'

/** Options of one import run. */
export interface ImportOptions {
  /** Lake base URL, e.g. http://127.0.0.1:4000. */
  url: string
  /** Target dataset name. */
  dataset: string
  /** Bearer token; omitted means the lake's default user. */
  token?: string
  /** Mutation used per document: create (default), createOrReplace (--replace), createIfNotExists (--missing). */
  mode: ImportMode
  /** Documents per transaction. */
  batchSize: number
  /** Let unreviewed third-party copy go public anyway (`--allow-unreviewed`); the lake records it with each transaction. */
  allowUnreviewed?: boolean
}

/** A document the lake refused to restore, and why. */
export interface RefusedDocument {
  id: string
  reason: string
}

interface MutateErrorBody {
  error?: {description?: string; items?: {index: number; error: {description: string; type?: string; id?: string}}[]}
  message?: string
}

const ASSET_KEYS = ['_sanityAsset', '_sanityAssetUrl']

function containsAsset(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some(containsAsset)
  for (const [key, inner] of Object.entries(value)) {
    if (ASSET_KEYS.includes(key)) return true
    if (containsAsset(inner)) return true
  }
  return false
}

/** A validated document to import: its id (for reports) and its JSON as it will be sent. */
export interface NdjsonDocument {
  id: string
  /** UTF-8 JSON: the file's own bytes for the line when the document is sent unchanged, so it is neither serialized nor encoded again. */
  json: Uint8Array
}

/** The lines of an NDJSON file: each line's bytes (a view of the file, not a copy) and its number. */
function* linesOf(data: Buffer): Generator<{bytes: Buffer; number: number}> {
  let start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0
  for (let number = 1; start < data.length; number++) {
    const nl = data.indexOf(0x0a, start)
    const end = nl === -1 ? data.length : nl
    yield {bytes: data.subarray(start, end), number}
    start = end + 1
  }
}

/**
 * Parses and validates NDJSON (the file's bytes, or text); errors name the file and line.
 * Invalid UTF-8 is refused here, before anything is written, as the lake would refuse it mid-import.
 */
export function parseNdjson(content: Buffer | string, file: string): NdjsonDocument[] {
  const docs: NdjsonDocument[] = []
  const seen = new Map<string, number>()
  const data = typeof content === 'string' ? Buffer.from(content) : content
  for (const {bytes, number} of linesOf(data)) {
    const where = `${file}:${number}`
    if (!isUtf8(bytes)) throw new Error(`${where}: not valid UTF-8; save the file as UTF-8`)
    const text = bytes.toString('utf8')
    const line = text.trim()
    if (!line) continue
    let doc: unknown
    try {
      doc = JSON.parse(line)
    } catch (err) {
      throw new Error(`${where}: not valid JSON (${(err as Error).message})`)
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${where}: each line must be a JSON object`)
    const d = doc as Record<string, unknown>
    if (typeof d._type !== 'string' || !d._type) throw new Error(`${where}: document is missing "_type"`)
    const assigned = d._id === undefined
    if (assigned) d._id = randomUUID()
    if (typeof d._id !== 'string' || !d._id) throw new Error(`${where}: "_id" must be a non-empty string`)
    // Every asset reference spells its key out in the line, so most lines need no walk.
    if (ASSET_KEYS.some((key) => line.includes(key)) && containsAsset(d)) {
      throw new Error(
        `${where}: document "${d._id}" references an asset file (_sanityAsset); the local lake has no asset store, so asset import is not supported`,
      )
    }
    const earlier = seen.get(d._id)
    if (earlier !== undefined) throw new Error(`${where}: duplicate _id "${d._id}" (first on line ${earlier})`)
    seen.set(d._id, number)
    const json = assigned ? JSON.stringify(d) : line
    docs.push({id: d._id, json: json === text ? bytes : Buffer.from(json)})
  }
  return docs
}

function headers(token: string | undefined): Record<string, string> {
  return {'content-type': 'application/json', ...(token ? {authorization: `Bearer ${token}`} : {})}
}

/**
 * Batches of at most `size` documents and about `MAX_BATCH_BYTES` of JSON, so large
 * documents never push a request past the lake's body limit (Sanity's, 4,000,000 bytes).
 */
const MAX_BATCH_BYTES = 3_000_000

function* batchesOf(docs: NdjsonDocument[], size: number): Generator<{start: number; batch: NdjsonDocument[]}> {
  let start = 0
  while (start < docs.length) {
    let end = start
    let bytes = 0
    while (end < docs.length && end - start < size) {
      const next = docs[end]!.json.length + 32
      if (end > start && bytes + next > MAX_BATCH_BYTES) break
      bytes += next
      end++
    }
    yield {start, batch: docs.slice(start, end)}
    start = end
  }
}

/** The documents the review gate refused, when that is all that stopped the batch. */
function refusedByGate(body: MutateErrorBody): RefusedDocument[] {
  const items = body.error?.items ?? []
  if (items.length === 0 || items.some(({error}) => error.type !== 'guardRejectedError' || !error.id)) return []
  return items.map(({error}) => ({id: error.id!, reason: error.description}))
}

/** Requests in flight at once: the lake reads and parses the next batch while it commits one (commits stay in order on its side). */
const BATCHES_IN_FLIGHT = 2

type BatchOutcome = {ok: true; written: number; refused: RefusedDocument[]} | {ok: false; error: Error}

/** Attempts of one request whose connection failed before an answer came. */
const NETWORK_ATTEMPTS = 3

/**
 * POSTs one transaction. A connection that fails before the answer (a reset keep-alive
 * connection) is retried with the same transaction id: if the first attempt was committed
 * after all, the lake refuses the id as taken (409 `transactionIdConflictError`), which
 * here means done, so a retry never writes a batch twice.
 */
async function postTransaction(
  url: string,
  token: string | undefined,
  body: Buffer<ArrayBuffer>,
  transactionId: string,
): Promise<Response | 'committed'> {
  for (let attempt = 1; ; attempt++) {
    let res: Response
    try {
      res = await fetch(url, {method: 'POST', headers: headers(token), body})
    } catch (err) {
      if (attempt >= NETWORK_ATTEMPTS) throw err
      continue
    }
    if (attempt > 1 && res.status === 409) {
      const text = await res.text()
      if (text.includes('transactionIdConflictError') && text.includes(transactionId)) return 'committed'
      return new Response(text, {status: res.status, statusText: res.statusText})
    }
    return res
  }
}

/**
 * `{"mutations": [{"<mode>": <document>}, …]}` spliced from the documents' UTF-8 JSON: serializing
 * 100 MB of documents again would cost more than sending them, and so would a string body,
 * which fetch scans for lone surrogates and encodes again.
 */
function requestBody(batch: NdjsonDocument[], mode: ImportMode): Buffer<ArrayBuffer> {
  const opening = Buffer.from(`{"${mode}":`)
  const parts: Uint8Array[] = [Buffer.from('{"mutations":[')]
  batch.forEach(({json}, i) => parts.push(...(i === 0 ? [] : [COMMA]), opening, json, CLOSE_BRACE))
  parts.push(Buffer.from(']}'))
  return Buffer.concat(parts)
}

const COMMA = Buffer.from(',')
const CLOSE_BRACE = Buffer.from('}')

/** Sends one batch, setting aside the documents the review gate refuses; never rejects. */
async function sendBatch(
  number: number,
  start: number,
  full: NdjsonDocument[],
  options: ImportOptions,
  query: string,
  runId: string,
): Promise<BatchOutcome> {
  const refused: RefusedDocument[] = []
  let batch = full
  try {
    for (let attempt = 1; batch.length > 0; attempt++) {
      const transactionId = `${runId}-${number}-${attempt}`
      const res = await postTransaction(
        `${options.url}/v${API_VERSION}/data/mutate/${options.dataset}?${query}&transactionId=${transactionId}`,
        options.token,
        requestBody(batch, options.mode),
        transactionId,
      )
      if (res === 'committed') break
      if (res.ok) {
        // Read to the end, so the connection is free for the next batch.
        await res.arrayBuffer()
        break
      }
      const body = (await res.json().catch(() => ({}))) as MutateErrorBody
      const gated = res.status === 409 ? refusedByGate(body) : []
      if (gated.length > 0) {
        refused.push(...gated)
        const ids = new Set(gated.map(({id}) => id))
        batch = batch.filter((doc) => !ids.has(doc.id))
        continue
      }
      const item = body.error?.items?.[0]
      const detail = item
        ? `document ${start + item.index + 1} (${String(batch[item.index]?.id)}): ${item.error.description}`
        : (body.error?.description ?? body.message ?? res.statusText)
      return {
        ok: false,
        error: new Error(`Import failed in batch ${number} (documents ${start + 1}-${start + full.length}). ${detail}`),
      }
    }
  } catch (err) {
    const cause = (err as {cause?: {code?: string; message?: string}}).cause
    const why = `${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`
    return {
      ok: false,
      error: new Error(`Import failed in batch ${number} (documents ${start + 1}-${start + full.length}): ${why}`),
    }
  }
  return {ok: true, written: batch.length, refused}
}

/**
 * Imports documents in batches, each one transaction, two requests in flight. Documents
 * the review gate refuses (unreviewed third-party copy on a published id) are set aside
 * one by one with the reason, and the rest of their batch is written; anything else stops
 * the import, and the error says which batches were committed.
 */
export async function importDocuments(
  docs: NdjsonDocument[],
  options: ImportOptions,
): Promise<{batches: number; documents: number; refused: RefusedDocument[]}> {
  let batches = 0
  let written = 0
  const refused: RefusedDocument[] = []
  const committed: number[] = []
  let failure: Error | undefined
  const query = `visibility=async&returnIds=false&lakeImport=true${options.allowUnreviewed ? '&allowUnreviewed=true' : ''}`
  const inFlight: {number: number; outcome: Promise<BatchOutcome>}[] = []
  const settle = async () => {
    const {number, outcome} = inFlight.shift()!
    const result = await outcome
    if (!result.ok) {
      failure ??= result.error
      return
    }
    committed.push(number)
    batches++
    written += result.written
    refused.push(...result.refused)
  }
  // Transaction ids `import-<run>-<batch>-<attempt>`: unique per run, the same for a retried request.
  const runId = `import-${randomUUID().replace(/-/g, '').slice(0, 12)}`
  let number = 0
  for (const {start, batch} of batchesOf(docs, options.batchSize)) {
    if (failure) break
    number++
    inFlight.push({number, outcome: sendBatch(number, start, batch, options, query, runId)})
    if (inFlight.length >= BATCHES_IN_FLIGHT) await settle()
  }
  while (inFlight.length > 0) await settle()
  if (failure) {
    const list =
      committed.length > 0 ? `batches ${committed.join(', ')} were committed, the others not` : 'no batch was committed'
    throw new Error(`${failure.message} (${list}.)`)
  }
  return {batches, documents: written, refused}
}

function connection(args: ParsedArgs): {url: string; dataset: string; token: string | undefined} {
  return {
    url: (stringFlag(args, 'url') ?? `http://127.0.0.1:${LOCAL_LAKE.port}`).replace(/\/$/, ''),
    dataset: stringFlag(args, 'dataset') ?? LOCAL_LAKE.dataset,
    token: stringFlag(args, 'token') ?? (process.env.SANITY_API_TOKEN?.trim() || undefined),
  }
}

export async function runImport(args: ParsedArgs): Promise<void> {
  const file = args.positional[0]
  if (!file) throw new UsageError('import needs an NDJSON file')
  if (hasFlag(args, 'replace') && hasFlag(args, 'missing')) throw new UsageError('--replace and --missing cannot be combined')
  const mode: ImportMode = hasFlag(args, 'replace')
    ? 'createOrReplace'
    : hasFlag(args, 'missing')
      ? 'createIfNotExists'
      : 'create'
  const batchSize = Number(stringFlag(args, 'batch-size') ?? 500)
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError('--batch-size must be a positive integer')
  const docs = parseNdjson(fs.readFileSync(file), file)
  const started = performance.now()
  const allowUnreviewed = hasFlag(args, 'allow-unreviewed')
  const {batches, documents, refused} = await importDocuments(docs, {...connection(args), mode, batchSize, allowUnreviewed})
  for (const {id, reason} of refused) process.stderr.write(`refused ${id}: ${reason}\n`)
  process.stdout.write(
    `imported ${documents} documents from ${file} in ${batches} transactions (${mode}) in ${Math.round(performance.now() - started)} ms${allowUnreviewed ? ", unreviewed copy allowed (recorded in the lake's transaction log)" : ''}\n`,
  )
  if (refused.length > 0) {
    throw new Error(
      `${refused.length} of ${docs.length} documents were refused by the review gate (listed above) and not restored: published third-party copy needs an approval a reviewer recorded. Restore them as drafts, or, as an administrator, pass --allow-unreviewed to restore them as they are; the lake records that, and \`npm run audit\` reports them.`,
    )
  }
}

export async function runExport(args: ParsedArgs): Promise<void> {
  const file = args.positional[0]
  if (!file) throw new UsageError('export needs an output file (or - for stdout)')
  const {url, dataset, token} = connection(args)
  const res = await fetch(`${url}/v${API_VERSION}/data/export/${dataset}`, {headers: headers(token)})
  if (!res.ok) throw new Error(`Export from ${url} failed: HTTP ${res.status} ${await res.text()}`)
  const text = await res.text()
  if (file === '-') process.stdout.write(text)
  else {
    fs.writeFileSync(file, text)
    process.stderr.write(`exported ${text.split('\n').filter(Boolean).length} documents to ${file}\n`)
  }
}

/** `npm run lake -- import|export`: sanity dataset import semantics against a running lake. */
import {execFile} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, tempDir, type LakeProcess} from '../support/lake'

const run = promisify(execFile)
let lake: LakeProcess
const dir = tempDir('lake-import-')

beforeAll(async () => {
  lake = await startLakeProcess()
}, 30_000)
afterAll(async () => {
  await lake.stop()
})

function lakeCli(...args: string[]) {
  return lakeCliAt(lake.url, ...args)
}

function lakeCliAt(url: string, ...args: string[]) {
  // A restore is an administrator's, and needs their token.
  return run(process.execPath, ['--import', 'tsx', 'lake/main.ts', ...args, '--url', url], {
    cwd: PROJECT_ROOT,
    env: {...process.env, SANITY_API_TOKEN: LAKE_TOKENS.administrator},
  })
}

function ndjson(name: string, docs: object[] | string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, typeof docs === 'string' ? docs : docs.map((d) => JSON.stringify(d)).join('\n') + '\n')
  return file
}

describe('import', () => {
  it('creates documents in batches and assigns ids to documents without one', async () => {
    const docs = Array.from({length: 1200}, (_, i) => ({_id: `imp-${i}`, _type: 'imported', i}))
    const {stdout} = await lakeCli('import', ndjson('a.ndjson', [...docs, {_type: 'imported', i: -1}]), '--batch-size', '500')
    expect(stdout).toMatch(/imported 1201 documents .* in 3 transactions \(create\)/)
    expect(await lake.client().fetch('count(*[_type == "imported"])')).toBe(1201)
  }, 30_000)

  it('keeps each batch under the lake’s body limit, however large the documents', async () => {
    const docs = Array.from({length: 30}, (_, i) => ({_id: `big-${i}`, _type: 'big', text: 'x'.repeat(200_000)}))
    const {stdout} = await lakeCli('import', ndjson('big.ndjson', docs))
    expect(stdout).toMatch(/imported 30 documents .* in [2-9] transactions/)
    expect(await lake.client().fetch('count(*[_type == "big"])')).toBe(30)
  }, 30_000)

  it('fails on existing ids by default; --replace replaces and --missing skips', async () => {
    const file = ndjson('b.ndjson', [{_id: 'imp-0', _type: 'imported', i: 'replaced'}])
    await expect(lakeCli('import', file)).rejects.toThrow(/already exists/)
    await lakeCli('import', file, '--missing')
    expect((await lake.client().getDocument('imp-0'))?.i).toBe(0)
    await lakeCli('import', file, '--replace')
    expect((await lake.client().getDocument('imp-0'))?.i).toBe('replaced')
  }, 30_000)

  it('is atomic per batch: a failing document leaves its whole batch out', async () => {
    const file = ndjson('c.ndjson', [
      {_id: 'imp-new-1', _type: 'imported'},
      {_id: 'imp-1', _type: 'imported'},
    ])
    await expect(lakeCli('import', file)).rejects.toThrow(/document 2 \(imp-1\)/)
    expect(await lake.client().getDocument('imp-new-1')).toBeUndefined()
  }, 30_000)

  it('validates the whole file first and refuses assets, naming the line', async () => {
    await expect(
      lakeCli(
        'import',
        ndjson('d.ndjson', '{"_id":"ok","_type":"x"}\n{"_id":"img","_type":"x","image":{"_sanityAsset":"image@file://a.png"}}\n'),
      ),
    ).rejects.toThrow(/d\.ndjson:2: .*asset import is not supported/)
    await expect(lakeCli('import', ndjson('e.ndjson', '{"_id":"ok2","_type":"x"}\n{broken\n'))).rejects.toThrow(
      /e\.ndjson:2: not valid JSON/,
    )
    // Bytes that are not UTF-8 (a Latin-1 export): refused with the line, not stored as U+FFFD or refused by the lake mid-import.
    const latin1 = path.join(dir, 'f.ndjson')
    fs.writeFileSync(latin1, Buffer.from('{"_id":"ok3","_type":"x"}\n{"_id":"cafe","_type":"x","title":"caf\u00e9"}\n', 'latin1'))
    await expect(lakeCli('import', latin1)).rejects.toThrow(/f\.ndjson:2: not valid UTF-8/)
    expect(await lake.client().getDocuments(['ok', 'ok2', 'ok3', 'cafe'])).toEqual([null, null, null, null])
  }, 30_000)

  it('reads a file with a byte order mark, CRLF line ends and multi-byte text byte for byte', async () => {
    const docs = [
      {_id: 'bom-1', _type: 'bom', title: 'Grüße aus Köln — 東京 🚀'},
      {_id: 'bom-2', _type: 'bom', title: 'plain'},
    ]
    await lakeCli('import', ndjson('bom.ndjson', '\ufeff' + docs.map((d) => JSON.stringify(d)).join('\r\n') + '\r\n'))
    expect(await lake.client().fetch('*[_type == "bom"] | order(_id) {_id, _type, title}')).toEqual(docs)
  }, 30_000)

  it('exports every document as NDJSON that imports back', async () => {
    const out = path.join(dir, 'export.ndjson')
    await lakeCli('export', out)
    const lines = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.length).toBe(await lake.client().fetch('count(*)'))
    const fresh = await startLakeProcess()
    await lakeCliAt(fresh.url, 'import', out)
    expect(await fresh.client().fetch('count(*[_type == "imported"])')).toBe(1201)
    await fresh.stop()
  }, 30_000)
})

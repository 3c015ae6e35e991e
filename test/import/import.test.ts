import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer, request as httpRequest} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {contentHash, decide, detect, type PressReleaseDocument} from '../../plugins/editorial-review/core'
import {WIRE_AGENCIES} from '../../data/agencies'
import {LAKE_TOKENS, PROJECT_ROOT, startLakeProcess, tempDir, type LakeProcess} from '../support/lake'
import {runScript} from '../support/run-script'

const SEED_NAME = '000_e42a070e862f161b.txt'
const SEED_PATH = path.join(PROJECT_ROOT, 'seeds', SEED_NAME)
const SEED = readFileSync(SEED_PATH, 'utf8')
const RELEASE_ID = 'pressRelease.000_e42a070e862f161b'

let lake: LakeProcess
const importInto = (args: string[]) => runScript('scripts/import.ts', args, {SANITY_API_HOST: lake.url})
const client = () => lake.client({token: LAKE_TOKENS.administrator})
/** Decisions are the reviewer's own: the lake refuses one written under someone else's token. */
const reviewer = () => lake.client({token: LAKE_TOKENS.editor})

function seedFolder(files: Record<string, string | Uint8Array>): string {
  const folder = tempDir('seeds-')
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content)
  return folder
}

beforeAll(async () => {
  lake = await startLakeProcess()
})
afterAll(async () => {
  await lake?.stop()
})

describe('the shipped seed', () => {
  let first: Awaited<ReturnType<typeof importInto>>
  beforeAll(async () => {
    first = await importInto([SEED_PATH])
  })

  it('reports one imported release, flagged for review', () => {
    expect(first.code).toBe(0)
    expect(first.stdout.trim()).toBe('1 imported, 0 unchanged, 0 updated, 0 kept editor changes, 1 flagged for review, 0 failed')
  })

  it('writes the release as a draft only, never published', async () => {
    const ids = await client().fetch<string[]>('*[_type == "pressRelease"]._id')
    expect(ids).toEqual([`drafts.${RELEASE_ID}`])
  })

  it('fills the release field by field', async () => {
    const release = await client().getDocument(`drafts.${RELEASE_ID}`)
    expect(release).toMatchObject({
      _type: 'pressRelease',
      title: 'US und israelische Beamte halten virtuelle Gespräche über ihren Streit um eine Militäroperation in Rafah ab',
      slug: {_type: 'slug', current: 'us-und-israelische-beamte-halten-virtuelle-gespraeche-ueber-ihren-streit-um-eine'},
      language: 'de',
      dateline: {_type: 'dateline', location: 'WASHINGTON', agency: 'AP'},
      distributor: {_type: 'reference', _ref: 'distributor.seaprwire'},
      disclaimer: {_type: 'reference', _ref: 'disclaimer.seaprwire.de'},
      categories: [
        {_type: 'reference', _ref: 'category.de.top-story', _key: 'category-de-top-story'},
        {_type: 'reference', _ref: 'category.de.tagesnachrichten', _key: 'category-de-tagesnachrichten'},
      ],
      infoSources: [
        {_key: 'distributor', _type: 'infoSource', name: 'SeaPRwire', role: 'distributor', uri: 'https://www.seaprwire.com/'},
        {_key: 'originator', _type: 'infoSource', name: 'Associated Press', role: 'originator'},
      ],
      source: {_type: 'importSource', fileName: SEED_NAME, originalText: SEED},
      review: {_type: 'editorialReview', status: 'pending', thirdParty: true, decisions: []},
    })
    expect(release!.body).toHaveLength(6)
    expect(release!.body.map((block: {_key: string}) => block._key)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5'])
    expect(release!.body[0].children[0].text.startsWith('(SeaPRwire) – \u00a0 WASHINGTON (AP) — Amerikanische')).toBe(true)
    expect(JSON.stringify(release!.body)).not.toMatch(/Drittanbieter|Branchen|Medienshops/)
  })

  it('stores the findings the rules make, pointing at the passages', async () => {
    const release = await client().getDocument(`drafts.${RELEASE_ID}`)
    const stored = release!.review.findings.map(
      (finding: {code: string; severity: string; evidence: {path: string; quote: string}[]}) => ({
        code: finding.code,
        severity: finding.severity,
        evidence: finding.evidence.map(({path, quote}) => ({path, quote: quote.slice(0, 40)})),
      }),
    )
    expect(stored).toEqual([
      {
        code: 'distributorDatelineTag',
        severity: 'blocker',
        evidence: [{path: 'body[_key=="p0"].children[_key=="p0s0"].text', quote: '(SeaPRwire)'}],
      },
      {
        code: 'agencyCredit',
        severity: 'blocker',
        evidence: [{path: 'body[_key=="p0"].children[_key=="p0s0"].text', quote: '(AP)'}],
      },
      {code: 'distributorReference', severity: 'blocker', evidence: [{path: 'distributor', quote: 'distributor.seaprwire'}]},
      {
        code: 'distributorDisclaimer',
        severity: 'info',
        evidence: [{path: 'source.originalText', quote: 'Der Artikel wird von einem Drittanbieter'}],
      },
      {
        code: 'distributorBoilerplate',
        severity: 'info',
        evidence: [{path: 'source.originalText', quote: 'SeaPRwire liefert Echtzeit-Pressemitteil'}],
      },
    ])
    // The stored findings are exactly what the shared rules say about the stored document.
    const distributors = await client().fetch('*[_type == "distributor"]')
    expect(
      detect(release as PressReleaseDocument, {distributors, agencies: WIRE_AGENCIES}).map((finding) => finding.code),
    ).toEqual(stored.map((finding: {code: string}) => finding.code))
  })

  it('creates the distributor with reach figures and its 15 languages', async () => {
    const distributor = await client().getDocument('distributor.seaprwire')
    expect(distributor).toMatchObject({
      _type: 'distributor',
      name: 'SeaPRwire',
      website: 'https://www.seaprwire.com/',
      reach: {mediaOutlets: 6500, journalists: 86_000, desktops: 3_500_000, countries: 90},
      languages: ['en', 'ko', 'ja', 'ar', 'zh-Hans', 'zh-Hant', 'vi', 'th', 'id', 'ms', 'de', 'ru', 'fr', 'es', 'pt'],
    })
  })

  it('creates the German disclaimer and both categories', async () => {
    expect(await client().getDocument('disclaimer.seaprwire.de')).toMatchObject({
      _type: 'disclaimer',
      language: 'de',
      distributor: {_ref: 'distributor.seaprwire'},
      text: 'Der Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire (https://www.seaprwire.com/) gibt diesbezüglich keine Zusicherungen oder Darstellungen ab.',
    })
    const categories = await client().fetch('*[_type == "category"] | order(_id){_id, title, "slug": slug.current, language}')
    expect(categories).toEqual([
      {_id: 'category.de.tagesnachrichten', title: 'Tagesnachrichten', slug: 'tagesnachrichten', language: 'de'},
      {_id: 'category.de.top-story', title: 'Top-Story', slug: 'top-story', language: 'de'},
    ])
  })

  it('reports everything unchanged on a second run, and writes nothing', async () => {
    const before = await client().fetch('*[]{_id, _rev}')
    const second = await importInto([SEED_PATH])
    expect(second.code).toBe(0)
    expect(second.stdout.trim()).toBe('0 imported, 1 unchanged, 0 updated, 0 kept editor changes, 0 flagged for review, 0 failed')
    expect(await client().fetch('*[]{_id, _rev}')).toEqual(before)
  })
})

describe('re-runs after changes', () => {
  let folder: string
  beforeAll(async () => {
    folder = tempDir('seeds-')
    copyFileSync(SEED_PATH, path.join(folder, 'changing.txt'))
    copyFileSync(SEED_PATH, path.join(folder, 'edited.txt'))
    expect((await importInto([folder])).code).toBe(0)
  })

  it("keeps an editor's change and a review decision", async () => {
    const id = 'drafts.pressRelease.edited'
    // A decision never rides along with an edit of the copy it judges: the edit first, then the decision on it.
    const draft = (await client().patch(id).set({title: 'Von der Redaktion überarbeitet'}).commit()) as PressReleaseDocument
    const decision = decide(
      draft,
      {
        action: 'requestChanges',
        note: 'Kürzen',
        user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']},
        findings: [],
      },
      {reviewerRoles: ['editor']},
    )
    if (!decision.ok) throw new Error(decision.reason)
    await reviewer().patch(id).set({review: decision.review}).commit()
    writeFileSync(path.join(folder, 'edited.txt'), SEED.replace('Montag', 'Dienstag'))

    const rerun = await importInto([path.join(folder, 'edited.txt')])
    expect(rerun.code).toBe(0)
    expect(rerun.stdout.trim()).toBe('0 imported, 0 unchanged, 0 updated, 1 kept editor changes, 0 flagged for review, 0 failed')
    expect(rerun.stderr).toContain('edited.txt: kept the editor’s version')
    const after = await client().getDocument(id)
    expect(after).toMatchObject({
      title: 'Von der Redaktion überarbeitet',
      review: {status: 'changesRequested', decisions: [{action: 'requestChanges', note: 'Kürzen'}]},
    })
    expect(JSON.stringify(after!.body)).toContain('Montag')
  })

  it('updates an untouched release whose seed changed, and an approval falls back to pending', async () => {
    const id = 'drafts.pressRelease.changing'
    const draft = (await client().getDocument(id)) as PressReleaseDocument
    const arrived = draft.source?.importedAt
    const approval = decide(
      draft,
      {action: 'approve', user: {id: 'local-editor', name: 'Local Editor', roles: ['editor']}, findings: []},
      {reviewerRoles: ['editor']},
    )
    if (!approval.ok) throw new Error(approval.reason)
    await reviewer().patch(id).set({review: approval.review}).commit()
    writeFileSync(path.join(folder, 'changing.txt'), SEED.replace('Montag', 'Dienstag'))

    const rerun = await importInto([path.join(folder, 'changing.txt')])
    expect(rerun.stdout.trim()).toBe('0 imported, 0 unchanged, 1 updated, 0 kept editor changes, 1 flagged for review, 0 failed')
    const after = (await client().getDocument(id)) as PressReleaseDocument & {source: {importedHash: string}}
    expect(JSON.stringify(after.body)).toContain('Dienstag')
    expect(after.review).toMatchObject({status: 'pending', decisions: [{action: 'approve'}]})
    // The approval's snapshot stays, so the reviewer's diff shows what the new seed changed.
    expect(after.review?.approvedContent).toContain('Montag')
    expect(after.source.importedHash).toBe(contentHash(after))
    // The copy arrived with the first run: the due time counts from then, and the lake refuses to move it.
    expect(after.source.importedAt).toBe(arrived)
  })
})

// Small batches, so the run spans several batches, each split across the worker threads.
describe.each([
  ['on the main thread', ['--threads', '0', '--batch-size', '3']],
  ['in worker threads', ['--threads', '2', '--batch-size', '3']],
])('bad input, built %s', (_, buildArgs) => {
  let result: Awaited<ReturnType<typeof importInto>>
  let folder: string
  let target: LakeProcess
  const targetClient = () => target.client({token: LAKE_TOKENS.administrator})
  beforeAll(async () => {
    target = await startLakeProcess()
    const windows1252 = Buffer.from(SEED.replace(/[“”–—\u00a0]/g, ' '), 'latin1')
    folder = seedFolder({
      'a-empty.txt': '',
      'b-binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'c-title-only.txt': 'Nur ein Titel\n',
      'd-windows-1252.txt': windows1252,
      'e-bom-crlf.txt': `\ufeff${SEED.replace(/\n/g, '\r\n')}`,
      'f-too-large.txt': `${SEED}\n\n${'x'.repeat(2 * 1024 * 1024)}`,
      'g-unknown-source.txt': 'Eigener Bericht\n\nBERLIN — Die Redaktion berichtet selbst über den Stadtrat.',
    })
    result = await runScript('scripts/import.ts', [folder, ...buildArgs], {SANITY_API_HOST: target.url})
  })
  afterAll(async () => {
    await target?.stop()
  })

  it('exits non-zero and still imports the good files', async () => {
    expect(result.code).toBe(1)
    expect(result.stdout.trim()).toBe('2 imported, 0 unchanged, 0 updated, 0 kept editor changes, 2 flagged for review, 5 failed')
  })

  it.each([
    ['a-empty.txt', 'the file is empty. Remove it or replace it with the release text.'],
    ['b-binary.txt', 'the file is binary, not text. Export the release as a UTF-8 .txt file.'],
    ['c-title-only.txt', 'the file holds only a title, no body. Check that the export is complete; a release needs its text.'],
    ['f-too-large.txt', 'the file is 2 MiB, over the 1 MiB limit for one release. Split it into one file per release.'],
    [
      'g-unknown-source.txt',
      'no known distributor’s dateline tag opens the copy, so its source cannot be told. Add the distributor and its dateline tag in the Studio (Distributor → Markers), then import again.',
    ],
  ])('gives %s one clear line', (file, message) => {
    const lines = result.stderr.split('\n').filter((line) => line.includes(file))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(message)
  })

  it('reports the files in the order it reads them', () => {
    const names = ['a-empty', 'b-binary', 'c-title-only', 'd-windows-1252', 'e-bom-crlf', 'f-too-large', 'g-unknown-source']
    const positions = names.map((name) => result.stderr.indexOf(`${name}.txt`))
    expect(positions.every((position) => position >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('writes nothing for a failed file', async () => {
    const ids = await targetClient().fetch<string[]>('*[_id match "*pressRelease.[abcfg]-*"]._id')
    expect(ids).toEqual([])
  })

  it('decodes Windows-1252 correctly, without mojibake', async () => {
    const release = await targetClient().getDocument('drafts.pressRelease.d-windows-1252')
    expect(release!.title).toBe(
      'US und israelische Beamte halten virtuelle Gespräche über ihren Streit um eine Militäroperation in Rafah ab',
    )
    expect(JSON.stringify(release)).not.toMatch(/Ã|â€/)
  })

  it('reads UTF-8 with BOM and CRLF line endings like the plain seed', async () => {
    const release = await targetClient().getDocument('drafts.pressRelease.e-bom-crlf')
    expect(release!.title.startsWith('US und')).toBe(true)
    expect(release!.body).toHaveLength(6)
    expect(release!.dateline).toEqual({_type: 'dateline', location: 'WASHINGTON', agency: 'AP'})
  })
})

describe('dry run and NDJSON', () => {
  it('--dry-run writes nothing and says what would change', async () => {
    const fresh = await startLakeProcess()
    try {
      const dry = await runScript('scripts/import.ts', ['--dry-run', SEED_PATH], {SANITY_API_HOST: fresh.url})
      expect(dry.code).toBe(0)
      expect(dry.stderr).toContain(`${SEED_NAME}: would import as a draft (flagged for review)`)
      expect(dry.stdout.trim()).toBe(
        'Dry run, nothing written: 1 imported, 0 unchanged, 0 updated, 0 kept editor changes, 1 flagged for review, 0 failed',
      )
      expect(await fresh.client().fetch('count(*)')).toBe(0)
    } finally {
      await fresh.stop()
    }
  })

  it('--ndjson output round-trips through the lake’s own import', async () => {
    const file = path.join(tempDir('ndjson-'), 'seed.ndjson')
    const written = await runScript('scripts/import.ts', ['--ndjson', file, SEED_PATH])
    expect(written.code).toBe(0)
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {_id: string})
    expect(lines.map((document) => document._id).sort()).toEqual([
      'category.de.tagesnachrichten',
      'category.de.top-story',
      'disclaimer.seaprwire.de',
      'distributor.einpresswire',
      'distributor.globenewswire',
      'distributor.prnewswire',
      'distributor.seaprwire',
      `drafts.${RELEASE_ID}`,
    ])
    const target = await startLakeProcess()
    try {
      const imported = await runScript('lake/main.ts', [
        'import',
        file,
        '--url',
        target.url,
        '--token',
        LAKE_TOKENS.administrator,
      ])
      expect(imported.code, imported.stderr).toBe(0)
      const viaLake = await target.client().getDocument(`drafts.${RELEASE_ID}`)
      const viaClient = await client().getDocument(`drafts.${RELEASE_ID}`)
      const content = ({_rev, _createdAt, _updatedAt, receivedAt, source, ...rest}: Record<string, unknown>) => rest
      expect(content(viaLake!)).toEqual(content(viaClient!))
      expect(await target.client().getDocument('distributor.seaprwire')).toMatchObject({
        reach: {mediaOutlets: 6500},
        languages: expect.arrayContaining(['de', 'pt']),
      })
    } finally {
      await target.stop()
    }
  })
})

it('creates a folder of seeds idempotently: a second folder run creates no duplicates', async () => {
  const folder = tempDir('seeds-')
  mkdirSync(path.join(folder, 'nested'))
  copyFileSync(SEED_PATH, path.join(folder, 'nested', 'twice.txt'))
  await importInto([folder])
  await importInto([folder])
  expect(await client().fetch('count(*[_id == $id])', {id: 'drafts.pressRelease.twice'})).toBe(1)
  expect(await client().fetch('count(*[_type == "category"])')).toBe(2)
})

interface Refusal {
  status: number
  headers?: Record<string, string>
  body?: object
}

/** A proxy in front of a real lake that answers a mutation itself when `refuse` says so. */
async function refusingProxy(
  lake: LakeProcess,
  refuse: (body: string) => Refusal | undefined,
): Promise<{url: string; close: () => void}> {
  const proxy = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks)
      const refusal = request.url?.includes('/data/mutate/') ? refuse(body.toString('utf8')) : undefined
      if (refusal) {
        response
          .writeHead(refusal.status, {'content-type': 'application/json', ...refusal.headers})
          .end(JSON.stringify(refusal.body ?? {error: 'busy'}))
        return
      }
      // As a reverse proxy does (`changeOrigin`): the lake serves only its own loopback host and port.
      const headers = {...request.headers, host: new URL(lake.url).host}
      const upstream = httpRequest(`${lake.url}${request.url}`, {method: request.method, headers}, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      })
      upstream.end(body)
    })
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  return {url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => proxy.close()}
}

describe('when the API refuses', () => {
  it('retries 429 and 5xx answers, honouring Retry-After, and imports', async () => {
    const fresh = await startLakeProcess()
    const refusals: Refusal[] = [{status: 429, headers: {'retry-after': '1'}}, {status: 503}]
    const proxy = await refusingProxy(fresh, () => refusals.shift())
    try {
      const started = Date.now()
      const result = await runScript('scripts/import.ts', [SEED_PATH], {SANITY_API_HOST: proxy.url})
      expect(result.code, result.stderr).toBe(0)
      expect(result.stderr).toContain('The API answered HTTP 429; retrying in 1000 ms')
      expect(result.stderr).toContain('The API answered HTTP 503; retrying in')
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(refusals).toEqual([])
      expect(await fresh.client().fetch('count(*[_type == "pressRelease"])')).toBe(1)
    } finally {
      proxy.close()
      await fresh.stop()
    }
  })

  it('fails only the file whose documents the API refuses, and reports it in file order', async () => {
    const fresh = await startLakeProcess()
    const folder = seedFolder({'a.txt': SEED, 'b-refused.txt': SEED, 'c.txt': SEED})
    const proxy = await refusingProxy(fresh, (body) =>
      body.includes('pressRelease.b-refused')
        ? {status: 409, body: {error: {description: 'Document is locked', type: 'mutationError'}}}
        : undefined,
    )
    try {
      const result = await runScript('scripts/import.ts', [folder], {SANITY_API_HOST: proxy.url})
      expect(result.code).toBe(1)
      expect(result.stdout.trim()).toBe(
        '2 imported, 0 unchanged, 0 updated, 0 kept editor changes, 2 flagged for review, 1 failed',
      )
      const lines = result.stderr.split('\n').filter((line) => /[abc](-refused)?\.txt/.test(line))
      expect(lines.map((line) => /([abc](?:-refused)?\.txt)/.exec(line)![1])).toEqual(['a.txt', 'b-refused.txt', 'c.txt'])
      expect(lines[1]).toContain('could not be imported: Document is locked')
      expect(await fresh.client().fetch('*[_type == "pressRelease"]._id | order(@)')).toEqual([
        'drafts.pressRelease.a',
        'drafts.pressRelease.c',
      ])
    } finally {
      proxy.close()
      await fresh.stop()
    }
  })
})

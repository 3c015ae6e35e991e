import {createClient} from '@sanity/client'
import {parse, evaluate} from 'groq-js'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {createWorkspaceFromConfig, pathToString, validateDocument, type SanityDocument, type Workspace} from 'sanity'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {editorialReview} from '../../plugins/editorial-review'
import {schemaTypes} from '../../schemas'

let workspace: Workspace
let emptyDataset: Server
/** What the dataset holds; empty unless a test puts documents in it. */
let datasetDocuments: SanityDocument[] = []

/**
 * Slug uniqueness runs a GROQ query through the workspace client; answer it by really
 * evaluating the query over an empty dataset, so validation never leaves the machine.
 */
async function serveEmptyDataset(): Promise<string> {
  emptyDataset = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const params = Object.fromEntries(
      [...url.searchParams].filter(([key]) => key.startsWith('$')).map(([key, value]) => [key.slice(1), JSON.parse(value)]),
    )
    const result = await (
      await evaluate(parse(url.searchParams.get('query') ?? 'null'), {dataset: datasetDocuments, params})
    ).get()
    response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({result, ms: 0}))
  })
  await new Promise<void>((resolve) => emptyDataset.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(emptyDataset.address() as AddressInfo).port}`
}

afterAll(() => emptyDataset?.close())

beforeAll(async () => {
  const apiHost = await serveEmptyDataset()
  workspace = await createWorkspaceFromConfig({
    projectId: 'pressroom',
    dataset: 'test',
    name: 'test',
    basePath: '/',
    schema: {types: schemaTypes},
    plugins: [editorialReview({types: ['pressRelease']})],
    currentUser: {
      id: 'tester',
      name: 'Tester',
      email: 'tester@localhost',
      role: 'administrator',
      roles: [{name: 'administrator', title: 'Administrator'}],
    },
    getClient: (options) =>
      createClient({
        projectId: 'pressroom',
        dataset: 'test',
        apiVersion: options.apiVersion,
        useCdn: false,
        apiHost,
        useProjectHostname: false,
      }),
  })
})

function release(fields: Record<string, unknown>): SanityDocument {
  return {
    _id: 'drafts.release',
    _type: 'pressRelease',
    _createdAt: '2026-01-01T00:00:00Z',
    _updatedAt: '2026-01-01T00:00:00Z',
    _rev: 'rev',
    title: 'Amerikanische und israelische Beamte beraten',
    slug: {_type: 'slug', current: 'amerikanische-und-israelische-beamte-beraten'},
    language: 'de',
    categories: [{_type: 'reference', _ref: 'category.top-story', _key: 'c1'}],
    body: [paragraph('Die Beamten trafen sich per Videokonferenz.')],
    ...fields,
  }
}

function paragraph(text: string, href?: string) {
  return {
    _type: 'block',
    _key: 'b1',
    style: 'normal',
    markDefs: href ? [{_type: 'link', _key: 'l1', href}] : [],
    children: [{_type: 'span', _key: 's1', text, marks: href ? ['l1'] : []}],
  }
}

/**
 * Errors as `sanity documents validate` (cli) or the Studio's form (studio) reports them;
 * outside the Studio, Sanity lowers an object field's (a slug's) own messages to warnings.
 */
async function errorsOf(document: SanityDocument, environment: 'cli' | 'studio' = 'cli') {
  const markers = await validateDocument({document, workspace, getDocumentExists: async () => true, environment})
  return markers
    .filter((marker) => marker.level === 'error')
    .map((marker) => ({path: pathToString(marker.path), message: marker.message}))
}

describe('pressRelease validation', () => {
  it('accepts a complete release', async () => {
    expect(await errorsOf(release({}))).toEqual([])
  })

  it('rejects a missing title and says what to do', async () => {
    expect(await errorsOf(release({title: undefined}))).toEqual([
      {path: 'title', message: 'Add a title: it heads the article and builds the slug.'},
    ])
  })

  it('rejects a javascript: link in the body', async () => {
    const errors = await errorsOf(release({body: [paragraph('Klick', 'javascript:alert(1)')]}))
    expect(errors).toEqual([
      {path: 'body[_key=="b1"].markDefs[_key=="l1"].href', message: 'Use a full web address starting with https:// or http://.'},
    ])
  })

  it('accepts an https link in the body', async () => {
    expect(await errorsOf(release({body: [paragraph('SeaPRwire', 'https://www.seaprwire.com/')]}))).toEqual([])
  })

  it('rejects a language that is not a BCP 47 tag', async () => {
    expect(await errorsOf(release({language: 'german'}))).toEqual([
      {path: 'language', message: '"german" is not a BCP 47 language tag. Use a tag like "de", "en" or "pt-BR".'},
    ])
  })

  it('asks for a missing slug', async () => {
    expect(await errorsOf(release({slug: undefined}), 'studio')).toEqual([
      {path: 'slug', message: 'Generate the slug from the title, or type one: the article URL needs it.'},
    ])
  })

  it("reports a duplicate's slug clash as a clash, not as a missing slug", async () => {
    datasetDocuments = [{...release({}), _id: 'pressRelease.original'}]
    try {
      expect(await errorsOf(release({}), 'studio')).toEqual([{path: 'slug', message: 'Slug is already in use'}])
    } finally {
      datasetDocuments = []
    }
  })

  it('asks for at least one category', async () => {
    expect(await errorsOf(release({categories: []}))).toEqual([
      {path: 'categories', message: 'Add at least one category so the release appears in a section.'},
    ])
  })
})

describe('slug generation', () => {
  it('transliterates German umlauts through the schema option', () => {
    const pressRelease = workspace.schema.get('pressRelease') as {
      fields: {name: string; type: {options?: {slugify?: (value: string) => string}}}[]
    }
    const slugify = pressRelease.fields.find((field) => field.name === 'slug')?.type.options?.slugify
    expect(slugify?.('Gespräche')).toBe('gespraeche')
    expect(
      slugify?.('US und israelische Beamte halten virtuelle Gespräche über ihren Streit um eine Militäroperation in Rafah ab'),
    ).toBe(
      // Cut at the last word boundary within 96 characters.
      'us-und-israelische-beamte-halten-virtuelle-gespraeche-ueber-ihren-streit-um-eine',
    )
  })
})

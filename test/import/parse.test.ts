import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {WIRE_AGENCIES} from '../../data/agencies'
import {BUILTIN_DISTRIBUTORS} from '../../data/distributors'
import type {DistributorDoc} from '../../plugins/editorial-review/rules/types'
import {parseSeed} from '../../scripts/import/parse'

const context = {distributors: BUILTIN_DISTRIBUTORS as DistributorDoc[], agencies: WIRE_AGENCIES}
const SEED = readFileSync(new URL('../../seeds/000_e42a070e862f161b.txt', import.meta.url), 'utf8')

describe('parseSeed on the shipped seed', () => {
  const parsed = parseSeed('seed.txt', SEED, context)

  it('reads the title, dateline and language', () => {
    expect(parsed.title).toBe(
      'US und israelische Beamte halten virtuelle Gespräche über ihren Streit um eine Militäroperation in Rafah ab',
    )
    expect(parsed.dateline).toEqual({location: 'WASHINGTON', agency: 'AP'})
    expect(parsed.language).toBe('de')
    expect(parsed.distributor?._id).toBe('distributor.seaprwire')
  })

  it('keeps exactly the six body paragraphs, the dateline paragraph verbatim', () => {
    expect(parsed.paragraphs).toHaveLength(6)
    // The seed opens with a space, a no-break space and a space after the dash.
    expect(parsed.paragraphs[0]!.startsWith('(SeaPRwire) – \u00a0 WASHINGTON (AP) — Amerikanische')).toBe(true)
    expect(parsed.paragraphs[5]).toMatch(/befassen wollten\.”$/)
    expect(parsed.paragraphs.join(' ')).not.toMatch(/Drittanbieter|Branchen|Medienshops/)
  })

  it('separates the disclaimer, categories and distributor facts', () => {
    expect(parsed.disclaimer).toEqual({
      language: 'de',
      text: 'Der Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire (https://www.seaprwire.com/) gibt diesbezüglich keine Zusicherungen oder Darstellungen ab.',
    })
    expect(parsed.categories).toEqual({titles: ['Top-Story', 'Tagesnachrichten'], language: 'de'})
    expect(parsed.facts?.reach).toEqual({mediaOutlets: 6500, journalists: 86_000, desktops: 3_500_000, countries: 90})
    expect(parsed.facts?.languages).toHaveLength(15)
  })
})

describe('dateline variants', () => {
  const SEED_OPENING = /^\(SeaPRwire\)[^W]+WASHINGTON \(AP\) — /m
  const withOpening = (opening: string) => {
    expect(SEED).toMatch(SEED_OPENING)
    return SEED.replace(SEED_OPENING, opening)
  }

  it.each([
    ['en dash and spaces', '(SeaPRwire) – WASHINGTON (AP) — '],
    ['NBSP around the dashes', '(SeaPRwire)\u00a0–\u00a0WASHINGTON (AP)\u00a0—\u00a0'],
    ['em dash after the tag', '(SeaPRwire) — WASHINGTON (AP) — '],
    ['double hyphen', '(SeaPRwire) -- WASHINGTON (AP) -- '],
    ['a colon after the credit', '(SeaPRwire) – WASHINGTON (AP): '],
    ['a credit without parentheses', '(SeaPRwire) – WASHINGTON AP — '],
    ['a zero-width space and a Cyrillic А in the credit', '(SeaPRwire) – WASHINGTON (\u0410\u200bP) — '],
    ['full-width letters in the credit', '(SeaPRwire) – WASHINGTON （ＡＰ） — '],
  ])('%s', (_name, opening) => {
    expect(parseSeed('seed.txt', withOpening(opening), context).dateline).toEqual({location: 'WASHINGTON', agency: 'AP'})
  })

  it('reads a two-word place and another agency', () => {
    expect(parseSeed('seed.txt', withOpening('(SeaPRwire) – NEW YORK (dpa) — '), context).dateline).toEqual({
      location: 'NEW YORK',
      agency: 'dpa',
    })
  })

  it('reads the place before a PR Newswire tag', () => {
    const text =
      'Acme launches a widget\n\nNEW YORK, Jan. 5, 2026 /PRNewswire/ -- Acme Corp. today announced a widget that does many useful things for many people in many places around the world.'
    const parsed = parseSeed('prn.txt', text, context)
    expect(parsed.distributor?._id).toBe('distributor.prnewswire')
    expect(parsed.dateline).toEqual({location: 'NEW YORK'})
    expect(parsed.disclaimer).toBeUndefined()
  })

  it('recognises a wire no distributor document describes by its dateline form', () => {
    const text = 'Acme launches a widget\n\nBOSTON, Jan. 5, 2026 (BUSINESS WIRE) -- Acme Corp. today announced a widget.'
    const parsed = parseSeed('bw.txt', text, context)
    expect(parsed.distributor).toBeUndefined()
    expect(parsed.unknownWire).toBe('Business Wire')
  })
})

describe('refusals', () => {
  it('refuses a file with only a title', () => {
    expect(() => parseSeed('title.txt', 'Nur ein Titel\n', context)).toThrow('title.txt: the file holds only a title, no body.')
  })

  it('refuses copy no distributor marker recognises, saying where to add one', () => {
    expect(() => parseSeed('own.txt', 'Eigener Bericht\n\nBERLIN — Die Redaktion berichtet selbst.', context)).toThrow(
      /own\.txt: no known distributor’s dateline tag opens the copy.*Distributor → Markers/,
    )
  })

  it('follows distributor data: an edited dateline tag is recognised without code changes', () => {
    const custom: DistributorDoc = {
      _id: 'distributor.newswire-x',
      name: 'Newswire X',
      slug: {_type: 'slug', current: 'newswire-x'},
      website: 'https://newswire-x.example/',
      description: '',
      markers: {
        datelineTags: ['[NWX]'],
        domains: [],
        phrases: [{_key: 'd', kind: 'disclaimer', language: 'en', text: 'Distributed by NWX.'}],
      },
    }
    const parsed = parseSeed(
      'x.txt',
      'Title\n\n[NWX] -- PARIS (AFP) -- Text of the story.\n\nDistributed by NWX. No warranties.',
      {distributors: [custom], agencies: WIRE_AGENCIES},
    )
    expect(parsed.distributor?._id).toBe('distributor.newswire-x')
    expect(parsed.dateline).toEqual({location: 'PARIS', agency: 'AFP'})
    expect(parsed.disclaimer).toEqual({text: 'Distributed by NWX. No warranties.', language: 'en'})
    expect(parsed.paragraphs).toEqual(['[NWX] -- PARIS (AFP) -- Text of the story.'])
  })
})

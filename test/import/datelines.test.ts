/**
 * The import reads datelines with the rules' own matcher, so what it records (place,
 * agency, originator) is what the rules see in the same copy.
 */
import {describe, expect, it} from 'vitest'
import {detect} from '../../plugins/editorial-review/core'
import {detectContext, importSeed, readSeed} from '../plugins/editorial-review/fixtures'

const SEED_OPENING = /^\(SeaPRwire\)[^W]+WASHINGTON \(AP\) — /m

function importedWithOpening(opening: string) {
  const seed = readSeed()
  expect(seed).toMatch(SEED_OPENING)
  const context = detectContext()
  const {parsed, release} = importSeed(seed.replace(SEED_OPENING, opening), context)
  const creditedByRule = detect(release, context)
    .filter((finding) => finding.code === 'agencyCredit')
    .map((finding) => finding.params.agencyCode)
  return {parsed, release, creditedByRule}
}

describe('the import reads datelines as the rules do', () => {
  it('recognises an agency’s alias in a distributed dateline, as the rule does', () => {
    const {parsed, release, creditedByRule} = importedWithOpening('(SeaPRwire) – WASHINGTON (Associated Press) — ')
    expect(parsed.dateline).toEqual({location: 'WASHINGTON', agency: 'AP'})
    expect(release.infoSources).toContainEqual({
      _key: 'originator',
      _type: 'infoSource',
      name: 'Associated Press',
      role: 'originator',
    })
    expect(creditedByRule).toEqual(['AP'])
  })

  it('records each agency of a joint credit', () => {
    const {parsed, release, creditedByRule} = importedWithOpening('(SeaPRwire) – BERLIN (dpa/AFP) - ')
    expect(parsed.dateline).toEqual({location: 'BERLIN', agency: 'dpa/AFP'})
    expect(release.infoSources?.filter(({role}) => role === 'originator').map(({name}) => name)).toEqual([
      'Deutsche Presse-Agentur',
      'Agence France-Presse',
    ])
    expect(creditedByRule).toEqual(['dpa', 'AFP'])
  })

  it.each([
    ['a spelling no agency has', '(SeaPRwire) – WASHINGTON (ap) — ', 'WASHINGTON'],
    ['a source that is no wire agency', '(SeaPRwire) – NEW YORK (Bloomberg) — ', 'NEW YORK'],
  ])('takes %s for no agency credit, as the rule does, and keeps the place', (_what, opening, location) => {
    const {parsed, release, creditedByRule} = importedWithOpening(opening)
    expect(parsed.dateline).toEqual({location})
    expect(release.infoSources?.map(({role}) => role)).toEqual(['distributor'])
    expect(creditedByRule).toEqual([])
  })

  it.each([
    ['an em dash', '(SeaPRwire) – HAMBURG — '],
    ['a hyphen', '(SeaPRwire) - HAMBURG - '],
    ['no-break spaces', '(SeaPRwire)\u00a0–\u00a0HAMBURG\u00a0—\u00a0'],
  ])('keeps the place of a dateline without an agency credit (%s)', (_what, opening) => {
    const {parsed, release} = importedWithOpening(opening)
    expect(parsed.dateline).toEqual({location: 'HAMBURG'})
    expect(release.dateline).toEqual({_type: 'dateline', location: 'HAMBURG'})
    expect(release.infoSources?.map(({role}) => role)).toEqual(['distributor'])
  })
})

import {describe, expect, it} from 'vitest'
import {
  DEFAULT_RULES,
  detect,
  isThirdParty,
  toStoredFindings,
  type Finding,
  type Rule,
} from '../../../../plugins/editorial-review/core'
import {block, detectContext, plainArticle, readSeed, release, seedDocument, spanPath} from '../fixtures'

const DISCLAIMER =
  'Der Artikel wird von einem Drittanbieter bereitgestellt. SeaPRwire (https://www.seaprwire.com/) gibt diesbezüglich keine Zusicherungen oder Darstellungen ab.'

const BOILERPLATE =
  'SeaPRwire liefert Echtzeit-Pressemitteilungsverteilung für Unternehmen und Institutionen und erreicht mehr als 6.500 Medienshops, 86.000 Redakteure und Journalisten sowie 3,5 Millionen professionelle Desktops in 90 Ländern. SeaPRwire unterstützt die Verteilung von Pressemitteilungen in Englisch, Koreanisch, Japanisch, Arabisch, Vereinfachtem Chinesisch, Traditionellem Chinesisch, Vietnamesisch, Thailändisch, Indonesisch, Malaiisch, Deutsch, Russisch, Französisch, Spanisch, Portugiesisch und anderen Sprachen.'

describe('detect on the seed (German AP story redistributed by SeaPRwire)', () => {
  const seed = seedDocument()
  const text = readSeed()
  const findings = detect(seed, detectContext())

  it('builds the document the import builds', () => {
    expect(seed.body).toHaveLength(6)
    expect(seed.body?.[0]?.children?.[0]?.text).toMatch(/^\(SeaPRwire\) –\s+WASHINGTON \(AP\) — Amerikanische/)
    expect(seed.body?.[5]?.children?.[0]?.text).toMatch(/befassen wollten\.”$/)
    expect(seed.categories?.map((category) => category._ref)).toEqual(['category.de.top-story', 'category.de.tagesnachrichten'])
    const bodyText = seed.body?.map((item) => item.children?.[0]?.text).join('\n')
    expect(bodyText).not.toContain('Drittanbieter')
    expect(bodyText).not.toContain('Echtzeit-Pressemitteilungsverteilung')
  })

  it('reports exactly the expected rules, most severe first', () => {
    expect(findings.map((finding) => [finding.code, finding.severity])).toEqual([
      ['distributorDatelineTag', 'blocker'],
      ['agencyCredit', 'blocker'],
      ['distributorReference', 'blocker'],
      ['distributorDisclaimer', 'info'],
      ['distributorBoilerplate', 'info'],
    ])
  })

  it('points at the passages exactly', () => {
    const disclaimerStart = text.indexOf('Der Artikel wird')
    const boilerplateStart = text.indexOf('SeaPRwire liefert')
    expect(disclaimerStart).toBe(2021)
    expect(boilerplateStart).toBe(2219)
    expect(findings.map((finding) => finding.evidence)).toEqual([
      [{path: 'body[_key=="p0"].children[_key=="p0s0"].text', start: 0, end: 11, quote: '(SeaPRwire)'}],
      [{path: 'body[_key=="p0"].children[_key=="p0s0"].text', start: 27, end: 31, quote: '(AP)'}],
      [{path: 'distributor', start: 0, end: 'distributor.seaprwire'.length, quote: 'distributor.seaprwire'}],
      [{path: 'source.originalText', start: 2021, end: 2021 + DISCLAIMER.length, quote: DISCLAIMER}],
      [{path: 'source.originalText', start: 2219, end: 2219 + BOILERPLATE.length, quote: BOILERPLATE}],
    ])
  })

  it('evidence ranges are exact offsets into the field values', () => {
    const first = seed.body?.[0]?.children?.[0]?.text ?? ''
    const values: Record<string, string> = {
      [spanPath('p0')]: first,
      'source.originalText': text,
      distributor: 'distributor.seaprwire',
    }
    for (const evidence of findings.flatMap((finding) => finding.evidence)) {
      expect(values[evidence.path]?.slice(evidence.start, evidence.end)).toBe(evidence.quote)
    }
  })

  it('reports no missing disclaimer, no distributor link and no language mismatch', () => {
    const codes = findings.map((finding) => finding.code)
    expect(codes).not.toContain('missingDisclaimer')
    expect(codes).not.toContain('distributorLink')
    expect(codes).not.toContain('languageMismatch')
  })

  it('messages are plain sentences saying what to do', () => {
    expect(findings[1]?.message).toContain('Associated Press')
    expect(findings[1]?.message).toContain('licence')
    for (const finding of findings) expect(finding.message).toMatch(/^[“A-Z].*[.]$/)
  })

  it('is third-party', () => {
    expect(isThirdParty(findings)).toBe(true)
  })

  it('is deterministic: the same findings in the same order whatever the distributor order', () => {
    const reversed = detectContext({distributors: detectContext().distributors.reverse()})
    expect(detect(seed, reversed)).toEqual(findings)
    expect(detect(seedDocument(), detectContext())).toEqual(findings)
  })
})

describe('detect on the newsroom’s own article', () => {
  it('finds nothing third-party', () => {
    const findings = detect(plainArticle(), detectContext())
    expect(findings).toEqual([])
    expect(isThirdParty(findings)).toBe(false)
  })
})

describe('rules table', () => {
  it('has a rule for every built-in code, keyed by its own code', () => {
    for (const [code, rule] of Object.entries(DEFAULT_RULES)) expect(rule.code).toBe(code)
  })

  it('runs a site’s own rule, and only the rules it is given', () => {
    const embargo: Rule = {
      code: 'embargoNote',
      severity: 'warning',
      detect: (_document, _context, text) =>
        text.body
          .filter((unit) => unit.text.includes('EMBARGO'))
          .map(() => ({
            code: 'embargoNote',
            severity: 'warning',
            message: 'Check the embargo before publishing.',
            messageKey: 'finding.embargoNote',
            params: {},
            evidence: [],
          })),
    }
    const document = release([block('b0', 'EMBARGO until Friday. (SeaPRwire) – Text.')])
    const onlyEmbargo = detect(document, detectContext({rules: {embargoNote: embargo}}))
    expect(onlyEmbargo.map((finding) => finding.code)).toEqual(['embargoNote'])
    const extended = detect(document, detectContext({rules: {...DEFAULT_RULES, embargoNote: embargo}}))
    expect(extended.map((finding) => finding.code)).toEqual(['distributorDatelineTag', 'missingDisclaimer', 'embargoNote'])
  })

  it('a site rule that marks copy third-party enables the third-party-only rules', () => {
    const internalWire: Rule = {
      code: 'internalWire',
      severity: 'blocker',
      marksThirdParty: true,
      detect: (_document, _context, text) =>
        text.body.some((unit) => unit.text.startsWith('[WIRE]'))
          ? [
              {
                code: 'internalWire',
                severity: 'blocker',
                message: 'Wire copy: review it.',
                messageKey: 'finding.internalWire',
                params: {},
                evidence: [],
              },
            ]
          : [],
    }
    const document = release([block('b0', '[WIRE] BERLIN (dpa) - Ein Text.')], {language: 'de'})
    const codes = detect(document, detectContext({rules: {...DEFAULT_RULES, internalWire}})).map((finding) => finding.code)
    expect(codes).toEqual(['agencyCredit', 'missingDisclaimer', 'internalWire'])
    expect(detect(document, detectContext()).map((finding) => finding.code)).toEqual([])
  })
})

describe('isThirdParty', () => {
  const finding = (code: string): Finding => ({
    code,
    severity: 'info',
    message: '',
    messageKey: `finding.${code}`,
    params: {},
    evidence: [],
  })
  it.each([
    ['distributorDatelineTag', true],
    ['distributorDisclaimer', true],
    ['distributorBoilerplate', true],
    ['agencyCredit', true],
    ['distributorReference', true],
    ['missingDisclaimer', true],
    ['distributorLink', false],
    ['languageMismatch', false],
    ['someSiteRule', false],
  ])('%s → %s', (code, expected) => {
    expect(isThirdParty([finding(code)])).toBe(expected)
  })
})

describe('toStoredFindings', () => {
  const findings = detect(seedDocument(), detectContext())
  const stored = toStoredFindings(findings)

  it('adds _type and stable, unique _keys, keeping the content', () => {
    expect(stored.map((finding) => finding._type)).toEqual(Array(findings.length).fill('reviewFinding'))
    expect(new Set(stored.map((finding) => finding._key)).size).toBe(findings.length)
    expect(toStoredFindings(findings)).toEqual(stored)
    stored.forEach((finding, index) => {
      expect(finding.code).toBe(findings[index]?.code)
      expect(finding.message).toBe(findings[index]?.message)
      expect(finding.evidence.map(({path, start, end, quote}) => ({path, start, end, quote}))).toEqual(findings[index]?.evidence)
      for (const evidence of finding.evidence) {
        expect(evidence._type).toBe('reviewEvidence')
        expect(evidence._key).toMatch(/^[0-9a-f]{8}/)
      }
    })
  })

  it('keeps keys unique when two findings point at the same place', () => {
    const twin: Finding = {
      code: 'x',
      severity: 'info',
      message: 'a',
      messageKey: 'finding.x',
      params: {},
      evidence: [{path: 'title', start: 0, end: 1, quote: 'T'}],
    }
    const keys = toStoredFindings([twin, {...twin, message: 'b'}]).map((finding) => finding._key)
    expect(keys[0]).not.toBe(keys[1])
  })
})

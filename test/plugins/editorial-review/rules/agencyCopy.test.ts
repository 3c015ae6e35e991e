import {describe, expect, it} from 'vitest'
import {
  canPublish,
  DEFAULT_RULES,
  detect,
  isThirdParty,
  type PressReleaseDocument,
  type WireAgency,
} from '../../../../plugins/editorial-review/core'
import {block, detectContext, plainArticle, release, seedDocument, spanPath} from '../fixtures'
import {findingsOf} from './helpers'

/** Copy pasted into a new release in the Studio: no distributor, no source text. */
const pasted = (...paragraphs: string[]) => release(paragraphs.map((text, index) => block(`b${index}`, text)))

const evidenceOf = (text: string, quote: string, blockKey = 'b0') => ({
  path: spanPath(blockKey),
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
  quote,
})

describe('agencyCopy', () => {
  it.each([
    ['an em dash', 'WASHINGTON (AP) — Officials met on Monday.', 'WASHINGTON (AP) —', 'Associated Press'],
    ['a hyphen', 'LONDON (Reuters) - Shares rose on Friday.', 'LONDON (Reuters) -', 'Reuters'],
    ['dpa in capitals', 'BERLIN (dpa) - Die Bundesregierung plant neue Regeln.', 'BERLIN (dpa) -', 'Deutsche Presse-Agentur'],
    ['an en dash', 'Berlin (dpa) – Die Bundesregierung plant neue Regeln.', 'Berlin (dpa) –', 'Deutsche Presse-Agentur'],
    ['a double hyphen', 'WASHINGTON (AP) -- Officials met on Monday.', 'WASHINGTON (AP) --', 'Associated Press'],
    [
      'no-break spaces',
      'WASHINGTON\u00a0(AP)\u00a0—\u00a0Officials met on Monday.',
      'WASHINGTON\u00a0(AP)\u00a0—',
      'Associated Press',
    ],
    ['a date after the place', 'LONDON, May 3 (Reuters) - Shares rose on Friday.', 'LONDON, May 3 (Reuters) -', 'Reuters'],
    ['a two-word place', 'NEW YORK (AP) — Stocks fell.', 'NEW YORK (AP) —', 'Associated Press'],
    ['a glued place name', 'Frankfurt/Main (dpa) - Der Dax stieg.', 'Frankfurt/Main (dpa) -', 'Deutsche Presse-Agentur'],
    ['an alias', 'WASHINGTON (Associated Press) — Officials met.', 'WASHINGTON (Associated Press) —', 'Associated Press'],
    ['an alias in capitals', 'LONDON (REUTERS) - Shares rose.', 'LONDON (REUTERS) -', 'Reuters'],
  ])('a dateline with %s marks pasted copy as the agency’s, quoting the dateline', (_form, text, quote, agency) => {
    const findings = findingsOf('agencyCopy', pasted(text))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({severity: 'blocker', messageKey: 'finding.agencyCopy'})
    expect(findings[0]?.params).toMatchObject({agency, passage: quote})
    expect(findings[0]?.evidence).toEqual([evidenceOf(text, quote)])
  })

  it.each([
    [
      'English',
      'Copyright 2026 The Associated Press. All rights reserved. This material may not be published.',
      'Copyright 2026 The Associated Press',
      'Associated Press',
    ],
    [
      'German',
      'Copyright 2026 The Associated Press. Alle Rechte vorbehalten.',
      'Copyright 2026 The Associated Press',
      'Associated Press',
    ],
    ['German, dpa', '© 2026 dpa. Alle Rechte vorbehalten.', '© 2026 dpa', 'Deutsche Presse-Agentur'],
    ['with ©', '© 2026 Reuters', '© 2026 Reuters', 'Reuters'],
    ['with (c)', 'Text: (c) dpa', '(c) dpa', 'Deutsche Presse-Agentur'],
    ['with Copyright ©', 'Copyright © 2026 Reuters. All rights reserved.', 'Copyright © 2026 Reuters', 'Reuters'],
    [
      'with a comma after the year',
      'Copyright 2026, The Associated Press',
      'Copyright 2026, The Associated Press',
      'Associated Press',
    ],
  ])('a copyright line (%s) marks pasted copy as the agency’s', (_what, line, quote, agency) => {
    const document = pasted('Officials met on Monday to discuss the budget.', line)
    const findings = findingsOf('agencyCopy', document)
    expect(findings).toHaveLength(1)
    expect(findings[0]?.params).toMatchObject({agency, passage: quote})
    expect(findings[0]?.evidence).toEqual([evidenceOf(line, quote, 'b1')])
  })

  it('collects a dateline and a copyright line of the same agency in one finding, in document order', () => {
    const opening = 'WASHINGTON (AP) — Officials met on Monday.'
    const closing = 'Copyright 2026 The Associated Press. All rights reserved.'
    const findings = findingsOf('agencyCopy', pasted(opening, 'More text.', closing))
    expect(findings).toHaveLength(1)
    expect(findings[0]?.evidence).toEqual([
      evidenceOf(opening, 'WASHINGTON (AP) —'),
      evidenceOf(closing, 'Copyright 2026 The Associated Press', 'b2'),
    ])
  })

  it('a joint credit names each agency', () => {
    const findings = findingsOf('agencyCopy', pasted('BERLIN (dpa/AFP) - Die Regierung tagte.'))
    expect(findings.map((finding) => finding.params.agencyCode)).toEqual(['dpa', 'AFP'])
  })

  it('reports a dateline split across spans as one range per span', () => {
    const document = release([
      {
        _type: 'block',
        _key: 'b0',
        markDefs: [],
        children: [
          {_type: 'span', _key: 'x', text: 'WASHINGTON', marks: ['strong']},
          {_type: 'span', _key: 'y', text: ' (AP) — Officials met.', marks: []},
        ],
      },
    ])
    expect(findingsOf('agencyCopy', document)[0]?.evidence).toEqual([
      {path: spanPath('b0', 'x'), start: 0, end: 10, quote: 'WASHINGTON'},
      {path: spanPath('b0', 'y'), start: 0, end: 7, quote: ' (AP) —'},
    ])
  })

  it.each([
    ['according to AP', 'According to AP, officials met on Monday.'],
    ['told The Associated Press', 'Officials told The Associated Press on Monday that the talks would go on.'],
    ['Reuters reported', 'Reuters reported on Friday that shares rose.'],
    ['a credit inside a sentence', 'Officials met on Monday, a spokesman said (AP) — and left.'],
    ['a dateline later in the paragraph', 'Officials said so. WASHINGTON (AP) — They met.'],
    ['another spelling of the code', 'WASHINGTON (ap) — Officials met.'],
    ['a place without a credit', 'HAMBURG — Der Hafen meldet Rekordzahlen.'],
    ['a lower-case copyright', 'The copyright of AP photos is explained below.'],
    ['a copyright of someone else', 'Copyright 2026 Acme Corp. All rights reserved.'],
  ])('the newsroom’s own copy with %s is not agency copy', (_what, text) => {
    const document = pasted(text)
    expect(findingsOf('agencyCopy', document)).toEqual([])
    expect(isThirdParty(detect(document, detectContext()))).toBe(false)
  })

  it('a newsroom’s own article stays its own', () => {
    expect(detect(plainArticle(), detectContext())).toEqual([])
  })

  it('pasted AP copy with no distributor is third-party and cannot be published unapproved', () => {
    const document: PressReleaseDocument = pasted(
      'WASHINGTON (AP) — American and Israeli officials held virtual talks on Monday.',
      'Copyright 2026 The Associated Press. All rights reserved.',
    )
    const context = detectContext()
    const findings = detect(document, context)
    // Once it is third-party, the rules for third-party copy ask about the licence and the disclaimer.
    expect(findings.map((finding) => finding.code)).toEqual(['agencyCopy', 'agencyCredit', 'missingDisclaimer'])
    expect(isThirdParty(findings, DEFAULT_RULES)).toBe(true)
    const verdict = canPublish(document, {context})
    expect(verdict.ok).toBe(false)
    expect(verdict.reasons.join(' ')).toContain('must be approved')
  })

  it('reads the agencies from the detection context, so the policy’s list drives it', () => {
    const newsroomWire: WireAgency = {code: 'NWA', name: 'Nordic Wire Agency', aliases: ['Nordic Wire']}
    const text = 'OSLO (Nordic Wire) – Regjeringen la fram budsjettet.'
    expect(findingsOf('agencyCopy', pasted(text), detectContext({agencies: [newsroomWire]}))[0]?.params).toMatchObject({
      agency: 'Nordic Wire Agency',
      agencyCode: 'NWA',
    })
    expect(findingsOf('agencyCopy', pasted('WASHINGTON (AP) — Text.'), detectContext({agencies: [newsroomWire]}))).toEqual([])
    expect(findingsOf('agencyCopy', pasted('WASHINGTON (AP) — Text.'), detectContext({agencies: []}))).toEqual([])
  })

  it('falls back to the copy as received when the editor removed the dateline from the body', () => {
    const originalText = 'Officials meet\n\nWASHINGTON (AP) — Officials met on Monday.'
    const document = release([block('b0', 'Officials met on Monday.')], {source: {originalText}})
    expect(findingsOf('agencyCopy', document)[0]?.evidence).toEqual([
      {
        path: 'source.originalText',
        start: originalText.indexOf('WASHINGTON'),
        end: originalText.indexOf(' Officials met'),
        quote: 'WASHINGTON (AP) —',
      },
    ])
  })

  describe('spellings that hid agency copy', () => {
    it.each([
      ['a colon after the credit', 'WASHINGTON (AP): Officials met on Monday.', 'WASHINGTON (AP):', 'AP'],
      ['a colon after a spaced credit', 'LONDON, May 3 (Reuters) : Shares rose.', 'LONDON, May 3 (Reuters) :', 'Reuters'],
      ['a zero-width space in the credit', 'WASHINGTON (A\u200bP) — Officials met.', 'WASHINGTON (A\u200bP) —', 'AP'],
      ['a zero-width non-joiner', 'WASHINGTON (A\u200cP) — Officials met.', 'WASHINGTON (A\u200cP) —', 'AP'],
      ['a zero-width joiner', 'WASHINGTON (A\u200dP) — Officials met.', 'WASHINGTON (A\u200dP) —', 'AP'],
      ['a word joiner', 'WASHINGTON (\u2060AP\u2060) — Officials met.', 'WASHINGTON (\u2060AP\u2060) —', 'AP'],
      ['a byte order mark', 'WASHINGTON (AP\ufeff) — Officials met.', 'WASHINGTON (AP\ufeff) —', 'AP'],
      ['a soft hyphen', 'WASHINGTON (A\u00adP) — Officials met.', 'WASHINGTON (A\u00adP) —', 'AP'],
      ['invisible characters in the place', 'WASH\u200bINGTON (AP) — Officials met.', 'WASH\u200bINGTON (AP) —', 'AP'],
      ['a Cyrillic А', 'WASHINGTON (\u0410P) — Officials met.', 'WASHINGTON (\u0410P) —', 'AP'],
      ['a Greek Α', 'WASHINGTON (\u0391P) — Officials met.', 'WASHINGTON (\u0391P) —', 'AP'],
      [
        'Cyrillic look-alikes in an alias',
        'LONDON (R\u0435ut\u0435rs) - Shares rose.',
        'LONDON (R\u0435ut\u0435rs) -',
        'Reuters',
      ],
      ['full-width letters', 'WASHINGTON （ＡＰ） — Officials met.', 'WASHINGTON （ＡＰ） —', 'AP'],
      [
        'look-alikes and a zero-width space together',
        'WASHINGTON (\u0410\u200b\u0420) — Officials met.',
        'WASHINGTON (\u0410\u200b\u0420) —',
        'AP',
      ],
      ['a credit without parentheses', 'WASHINGTON AP — Officials met on Monday.', 'WASHINGTON AP —', 'AP'],
      ['a credit without parentheses after a two-word place', 'NEW YORK AP - Stocks fell.', 'NEW YORK AP -', 'AP'],
      ['a Cyrillic credit without parentheses', 'WASHINGTON \u0410P — Officials met.', 'WASHINGTON \u0410P —', 'AP'],
    ])('a dateline with %s is the agency’s, quoted as written', (_form, text, quote, agencyCode) => {
      const findings = findingsOf('agencyCopy', pasted(text))
      expect(findings).toHaveLength(1)
      expect(findings[0]?.params).toMatchObject({agencyCode, passage: quote})
      expect(findings[0]?.evidence).toEqual([evidenceOf(text, quote)])
      for (const {start, end, quote: quoted} of findings[0]!.evidence) expect(text.slice(start, end)).toBe(quoted)
    })

    it.each([
      ['after the last sentence', ['Officials met on Monday.', 'They will meet again. (AP)'], '(AP)'],
      ['as a paragraph of its own', ['Officials met on Monday.', '(AP)'], '(AP)'],
      ['after a dash', ['Officials met on Monday.', 'They will meet again. — AP'], '— AP'],
      [
        'after a hyphen, with trailing white space',
        ['Officials met on Monday.', 'They will meet again. - Reuters  '],
        '- Reuters',
      ],
      ['with a joint credit', ['Die Regierung tagte.', 'Mehr folgt. (dpa/AFP)'], '(dpa/AFP)'],
      ['with invisible and look-alike characters', ['Officials met on Monday.', 'Done. (\u0410P)\u200b'], '(\u0410P)'],
      ['before blocks of only white space', ['Officials met on Monday.', 'Done. (AP)', ' ', '\u200b\u00a0'], '(AP)'],
    ])('a credit line closing the copy (%s) marks it as the agency’s', (_what, paragraphs, quote) => {
      const findings = findingsOf('agencyCopy', pasted(...paragraphs))
      expect(findings.length).toBeGreaterThan(0)
      const index = paragraphs.findLastIndex((paragraph) => paragraph.includes(quote))
      expect(findings[0]?.params).toMatchObject({passage: quote})
      expect(findings[0]?.evidence).toEqual([evidenceOf(paragraphs[index]!, quote, `b${index}`)])
    })

    it('reads a credit line closing the copy as received when the body lost it', () => {
      const originalText = 'Officials meet\n\nOfficials met on Monday.\n\n(AP)\n'
      const document = release([block('b0', 'Officials met on Monday.')], {source: {originalText}})
      expect(findingsOf('agencyCopy', document)[0]?.evidence).toEqual([
        {path: 'source.originalText', start: originalText.indexOf('(AP)'), end: originalText.indexOf('(AP)') + 4, quote: '(AP)'},
      ])
    })

    it.each([
      ['a credit without parentheses after a place in mixed case', ['Washington AP — Officials met.']],
      ['a dash after the place and AP in the sentence', ['WASHINGTON — The AP reported that officials met.']],
      ['according to AP before a dash', ['According to AP — officials met on Monday.']],
      ['an agency told something before a dash', ['Officials told AP — on Monday — that they met.']],
      ['a colon after a place without a credit', ['WASHINGTON: Officials met on Monday.']],
      ['a colon after a credit no agency has', ['NEW YORK (Bloomberg): Stocks fell.']],
      ['AP as the last word of a sentence', ['Officials met on Monday.', 'That is what a spokesman told AP.']],
      ['a credit inside the last sentence', ['Officials met on Monday, a spokesman told AP (AP) reporters.']],
      ['a credit before the last sentence ends', ['Officials met on Monday, a spokesman told the wire (AP).']],
      ['a credit closing a paragraph that is not the last', ['Officials met on Monday. (AP)', 'More on the talks tomorrow.']],
      ['a credit closing the title', []],
      ['a hyphenated word ending in an agency code', ['The talks were anti-AP']],
      ['a code the agency list spells otherwise', ['Officials met. (ap)']],
    ])('the newsroom’s own copy with %s is not agency copy', (_what, paragraphs) => {
      const document = {...pasted(...paragraphs), title: 'Officials met on Monday (AP)'}
      expect(findingsOf('agencyCopy', document)).toEqual([])
      expect(isThirdParty(detect(document, detectContext()))).toBe(false)
    })
  })

  it('agencyCredit reads folded credits too, quoting them as written', () => {
    const text = 'BERLIN (dpa) - Die Regierung tagte. Laut (\u0410\u200bFP) ging es um das Budget.'
    const findings = findingsOf('agencyCredit', pasted(text))
    expect(findings.map((finding) => finding.params.agencyCode)).toEqual(['dpa', 'AFP'])
    expect(findings[1]?.evidence).toEqual([evidenceOf(text, '(\u0410\u200bFP)')])
  })

  it('leaves a dateline behind a distributor’s tag to the distributor’s rules', () => {
    expect(findingsOf('agencyCopy', seedDocument())).toEqual([])
  })
})

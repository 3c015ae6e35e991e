import {describe, expect, it} from 'vitest'
import {block, readSeed, release, seedParagraphs, spanPath} from '../fixtures'
import {findingsOf} from './helpers'

const boilerplate = seedParagraphs(readSeed()).find((paragraph) => paragraph.startsWith('SeaPRwire liefert'))!

describe('distributorBoilerplate', () => {
  it('in the body: a warning to remove it, quoting the whole paragraph', () => {
    const document = release([block('b0', 'Text der Meldung.'), block('b1', boilerplate)], {language: 'de'})
    const findings = findingsOf('distributorBoilerplate', document)
    expect(findings).toHaveLength(1)
    expect(findings[0]?.severity).toBe('warning')
    expect(findings[0]?.message).toMatch(/^Remove SeaPRwire's boilerplate from the body/)
    expect(findings[0]?.evidence).toEqual([{path: spanPath('b1'), start: 0, end: boilerplate.length, quote: boilerplate}])
  })

  it('in the body and in the copy as received: only the body warning', () => {
    const document = release([block('b1', boilerplate)], {language: 'de', source: {originalText: `Text.\n\n${boilerplate}`}})
    const findings = findingsOf('distributorBoilerplate', document)
    expect(findings.map((finding) => [finding.severity, finding.evidence.map((evidence) => evidence.path)])).toEqual([
      ['warning', [spanPath('b1')]],
    ])
  })

  it('in the copy as received only: info, quoting it', () => {
    const original = `Text.\n\n${boilerplate}\n`
    const findings = findingsOf('distributorBoilerplate', release([block('b0', 'Text.')], {source: {originalText: original}}))
    expect(findings.map((finding) => finding.severity)).toEqual(['info'])
    expect(findings[0]?.evidence).toEqual([
      {path: 'source.originalText', start: 7, end: 7 + boilerplate.length, quote: boilerplate},
    ])
  })

  it('without the template’s shape, quotes the opening up to the paragraph’s end', () => {
    const text = 'SeaPRwire delivers real-time press release distribution to newsrooms worldwide.'
    const findings = findingsOf('distributorBoilerplate', release([block('b0', text)]))
    expect(findings[0]?.evidence).toEqual([{path: spanPath('b0'), start: 0, end: text.length, quote: text}])
  })

  it('does not fire on a sentence about the distributor', () => {
    expect(
      findingsOf('distributorBoilerplate', release([block('b0', 'SeaPRwire delivered the release to our newsroom on Monday.')])),
    ).toEqual([])
  })
})

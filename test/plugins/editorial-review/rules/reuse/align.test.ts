import {describe, expect, it} from 'vitest'
import {
  detect,
  reuseReport,
  withReuseSources,
  resolvePolicy,
  type PressReleaseDocument,
} from '../../../../../plugins/editorial-review/core'
import {block, detectContext, distributorDocs} from '../../fixtures'

const RELEASE_PARAGRAPHS = [
  'Northwind Robotics opened a second assembly plant in Leipzig on Monday, adding four hundred jobs and doubling its annual output of warehouse robots for European logistics firms.',
  'The new site covers twelve thousand square metres and runs on solar power from its own roof, according to chief executive Maria Lindqvist, who called the expansion a bet on automated supply chains.',
  'Production of the compact picking model Atlas Five starts in March, with first deliveries promised to three grocery chains in Germany, Austria and Poland before the summer holidays.',
]
const OWN_PARAGRAPHS = [
  'Our reporter visited the industrial estate north of the city, where trucks queued at a gate that had been empty farmland two years ago.',
  'Local officials welcomed the investment but warned that the regional labour market is already tight, and that training programmes would take time to deliver skilled workers.',
  'Union representatives said they would seek a collective agreement covering shift patterns before the factory reaches full capacity next year.',
]

const release: PressReleaseDocument & {_id: string} = {
  _id: 'drafts.pressRelease.northwind',
  _type: 'pressRelease',
  title: 'Northwind Robotics opens Leipzig plant',
  body: RELEASE_PARAGRAPHS.map((text, index) => block(`r${index}`, text)),
}
const article = (...paragraphs: string[]): PressReleaseDocument => ({
  _id: 'drafts.article.a',
  _type: 'article',
  title: 'A robot factory comes to town',
  body: paragraphs.map((text, index) => block(`a${index}`, text)),
})

describe('alignment', () => {
  it('finds a verbatim copy with exact offsets into both sides', () => {
    const report = reuseReport(article(RELEASE_PARAGRAPHS[0]!, OWN_PARAGRAPHS[0]!), [release])
    expect(report.sources).toHaveLength(1)
    const [passage] = report.sources[0]!.passages
    expect(passage!.article).toMatchObject({
      block: 0,
      path: 'body[_key=="a0"]',
      start: 0,
      quote: RELEASE_PARAGRAPHS[0]!.slice(0, -1),
    })
    expect(passage!.source).toMatchObject({block: 0, path: 'body[_key=="r0"]', start: 0})
    expect(passage!.evidence[0]).toMatchObject({path: 'body[_key=="a0"].children[_key=="a0s0"].text', start: 0})
    expect(report.coverage).toBeGreaterThan(0.45)
    expect(report.coverage).toBeLessThan(0.65)
  })

  it('finds reordered paragraphs', () => {
    const report = reuseReport(article(RELEASE_PARAGRAPHS[2]!, RELEASE_PARAGRAPHS[0]!, RELEASE_PARAGRAPHS[1]!), [release])
    expect(report.coverage).toBeGreaterThan(0.95)
    expect(report.sources[0]!.passages.map((passage) => passage.source.block)).toEqual([2, 0, 1])
  })

  it('holds a lightly edited paragraph together as one passage', () => {
    const edited = RELEASE_PARAGRAPHS[1]!
      .replace('twelve thousand', '12,000')
      .replace('according to chief executive', 'said CEO')
      .replace('called', 'described')
    const report = reuseReport(article(edited), [release])
    expect(report.sources[0]!.passages).toHaveLength(1)
    expect(report.coverage).toBeGreaterThan(0.8)
  })

  it('sees through case, accents, invisible characters and look-alike letters', () => {
    const doctored = RELEASE_PARAGRAPHS[0]!
      .replace('Robotics', 'Ro\u200bbotics')
      .replace('Leipzig', 'LЕIPZIG')
      .replace('European', 'Européan')
    expect(reuseReport(article(doctored), [release]).coverage).toBeGreaterThan(0.95)
  })

  it('finds nothing in own copy on the same topic', () => {
    expect(reuseReport(article(...OWN_PARAGRAPHS), [release]).sources).toEqual([])
  })

  it('ignores a short shared phrase, and counts one quoted sentence for what it is', () => {
    const shared = article(`${OWN_PARAGRAPHS[0]} Northwind Robotics opened a second plant.`, OWN_PARAGRAPHS[1]!)
    expect(reuseReport(shared, [release]).sources).toEqual([])
    const quoted = article(
      OWN_PARAGRAPHS[0]!,
      `The company said production of the compact picking model Atlas Five starts in March. ${OWN_PARAGRAPHS[1]}`,
      OWN_PARAGRAPHS[2]!,
    )
    const report = reuseReport(quoted, [release])
    expect(report.coverage).toBeGreaterThan(0)
    expect(report.coverage).toBeLessThan(0.2)
  })

  it("does not count a distributor's disclaimer as reuse", () => {
    const disclaimer =
      'The article is provided by a third-party content provider. SeaPRwire (https://www.seaprwire.com/) makes no warranties or representations in connection with it.'
    const withDisclaimer = {...release, body: [...release.body!, block('r9', disclaimer)]}
    const report = reuseReport(article(OWN_PARAGRAPHS[0]!, disclaimer), [withDisclaimer], {distributors: distributorDocs()})
    expect(report.sources).toEqual([])
  })

  it('counts a release once, whichever of its copies are candidates', () => {
    const published = {...release, _id: 'pressRelease.northwind'}
    expect(reuseReport(article(RELEASE_PARAGRAPHS[0]!), [release, published]).sources).toHaveLength(1)
  })
})

describe('the reuse rule', () => {
  const policy = resolvePolicy({types: ['pressRelease', 'article']})
  const context = withReuseSources(detectContext({rules: policy.rules}), policy, [release])
  const copied = article(RELEASE_PARAGRAPHS[0]!, RELEASE_PARAGRAPHS[1]!, OWN_PARAGRAPHS[0]!)

  it('flags copy above the threshold as third-party-derived, with the passages', () => {
    const finding = detect(copied, context).find((item) => item.code === 'releaseReuse')
    expect(finding).toMatchObject({severity: 'blocker'})
    expect(finding!.message).toMatch(/^\d+% of this copy comes from “Northwind Robotics opens Leipzig plant”/)
    expect(finding!.evidence.map((evidence) => evidence.path)).toEqual([
      'body[_key=="a0"].children[_key=="a0s0"].text',
      'body[_key=="a1"].children[_key=="a1s0"].text',
    ])
  })

  it('only notes credited reuse, and reuse under the threshold', () => {
    const credited = {
      ...copied,
      credits: [{release: {_ref: 'pressRelease.northwind'}, label: 'Based on a Northwind press release'}],
    }
    expect(detect(credited, context).map((finding) => finding.code)).toContain('releaseReuseNoted')
    expect(detect(credited, context).map((finding) => finding.code)).not.toContain('releaseReuse')
    const unlabelled = {...copied, credits: [{release: {_ref: 'pressRelease.northwind'}, label: ' '}]}
    expect(detect(unlabelled, context).map((finding) => finding.code)).toContain('releaseReuse')
    const strict = withReuseSources(detectContext({rules: policy.rules}), {reuse: {threshold: 0.9}}, [release])
    expect(detect(copied, strict).map((finding) => finding.code)).toEqual(['releaseReuseNoted'])
  })

  it('checks nothing without candidate sources', () => {
    expect(detect(copied, detectContext({rules: policy.rules})).map((finding) => finding.code)).not.toContain('releaseReuse')
  })

  it('refuses a threshold that is not a share', () => {
    expect(() => resolvePolicy({reuse: {threshold: 30}})).toThrow(/\[editorial-review\] `reuse.threshold` must be a share/)
  })
})

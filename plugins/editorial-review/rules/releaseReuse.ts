/**
 * Churnalism: the newsroom's own copy reusing an imported release's text. Above the
 * policy's threshold of uncredited reuse (30% by default) the copy is third-party-derived:
 * a reviewer approves it, or the article credits its source (the release and a label).
 * Credited or smaller reuse is reported for information, under its own code, so it does
 * not mark the copy third-party.
 */
import {findingMessage} from './message'
import {reuseReport, type ReuseReport} from './reuse/coverage'
import type {Finding, PressReleaseDocument, Rule, RuleContext} from './types'

export const RELEASE_REUSE_NOTED = 'releaseReuseNoted'

const percent = (share: number) => `${Math.round(share * 100)}%`

/** The report for a document and the sources its context holds; one per document and context. */
const reports = new WeakMap<object, {context: RuleContext['reuse']; report: ReuseReport}>()

export function reportFor(document: PressReleaseDocument, context: Pick<RuleContext, 'reuse' | 'distributors'>): ReuseReport {
  const cached = reports.get(document)
  if (cached && cached.context === context.reuse) return cached.report
  const report = reuseReport(document, context.reuse?.sources ?? [], {distributors: context.distributors})
  reports.set(document, {context: context.reuse, report})
  return report
}

function titles(report: ReuseReport, credited: boolean): string {
  const names = report.sources.filter((source) => source.credited === credited).map((source) => `“${source.title}”`)
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')
}

export const releaseReuseRule: Rule = {
  code: 'releaseReuse',
  severity: 'blocker',
  marksThirdParty: true,
  explainsBlock: true,
  revocable: true,
  detect(document, context): Finding[] {
    const reuse = context.reuse
    if (!reuse || reuse.sources.length === 0) return []
    const report = reportFor(document, context)
    if (report.sources.length === 0) return []
    if (report.uncreditedCoverage >= reuse.threshold) {
      return [
        {
          code: 'releaseReuse',
          severity: 'blocker',
          ...findingMessage('finding.releaseReuse', {
            coverage: percent(report.uncreditedCoverage),
            sources: titles(report, false),
          }),
          evidence: report.sources
            .filter((source) => !source.credited)
            .flatMap((source) => source.passages.flatMap((passage) => passage.evidence)),
        },
      ]
    }
    return [
      {
        code: RELEASE_REUSE_NOTED,
        severity: 'info',
        ...findingMessage('finding.releaseReuse.noted', {
          coverage: percent(report.coverage),
          sources: report.sources.map((source) => `“${source.title}”`).join(', '),
          threshold: percent(reuse.threshold),
        }),
        evidence: report.sources.flatMap((source) => source.passages.flatMap((passage) => passage.evidence)),
      },
    ]
  },
}

/**
 * The audit's two outputs: plain text that tells an operator what to do, and JSON for
 * CI and cron. No colours, no cursor tricks: the output lands in logs and mail.
 */
import type {AuditResult} from './run'

export interface ReportContext {
  /** describeTarget() of where the audit ran; never contains the token. */
  target: string
  /** When the audit ran, ISO 8601. */
  checkedAt: string
}

export function jsonReport(result: AuditResult, context: ReportContext): string {
  return JSON.stringify(
    {ok: result.problems.length === 0, ...context, checked: result.checked, problems: result.problems},
    null,
    2,
  )
}

export function humanReport(result: AuditResult, context: ReportContext): string {
  const {checked, problems} = result
  const noun = checked === 1 ? 'published press release' : 'published press releases'
  if (problems.length === 0) {
    return checked === 0
      ? `Audit of ${context.target}: no published press releases; nothing to do.`
      : `Audit of ${context.target}: all ${checked} ${noun} may be public (own copy, or third-party copy with a current approval).`
  }
  const lines = [
    `Audit of ${context.target}: ${problems.length} of ${checked} ${noun} are public without a current editorial approval.`,
    '',
  ]
  for (const problem of problems) {
    lines.push(`- ${problem.id}${problem.title ? ` "${problem.title}"` : ''}`)
    lines.push(`  ${problem.summary}`)
    if (problem.problem === 'approvalOutdated')
      lines.push(`  Approved content ${problem.approvedHash ?? '(none recorded)'}, published content ${problem.currentHash}.`)
    if (problem.lastDecision) {
      const {userName, at, status, note} = problem.lastDecision
      lines.push(`  Last decision: ${status} by ${userName} at ${at}${note ? `: "${note}"` : ''}.`)
    }
    if (problem.thirdPartyBy === 'detection')
      lines.push('  Not flagged as third-party on the document; the detection rules found distributor markers.')
    lines.push(`  What to do: ${problem.advice}`)
    lines.push('')
  }
  lines.push(
    'The Studio and the local lake refuse to publish such copy; on a hosted project, direct API writes bypass the Studio. Run this audit on a schedule and fix each entry above.',
  )
  return lines.join('\n')
}

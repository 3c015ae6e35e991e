/**
 * The audit's two outputs: plain text that tells an operator what to do, and JSON for
 * CI and cron. No colours, no cursor tricks: the output lands in logs and mail.
 */
import {plainDiff} from '../../plugins/editorial-review/core'
import type {AuditProblem, ProblemKind} from './classify'
import type {AuditResult} from './run'

export interface ReportContext {
  /** describeTarget() of where the audit ran; never contains the token. */
  target: string
  /** When the audit ran, ISO 8601. */
  checkedAt: string
}

export function jsonReport(result: AuditResult, context: ReportContext): string {
  return JSON.stringify(
    {
      ok: result.problems.length === 0,
      ...context,
      checked: result.checked,
      problems: result.problems,
      unverified: result.unverified,
    },
    null,
    2,
  )
}

/** Kinds found by checking an approval against the history, whose reasons say what the history showed. */
const HISTORY_KINDS: ReadonlySet<ProblemKind> = new Set([
  'approvalNotRecorded',
  'forgedApproval',
  'approverNotReviewer',
  'fourEyesViolated',
  'approvalHashMismatch',
  'approvalPostdated',
])

function byDocument(problems: AuditProblem[]): AuditProblem[][] {
  const groups = new Map<string, AuditProblem[]>()
  for (const problem of problems) groups.set(problem.id, [...(groups.get(problem.id) ?? []), problem])
  return [...groups.values()]
}

function documentLines(problems: AuditProblem[]): string[] {
  const [first] = problems as [AuditProblem, ...AuditProblem[]]
  const lines = [`- ${first.id}${first.title ? ` "${first.title}"` : ''}`]
  for (const problem of problems) {
    lines.push(`  [${problem.problem}] ${problem.summary}`)
    if (problem.problem === 'approvalOutdated') {
      lines.push(`  Approved content ${problem.approvedHash ?? '(none recorded)'}, published content ${problem.currentHash}.`)
      if (problem.changesSinceApproval)
        lines.push('  Changed since the approval:', ...plainDiff(problem.changesSinceApproval).map((line) => `    ${line}`))
    }
    if (HISTORY_KINDS.has(problem.problem)) lines.push(...problem.reasons.map((reason) => `  ${reason}`))
  }
  if (first.lastDecision) {
    const {userName, userId, at, status, note} = first.lastDecision
    lines.push(`  Last decision: ${status} by ${userName} (${userId}) at ${at}${note ? `: "${note}"` : ''}.`)
  }
  if (first.thirdPartyBy === 'detection')
    lines.push('  Not flagged as third-party on the document; the detection rules found distributor markers.')
  for (const problem of problems)
    lines.push(`  What to do${problems.length > 1 ? ` (${problem.problem})` : ''}: ${problem.advice}`)
  lines.push('')
  return lines
}

export function humanReport(result: AuditResult, context: ReportContext): string {
  const {checked, problems, unverified} = result
  const noun = checked === 1 ? 'published press release' : 'published press releases'
  const notes = unverified.length
    ? [
        '',
        `${unverified.length} approval(s) predate the History API's retention window and could not be verified:`,
        ...unverified.map(({id, reason}) => `- ${id}: ${reason}`),
      ]
    : []
  if (problems.length === 0) {
    const verdict =
      checked === 0
        ? `Audit of ${context.target}: no published press releases; nothing to do.`
        : `Audit of ${context.target}: all ${checked} ${noun} may be public (own copy, or third-party copy with a current approval).`
    return [verdict, ...notes].join('\n')
  }
  const documents = byDocument(problems)
  const lines = [
    `Audit of ${context.target}: ${documents.length} of ${checked} ${noun} are public without a current, verified editorial approval.`,
    '',
  ]
  for (const group of documents) lines.push(...documentLines(group))
  lines.push(
    'The Studio and the local lake refuse to publish such copy; on a hosted project, direct API writes bypass the Studio. Run this audit on a schedule and fix each entry above.',
    ...notes,
  )
  return lines.join('\n')
}

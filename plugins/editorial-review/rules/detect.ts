/**
 * Runs a rules table over a press release. Rules that only make sense for third-party
 * copy (an agency credit, a missing disclaimer) run after the others have settled
 * whether the copy is third-party.
 */
import {shortKey} from './hash'
import {DEFAULT_RULES} from './index'
import {documentText} from './text'
import {
  EVIDENCE_TYPE,
  FINDING_TYPE,
  type DetectContext,
  type Finding,
  type PressReleaseDocument,
  type Rule,
  type Severity,
  type StoredFinding,
} from './types'

const SEVERITY_RANK: Record<Severity, number> = {blocker: 0, warning: 1, info: 2}

/** Findings of all rules, most severe first, then in the rules table's order; deterministic. */
export function detect(document: PressReleaseDocument, context: DetectContext): Finding[] {
  const rules = Object.values(context.rules ?? DEFAULT_RULES)
  const text = documentText(document)
  const ranked: {finding: Finding; rank: number}[] = []
  const run = (thirdParty: boolean, selected: (rule: Rule) => boolean) => {
    rules.forEach((rule, rank) => {
      if (!selected(rule)) return
      for (const finding of rule.detect(document, {...context, thirdParty}, text)) ranked.push({finding, rank})
    })
  }

  run(false, (rule) => !rule.onlyThirdParty)
  const thirdParty =
    Boolean(document.distributor?._ref) ||
    isThirdParty(
      ranked.map(({finding}) => finding),
      context.rules ?? DEFAULT_RULES,
    )
  if (thirdParty) run(true, (rule) => Boolean(rule.onlyThirdParty))

  return ranked
    .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.rank - b.rank)
    .map(({finding}) => finding)
}

/** Codes whose findings prove the copy is third-party: rules that mark it, and rules that only run on it. */
function thirdPartyCodes(rules: Record<string, Rule>): Set<string> {
  return new Set(
    Object.values(rules)
      .filter((rule) => rule.marksThirdParty || rule.onlyThirdParty)
      .map((rule) => rule.code),
  )
}

/** True when any finding comes from a rule that proves the copy is third-party. */
export function isThirdParty(findings: Finding[], rules: Record<string, Rule> = DEFAULT_RULES): boolean {
  const codes = thirdPartyCodes(rules)
  return findings.some((finding) => codes.has(finding.code))
}

/** True when a finding proves the copy third-party for good: from a rule that is not `revocable`. */
export function isLastingThirdParty(findings: Finding[], rules: Record<string, Rule> = DEFAULT_RULES): boolean {
  const lasting = Object.fromEntries(Object.entries(rules).filter(([, rule]) => !rule.revocable))
  return isThirdParty(findings, lasting)
}

/** The findings that block publication until a reviewer approves. */
export function blockers(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'blocker')
}

/**
 * Findings ready to store in the dataset: `_type`s, and `_key`s derived from content,
 * so storing the same findings twice produces the same keys (no spurious diffs).
 */
export function toStoredFindings(findings: Finding[]): StoredFinding[] {
  const used = new Set<string>()
  const unique = (key: string) => {
    let candidate = key
    for (let suffix = 2; used.has(candidate); suffix++) candidate = `${key}-${suffix}`
    used.add(candidate)
    return candidate
  }
  return findings.map((finding) => {
    const where = finding.evidence.map((evidence) => `${evidence.path}:${evidence.start}:${evidence.end}`).join('|')
    const evidenceKeys = new Set<string>()
    return {
      _key: unique(shortKey(`${finding.code}|${where}`)),
      _type: FINDING_TYPE,
      code: finding.code,
      severity: finding.severity,
      // English only: the schema has no key fields, and the Studio shows live findings, not stored ones.
      message: finding.message,
      evidence: finding.evidence.map((evidence) => {
        let key = shortKey(`${evidence.path}:${evidence.start}:${evidence.end}`, 8)
        while (evidenceKeys.has(key)) key = `${key}x`
        evidenceKeys.add(key)
        return {
          _key: key,
          _type: EVIDENCE_TYPE,
          path: evidence.path,
          start: evidence.start,
          end: evidence.end,
          quote: evidence.quote,
        }
      }),
    }
  })
}

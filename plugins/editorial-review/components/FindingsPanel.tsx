import {Badge, Button, Card, Flex, Stack, Text} from '@sanity/ui'
import {memo} from 'react'
import {stringToPath, useCurrentLocale, useTranslation, type Path} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import {
  effectiveStatus,
  latestApproval,
  type Evidence,
  type FieldChange,
  type Finding,
  type PressReleaseDocument,
  type PublishVerdict,
  type ReviewBadge,
  type Severity,
} from '../core'
import type {ApprovedContent} from '../hooks/useApprovedContent'
import {useDetectContext} from '../hooks/useDetectContext'
import type {ReviewResourceKey} from '../i18n/resources'
import {translated, verdictMessages} from '../i18n/translate'
import {ApprovalDiff} from './ApprovalDiff'
import {DecisionBar} from './DecisionBar'

export interface FindingsPanelProps {
  /** Live findings of the current form value. */
  findings: Finding[]
  /** The gate's answer for the current form value. */
  verdict: PublishVerdict
  /** What the badge says, if anything. */
  badge: ReviewBadge | undefined
  /** The document, for its audit trail. */
  document: PressReleaseDocument
  /** The approved content, when the approval is outdated. */
  approvedContent: ApprovedContent
  /** What changed since the approval. */
  changes: FieldChange[]
  /** Moves the form's focus to a passage. */
  onFocusPath: (path: Path) => void
}

const SEVERITY_TONES: Record<Severity, 'critical' | 'caution' | 'primary'> = {
  blocker: 'critical',
  warning: 'caution',
  info: 'primary',
}

const FIELD_KEYS: Record<string, ReviewResourceKey> = {
  title: 'field.title',
  body: 'field.body',
  source: 'field.source',
  distributor: 'field.distributor',
}

const QUOTE_LIMIT = 160

/**
 * The review at the top of the form, told once: the status and what to do, the
 * decisions, what changed since an approval, the findings (resolved once approved), and
 * the audit trail. Memoised: the form re-renders its root on every focus, presence and
 * validation change, and the panel only changes with the document and its review.
 */
export const FindingsPanel = memo(function FindingsPanel({
  findings,
  verdict,
  badge,
  document,
  approvedContent,
  changes,
  onFocusPath,
}: FindingsPanelProps) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const locale = useCurrentLocale().id
  const approvedNow = verdict.ok && verdict.thirdParty && effectiveStatus(document).status === 'approved'
  const approval = approvedNow ? latestApproval(document) : undefined
  const tone = verdict.ok ? 'positive' : verdict.thirdParty ? 'caution' : 'default'
  const decisions = document.review?.decisions ?? []
  const when = (at: string) => new Date(at).toLocaleString(locale)
  return (
    <Card data-testid="review-findings" tone={tone} padding={3} radius={2} border>
      <Stack gap={4}>
        <Flex align="center" gap={2}>
          <Text weight="semibold">{t('panel.title')}</Text>
          {badge && <Badge data-testid="review-panel-badge">{t(`badge.${badge}`)}</Badge>}
        </Flex>
        <Stack gap={2} data-testid="review-status">
          {approval ? (
            <Text size={1}>{t('panel.approved', {user: approval.userName, date: when(approval.at)})}</Text>
          ) : verdict.ok ? (
            <Text size={1}>
              {t('panel.own-copy')} {t('panel.publish-ok')}
            </Text>
          ) : (
            <Stack gap={2} data-testid="review-reasons">
              {verdictMessages(verdict).map((reason, index) => (
                <Text key={`${reason.key}-${index}`} size={1} weight="medium">
                  {translated(t, reason)}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
        <DecisionBar document={document} findings={findings} thirdParty={verdict.thirdParty} />
        {approvedContent.state !== 'none' && <ApprovalDiff approved={approvedContent} changes={changes} />}
        {findings.length > 0 && approvedNow && (
          <Text size={1} weight="semibold">
            {t('panel.findings-resolved')}
          </Text>
        )}
        {findings.map((finding, index) => (
          <FindingCard key={`${finding.code}-${index}`} finding={finding} resolved={approvedNow} onFocusPath={onFocusPath} />
        ))}
        <Stack gap={2} data-testid="review-trail">
          <Text size={1} weight="semibold">
            {t('panel.trail')}
          </Text>
          {decisions.length === 0 ? (
            <Text size={1} muted>
              {t('panel.trail-empty')}
            </Text>
          ) : (
            decisions.map((decision) => (
              <Text key={decision._key} size={1}>
                {t('panel.decision', {action: t(`decision.${decision.action}`), user: decision.userName})} · {when(decision.at)}
                {decision.note ? ` · “${decision.note}”` : ''}
              </Text>
            ))
          )}
        </Stack>
      </Stack>
    </Card>
  )
})

/** One finding: a blocker until the copy is approved, then shown as resolved by that approval. */
function FindingCard({finding, resolved, onFocusPath}: {finding: Finding; resolved: boolean; onFocusPath: (path: Path) => void}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const tone = resolved ? 'default' : SEVERITY_TONES[finding.severity]
  return (
    <Card padding={2} radius={2} tone={tone} border={resolved} data-testid={`finding-${finding.code}`}>
      <Stack gap={2}>
        <Flex gap={2} align="center">
          <Badge tone={resolved ? 'positive' : SEVERITY_TONES[finding.severity]} data-testid="finding-severity">
            {resolved ? t('panel.resolved') : t(`severity.${finding.severity}`)}
          </Badge>
          <Text size={1} weight="medium" data-testid="finding-label">
            {t(`rule.${finding.code}`, {defaultValue: finding.code})}
          </Text>
        </Flex>
        <Text size={1}>{translated(t, {key: finding.messageKey, params: finding.params, message: finding.message})}</Text>
        {finding.evidence.map((evidence) => (
          <EvidenceLine key={`${evidence.path}:${evidence.start}`} evidence={evidence} onFocusPath={onFocusPath} />
        ))}
      </Stack>
    </Card>
  )
}

function EvidenceLine({evidence, onFocusPath}: {evidence: Evidence; onFocusPath: (path: Path) => void}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const context = useDetectContext()
  const path = stringToPath(evidence.path)
  const field = String(path[0] ?? '')
  // A reference's evidence quotes the id it points at; people know the document by its name.
  const named = field === 'distributor' ? context?.distributors.find((doc) => doc._id === evidence.quote)?.name : undefined
  const text = named ?? evidence.quote
  const quote = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text
  return (
    <Flex gap={2} align="center" wrap="wrap">
      <Text size={1} title={text}>
        <mark data-testid="finding-quote">{quote}</mark>{' '}
        {t('panel.evidence-in', {field: FIELD_KEYS[field] ? t(FIELD_KEYS[field]!) : t('field.other', {path: evidence.path})})}
      </Text>
      <Button
        mode="bleed"
        fontSize={1}
        padding={1}
        text={t('panel.show-passage')}
        // A Portable Text passage is focused by its block; other fields by their own path.
        onClick={() =>
          onFocusPath(field === 'body' ? path.slice(0, 2) : path.slice(0, 2).filter((segment) => typeof segment === 'string'))
        }
      />
    </Flex>
  )
}

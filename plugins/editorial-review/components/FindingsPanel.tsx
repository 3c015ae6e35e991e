import {Badge, Button, Card, Flex, Stack, Text} from '@sanity/ui'
import {useTranslation, type Path} from 'sanity'
import {stringToPath} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import type {Evidence, Finding, PressReleaseDocument, PublishVerdict, ReviewBadge, Severity} from '../core'
import type {ReviewResourceKey} from '../i18n/resources'
import {translated, verdictMessages} from '../i18n/translate'

export interface FindingsPanelProps {
  /** Live findings of the current form value. */
  findings: Finding[]
  /** The gate's answer for the current form value. */
  verdict: PublishVerdict
  /** What the badge says, if anything. */
  badge: ReviewBadge | undefined
  /** The document, for its audit trail. */
  document: PressReleaseDocument
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

/** Why a document was flagged, with the exact passages, at the top of the form. */
export function FindingsPanel({findings, verdict, badge, document, onFocusPath}: FindingsPanelProps) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const tone = verdict.ok ? 'positive' : verdict.thirdParty ? 'caution' : 'default'
  const decisions = document.review?.decisions ?? []
  return (
    <Card data-testid="review-findings" tone={tone} padding={3} radius={2} border>
      <Stack gap={3}>
        <Flex align="center" gap={2}>
          <Text weight="semibold">{t('panel.title')}</Text>
          {badge && <Badge data-testid="review-panel-badge">{t(`badge.${badge}`)}</Badge>}
        </Flex>
        <Text size={1}>{verdict.thirdParty ? t('panel.third-party') : t('panel.own-copy')}</Text>
        {verdict.ok ? (
          <Text size={1}>{t('panel.publish-ok')}</Text>
        ) : (
          <Stack gap={2} data-testid="review-reasons">
            {verdictMessages(verdict).map((reason, index) => (
              <Text key={`${reason.key}-${index}`} size={1} weight="medium">
                {translated(t, reason)}
              </Text>
            ))}
          </Stack>
        )}
        {findings.map((finding, index) => (
          <Card
            key={`${finding.code}-${index}`}
            padding={2}
            radius={2}
            tone={SEVERITY_TONES[finding.severity]}
            data-testid={`finding-${finding.code}`}
          >
            <Stack gap={2}>
              <Flex gap={2} align="center">
                <Badge tone={SEVERITY_TONES[finding.severity]}>{t(`severity.${finding.severity}`)}</Badge>
                <Text size={1} muted>
                  {finding.code}
                </Text>
              </Flex>
              <Text size={1}>{translated(t, {key: finding.messageKey, params: finding.params, message: finding.message})}</Text>
              {finding.evidence.map((evidence) => (
                <EvidenceLine key={`${evidence.path}:${evidence.start}`} evidence={evidence} onFocusPath={onFocusPath} />
              ))}
            </Stack>
          </Card>
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
                {t('panel.decision', {action: t(`decision.${decision.action}`), user: decision.userName})} ·{' '}
                {new Date(decision.at).toLocaleString()}
                {decision.note ? ` · “${decision.note}”` : ''}
              </Text>
            ))
          )}
        </Stack>
      </Stack>
    </Card>
  )
}

function EvidenceLine({evidence, onFocusPath}: {evidence: Evidence; onFocusPath: (path: Path) => void}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const path = stringToPath(evidence.path)
  const field = String(path[0] ?? '')
  const quote = evidence.quote.length > QUOTE_LIMIT ? `${evidence.quote.slice(0, QUOTE_LIMIT)}…` : evidence.quote
  return (
    <Flex gap={2} align="center" wrap="wrap">
      <Text size={1} title={evidence.quote}>
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

import {Badge, Box, Card, Flex, Grid, Stack, Text} from '@sanity/ui'
import {memo} from 'react'
import {IntentLink} from 'sanity/router'
import {useTranslation, type Path} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import {reportFor, type DetectContext, type PressReleaseDocument, type SourceReuse} from '../core'

export interface ReusePanelProps {
  document: PressReleaseDocument
  /** A detection context with the candidate releases (`useReuseDetectContext`). */
  context: DetectContext
  /** Moves the form's focus to a passage of the article. */
  onFocusPath: (path: Path) => void
}

const percent = (share: number) => `${Math.round(share * 100)}%`
const publishedId = (id: string) => id.replace(/^drafts\./, '')

/**
 * Where an article's text comes from imported releases: per source, the share and the
 * matched passages side by side (the article's on the left, the release's on the right),
 * with a link to the release. Text is rendered as text, never as HTML.
 */
export const ReusePanel = memo(function ReusePanel({document, context, onFocusPath}: ReusePanelProps) {
  const {t} = useTranslation(I18N_NAMESPACE)
  const report = reportFor(document, context)
  if (!context.reuse || report.sources.length === 0) return null
  const over = report.uncreditedCoverage >= context.reuse.threshold
  return (
    <Card data-testid="reuse-panel" tone={over ? 'critical' : 'primary'} padding={3} radius={2} border>
      <Stack gap={3}>
        <Text weight="semibold">{t('reuse.title')}</Text>
        <Text size={1} data-testid="reuse-summary">
          {t('reuse.summary', {coverage: percent(report.coverage), threshold: percent(context.reuse.threshold)})}
        </Text>
        {report.sources.map((source) => (
          <SourcePassages key={source.sourceId} source={source} onFocusPath={onFocusPath} />
        ))}
      </Stack>
    </Card>
  )
})

function SourcePassages({source, onFocusPath}: {source: SourceReuse; onFocusPath: (path: Path) => void}) {
  const {t} = useTranslation(I18N_NAMESPACE)
  return (
    <Card padding={2} radius={2} border data-testid="reuse-source">
      <Stack gap={3}>
        <Flex gap={2} align="center" wrap="wrap">
          <Text size={1} weight="medium">
            {t('reuse.source', {coverage: percent(source.coverage), title: source.title})}
          </Text>
          {source.credited && <Badge tone="positive">{t('reuse.credited')}</Badge>}
          <Text size={1}>
            <IntentLink
              intent="edit"
              params={{id: publishedId(source.sourceId), type: 'pressRelease'}}
              data-testid="reuse-source-link"
            >
              {t('reuse.open-release')}
            </IntentLink>
          </Text>
        </Flex>
        <Grid gridTemplateColumns={2} gap={2}>
          <Text size={0} muted>
            {t('reuse.article-side')}
          </Text>
          <Text size={0} muted>
            {t('reuse.source-side')}
          </Text>
          {source.passages.map((passage) => (
            <PassagePair
              key={`${passage.article.path}:${passage.article.start}:${passage.source.path}:${passage.source.start}`}
              article={passage.article.quote}
              release={passage.source.quote}
              onShow={() => onFocusPath(['body', {_key: keyOf(passage.article.path)}])}
            />
          ))}
        </Grid>
      </Stack>
    </Card>
  )
}

/** `body[_key=="a1"]` → `a1`. */
function keyOf(path: string): string {
  return /_key=="([^"]*)"/.exec(path)?.[1] ?? ''
}

function PassagePair({article, release, onShow}: {article: string; release: string; onShow: () => void}) {
  return (
    <>
      <Box data-testid="reuse-passage-article" onClick={onShow} style={{cursor: 'pointer'}}>
        <Text size={1}>
          <mark>{article}</mark>
        </Text>
      </Box>
      <Box data-testid="reuse-passage-source">
        <Text size={1}>
          <mark>{release}</mark>
        </Text>
      </Box>
    </>
  )
}

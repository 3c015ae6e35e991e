import {Stack} from '@sanity/ui'
import {useMemo, type PropsWithChildren} from 'react'
import {
  isArrayOfBlocksInputProps,
  isObjectInputProps,
  pathToString,
  stringToPath,
  type InputProps,
  type ObjectInputProps,
  type PortableTextInputProps,
} from 'sanity'
import {diffSinceApproval, type Finding, type PressReleaseDocument} from '../core'
import {assessReview} from '../hooks/assessReview'
import {useReviewConfig} from '../hooks/ReviewConfigContext'
import {useApprovedContent} from '../hooks/useApprovedContent'
import {useDetectContext} from '../hooks/useDetectContext'
import {useReuseDetectContext} from '../hooks/useReuseSources'
import {useReviewUser} from '../hooks/useReviewUser'
import {useStoredAssessment} from '../hooks/useStoredAssessment'
import {AssignmentBar} from './AssignmentBar'
import {FindingsContext, useLiveFindings} from './FindingsContext'
import {FindingsPanel} from './FindingsPanel'
import {ReusePanel} from './ReusePanel'

type RangeDecoration = NonNullable<PortableTextInputProps['rangeDecorations']>[number]

/**
 * The plugin's form input: above a reviewed document's form it shows the findings,
 * recomputed from the form value on every keystroke; inside it, Portable Text fields
 * highlight the passages the findings point at.
 */
export function ReviewFormInput(props: InputProps) {
  const {types} = useReviewConfig()
  if (props.id === 'root' && isObjectInputProps(props) && types.includes(props.schemaType.name))
    return <ReviewedDocumentInput {...props} />
  // Block arrays are rendered by the Portable Text input, whose props extend these. Only they
  // read the live findings: this wraps every input of every form, and an input that read them
  // would render again on every keystroke's new findings.
  if (isArrayOfBlocksInputProps(props)) return <HighlightedBlocksInput {...(props as unknown as PortableTextInputProps)} />
  return props.renderDefault(props)
}

function ReviewedDocumentInput(props: ObjectInputProps) {
  const {reviewerRoles} = useReviewConfig()
  const user = useReviewUser()
  const document = props.value as PressReleaseDocument | undefined
  // Live as the editor types: the reuse check runs once typing pauses, on the last sources meanwhile.
  const context = useReuseDetectContext(document, useDetectContext(), {fresh: false})
  const review = useMemo(() => {
    if (!document || !context) return undefined
    return assessReview(document, context, user, reviewerRoles)
  }, [document, context, user, reviewerRoles])
  useStoredAssessment(document, review?.findings, context, props.onChange)
  const approvedContent = useApprovedContent(document, review?.badge === 'approvalOutdated')
  const changes = useMemo(
    () => (approvedContent.state === 'ready' && document ? diffSinceApproval(approvedContent.document, document) : []),
    [approvedContent, document],
  )
  return (
    <FindingsContext.Provider value={review?.findings}>
      <Stack gap={5}>
        {review && document && (
          <FindingsPanel
            findings={review.findings}
            verdict={review.verdict}
            badge={review.badge}
            document={document}
            approvedContent={approvedContent}
            changes={changes}
            onFocusPath={props.onPathFocus}
          />
        )}
        {/* Who has flagged copy and when it is due. */}
        {review?.verdict.thirdParty && document && <AssignmentBar document={document} />}
        {document && context?.reuse && <ReusePanel document={document} context={context} onFocusPath={props.onPathFocus} />}
        {props.renderDefault(props)}
      </Stack>
    </FindingsContext.Provider>
  )
}

function HighlightedBlocksInput(props: PortableTextInputProps) {
  const findings = useLiveFindings()
  const prefix = pathToString(props.path)
  const given = props.rangeDecorations
  // One array per change of the findings: a new one on every render makes the editor redecorate every block.
  const rangeDecorations = useMemo(
    () => (findings ? [...(given ?? []), ...decorationsFor(findings, prefix)] : given),
    [given, findings, prefix],
  )
  return props.renderDefault(findings ? {...props, rangeDecorations} : props)
}

function Highlight({children}: PropsWithChildren) {
  return (
    <mark data-testid="review-highlight" style={{background: 'var(--card-badge-caution-bg-color, #fde68a)', color: 'inherit'}}>
      {children}
    </mark>
  )
}

/** Range decorations for every evidence inside this Portable Text field. */
function decorationsFor(findings: Finding[], fieldPath: string): RangeDecoration[] {
  return findings.flatMap((finding) =>
    finding.evidence
      .filter((evidence) => evidence.path.startsWith(`${fieldPath}[`))
      .flatMap((evidence): RangeDecoration[] => {
        const [, block, , span] = stringToPath(evidence.path)
        if (!block || typeof block !== 'object' || !span || typeof span !== 'object') return []
        const spanPath = [block, 'children', span]
        return [
          {
            component: Highlight,
            selection: {anchor: {path: spanPath, offset: evidence.start}, focus: {path: spanPath, offset: evidence.end}},
            payload: {code: finding.code},
          } as RangeDecoration,
        ]
      }),
  )
}

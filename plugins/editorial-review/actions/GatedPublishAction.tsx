import {useTranslation, type DocumentActionComponent} from 'sanity'
import {I18N_NAMESPACE} from '../constants'
import {useReviewedDocument} from '../hooks/useReviewedDocument'
import {translated, verdictMessages} from '../i18n/translate'

/**
 * Wraps a built-in action that makes copy public (publish, schedule) so it stays
 * disabled, with the gate's reasons as its tooltip, until `canPublish` says yes.
 */
export function gatedPublishAction(original: DocumentActionComponent): DocumentActionComponent {
  const GatedPublishAction: DocumentActionComponent = (props) => {
    const {t} = useTranslation(I18N_NAMESPACE)
    const description = original(props)
    const {verdict} = useReviewedDocument(props)
    if (!description || verdict.ok) return description
    const reasons = verdictMessages(verdict).map((reason) => translated(t, reason))
    return {...description, disabled: true, title: t('action.publish-blocked', {reasons: reasons.join(' ')})}
  }
  GatedPublishAction.action = original.action
  GatedPublishAction.displayName = `Gated(${original.displayName ?? original.action ?? 'action'})`
  return GatedPublishAction
}

/**
 * The projection that turns a review event into a message Slack's incoming webhooks accept:
 * `text` (the notification and fallback) and Block Kit `blocks` with the title linked to the
 * document in the Studio, the distributor, the status and who acted. Other endpoints get the
 * same JSON and can read `text`.
 */
import {concat, literal, slackEscaped} from './groq'
import {STATUS_TITLE, type ReviewEvent} from './events'

/** The Studio's intent link opens the document whatever the desk structure looks like. */
function studioLink(studioUrl: string): string {
  const base = studioUrl.replace(/\/+$/, '')
  // The published id, from a draft's id or a published one (the overdue event watches both).
  return concat(literal(`${base}/intent/edit/id=`), 'string::split(_id, "drafts.")[-1]', '";type="', '_type')
}

export function slackProjection(event: ReviewEvent, studioUrl: string): string {
  const title = slackEscaped('coalesce(title, "Untitled release")')
  const distributor = slackEscaped('coalesce(distributor->name, "unknown distributor")')
  const headline = literal(`${event.headline}: `)
  const actor = event.actor ? ['" · By: "', slackEscaped(`coalesce(${event.actor}, "someone")`)] : []
  // Whom it is for, when the event names someone: Slack users are not project users, so by name.
  const recipient = event.recipient ? ['" · To: "', slackEscaped(`coalesce(${event.recipient}, "someone")`)] : []
  const facts = (event.facts ?? []).flatMap(([label, expression]) => [literal(` · ${label}: `), slackEscaped(expression)])
  return `{
  "text": ${concat(headline, title)},
  "blocks": [
    {"type": "section", "text": {"type": "mrkdwn", "text": ${concat(`"*${event.headline}*\\n<"`, studioLink(studioUrl), '"|"', title, '">"')}}},
    {"type": "context", "elements": [{"type": "mrkdwn", "text": ${concat('"Distributor: "', distributor, '" · Status: "', STATUS_TITLE, ...actor, ...recipient, ...facts)}}]}
  ]
}`
}

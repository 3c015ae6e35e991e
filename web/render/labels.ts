/**
 * The disclosure every third-party release carries, on the list and on the article:
 * the label, who distributed it (linked only to an http(s) website) and the disclaimer
 * in the release's language. Google News asks for sponsored and third-party content
 * to be clearly disclosed; this block is that disclosure.
 */
import {html, type SafeHtml} from './html'
import {safeWebUrl} from './url'

/** The label text; front-ends in other languages translate it here. */
export const THIRD_PARTY_LABEL = 'Third-party content'

/** What the queries return for labelling (see queries/fragments.ts LABEL_FIELDS). */
export interface LabelFields {
  /** Copy not written by the newsroom. */
  thirdParty: boolean
  /** The wire that delivered it. */
  distributor: {name: string | null; website: string | null} | null
  /** The distributor's disclaimer in the release's language. */
  disclaimer: {text: string | null; language: string | null} | null
}

function distributorLink(distributor: LabelFields['distributor']): SafeHtml {
  if (!distributor?.name) return html``
  const website = safeWebUrl(distributor.website)
  const name = website
    ? html`<a href="${website}" rel="nofollow noopener noreferrer">${distributor.name}</a>`
    : html`${distributor.name}`
  return html` <span class="distributor">Distributed by ${name}</span>`
}

/** The short label for list entries. */
export function labelBadge(fields: LabelFields): SafeHtml {
  if (!fields.thirdParty) return html``
  return html`<p class="label" data-testid="third-party-label"><strong>${THIRD_PARTY_LABEL}</strong>${distributorLink(fields.distributor)}</p>`
}

/** The full disclosure for the article: label, distributor and disclaimer. */
export function disclosure(fields: LabelFields): SafeHtml {
  if (!fields.thirdParty) return html``
  const disclaimer = fields.disclaimer?.text
    ? html`<p class="disclaimer" data-testid="disclaimer"${fields.disclaimer.language ? html` lang="${fields.disclaimer.language}"` : ''}>${fields.disclaimer.text}</p>`
    : html``
  return html`<aside class="disclosure" aria-label="${THIRD_PARTY_LABEL}">${labelBadge(fields)}${disclaimer}</aside>`
}

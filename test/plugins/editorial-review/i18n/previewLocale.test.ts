/**
 * The plugin's own item previews (findings and decisions in the review field) speak to
 * people in the Studio's locale: a rule's name and the severity, not codes; the trail as
 * the review panel words it, with the date in the locale's form.
 */
import {afterEach, describe, expect, it} from 'vitest'
import type {PreviewConfig} from 'sanity'
import {DEFAULT_PREVIEW_LOCALE, previewDateTime, setPreviewLocale} from '../../../../plugins/editorial-review/i18n/previewLocale'
import {reviewAssignment} from '../../../../plugins/editorial-review/schema/reviewAssignment'
import {reviewDecision} from '../../../../plugins/editorial-review/schema/reviewDecision'
import {reviewEvidence} from '../../../../plugins/editorial-review/schema/reviewEvidence'
import {reviewFinding} from '../../../../plugins/editorial-review/schema/reviewFinding'

const prepareOf =
  (type: {preview?: PreviewConfig}) =>
  (selected: Record<string, unknown>): Record<string, unknown> =>
    type.preview!.prepare!(selected as never) as Record<string, unknown>

const FINDING = {code: 'distributorBoilerplate', severity: 'blocker', message: "Remove SeaPRwire's boilerplate from the body."}
const DECISION = {action: 'requestChanges', userName: 'Local Editor', at: '2026-03-02T12:30:00Z', note: 'Bitte kürzen.'}

afterEach(() => setPreviewLocale(DEFAULT_PREVIEW_LOCALE))

describe('the plugin’s item previews', () => {
  it('name a finding by its rule and severity, not its code', () => {
    expect(prepareOf(reviewFinding)(FINDING)).toEqual({title: 'Distributor boilerplate', subtitle: 'Blocks publication'})
    setPreviewLocale('de-DE')
    expect(prepareOf(reviewFinding)(FINDING)).toEqual({
      title: 'Werbetext des Verteilers',
      subtitle: 'Blockiert die Veröffentlichung',
    })
  })

  it('keep the recorded sentence for a rule the plugin has no name for', () => {
    expect(prepareOf(reviewFinding)({code: 'houseRule', severity: 'info', message: 'House rule applies.'})).toEqual({
      title: 'House rule applies.',
      subtitle: 'Info',
    })
  })

  it('word a decision as the panel’s trail does, with the date in the locale’s form', () => {
    expect(prepareOf(reviewDecision)(DECISION).title).toBe('Changes requested by Local Editor')
    setPreviewLocale('de-DE')
    const german = prepareOf(reviewDecision)(DECISION)
    expect(german.title).toBe('Änderungen angefordert von Local Editor')
    expect(german.subtitle).toBe(`${previewDateTime(DECISION.at)} · Bitte kürzen.`)
    // As the panel's trail writes it (toLocaleString), whatever the machine's time zone.
    expect(previewDateTime(DECISION.at)).toMatch(/^2\.3\.2026, \d\d?:\d\d:\d\d$/)
  })

  it('word an assignment entry the same way: who did what, to whom, until when', () => {
    const entry = {
      action: 'assign',
      userName: 'Local Editor',
      assignee: 'Local Administrator',
      at: DECISION.at,
      dueAt: '2026-03-02T16:30:00Z',
    }
    expect(prepareOf(reviewAssignment)(entry)).toEqual({
      title: 'Assigned by Local Editor',
      subtitle: `to Local Administrator · Due ${previewDateTime(entry.dueAt)} · ${previewDateTime(entry.at)}`,
    })
    setPreviewLocale('de-DE')
    expect(prepareOf(reviewAssignment)(entry)).toEqual({
      title: 'Zugewiesen von Local Editor',
      subtitle: `an Local Administrator · Fällig ${previewDateTime(entry.dueAt)} · ${previewDateTime(entry.at)}`,
    })
    expect(prepareOf(reviewAssignment)({action: 'overdue', userName: 'Local Contributor', at: DECISION.at}).title).toBe(
      'Als überfällig gemeldet von Local Contributor',
    )
  })

  it('leave a passage-less piece of evidence untitled, for the Studio to say so in its language', () => {
    expect(prepareOf(reviewEvidence)({path: 'body'})).toEqual({title: undefined, subtitle: 'body'})
  })
})

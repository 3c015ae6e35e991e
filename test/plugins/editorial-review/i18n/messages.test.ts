/**
 * The messages of the pure module (findings, the publish gate, refused decisions) as
 * i18n keys: every key it can produce is in both bundles with the same placeholders,
 * the English text is the key formatted with the English table, and the Studio's
 * i18next renders each key exactly as the pure formatter does, in both languages.
 */
// The i18next the Studio itself runs (a dependency of `sanity`), to check the formatter against it.
import i18next, {type TFunction} from 'i18next'
import {beforeAll, describe, expect, it} from 'vitest'
import {I18N_NAMESPACE} from '../../../../plugins/editorial-review/constants'
import {
  withReuseSources,
  RELEASE_REUSE_NOTED,
  canPublish,
  contentHash,
  decide,
  deDE,
  DEFAULT_RULES,
  detect,
  enUS,
  formatMessage,
  transition,
  type DecideOptions,
  type Finding,
  type LocalizedMessage,
  type PressReleaseDocument,
  type PublishVerdict,
  type ReviewAction,
  type ReviewStatus,
  type ReviewUser,
} from '../../../../plugins/editorial-review/core'
import {translated} from '../../../../plugins/editorial-review/i18n/translate'
import {block, detectContext, ENGLISH_PARAGRAPH, linkedBlock, readSeed, release, seedDocument, seedParagraphs} from '../fixtures'

const reviewer: ReviewUser = {id: 'u-rev', name: 'Rita Reviewer', roles: ['editor']}
const contributor: ReviewUser = {id: 'u-con', name: 'Cora Contributor', roles: ['contributor']}
const decideOptions: DecideOptions = {reviewerRoles: ['administrator', 'editor']}
const STATUSES: ReviewStatus[] = ['pending', 'approved', 'changesRequested', 'rejected']
const ACTIONS: ReviewAction[] = ['approve', 'requestChanges', 'reject', 'reopen']
const NOW = '2026-11-24T05:00:00.000Z'

/** Prefixes of the keys the pure module produces (the rest of the table is the Studio's own). */
const MESSAGE_PREFIXES = ['finding.', 'gate.', 'refusal.']
const TABLES = {'en-US': enUS, 'de-DE': deDE} as const
type Table = Readonly<Record<string, string>>

const NESTED = /\$t\(([^()]*)\)/g
const PLACEHOLDER = /\{\{(.+?)\}\}/g

/** Placeholder names of a key, following nested keys. */
function placeholders(table: Table, key: string): string[] {
  const template = table[key] ?? ''
  const own = [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!.trim())
  const nested = [...template.matchAll(NESTED)].flatMap((match) => placeholders(table, match[1]!.trim()))
  return [...new Set([...own, ...nested])].sort()
}

function nestedKeys(table: Table, key: string): string[] {
  return [...(table[key] ?? '').matchAll(NESTED)].flatMap((match) => [match[1]!.trim(), ...nestedKeys(table, match[1]!.trim())])
}

function ofFinding(finding: Finding): LocalizedMessage {
  return {key: finding.messageKey, params: finding.params, message: finding.message}
}

function refusal(result: ReturnType<typeof decide>): LocalizedMessage {
  if (result.ok) throw new Error('expected a refusal')
  return {key: result.reasonKey, params: result.params, message: result.reason}
}

function withReview(
  status: ReviewStatus,
  fields: Partial<NonNullable<PressReleaseDocument['review']>> = {},
): PressReleaseDocument {
  const document = seedDocument()
  return {
    ...document,
    review: {_type: 'editorialReview', status, thirdParty: true, contentHash: contentHash(document), decisions: [], ...fields},
  }
}

function decided(action: 'approve' | 'requestChanges' | 'reject', note?: string): PressReleaseDocument {
  const document = seedDocument()
  const result = decide(
    document,
    {action, user: reviewer, note, now: NOW, findings: detect(document, detectContext())},
    decideOptions,
  )
  if (!result.ok) throw new Error(result.reason)
  return {...document, review: result.review}
}

/** Documents that, together, make every built-in rule fire, each variant at least once. */
function findingFixtures(): PressReleaseDocument[] {
  const boilerplate = seedParagraphs(readSeed()).find((paragraph) => paragraph.startsWith('SeaPRwire liefert'))!
  return [
    seedDocument(),
    release([block('b0', 'Text der Meldung.'), block('b1', boilerplate)], {language: 'de'}),
    release([block('b0', '(SeaPRwire) – HONGKONG – Die Firma meldet Zahlen.')], {language: 'de'}),
    release([block('b0', 'NEW YORK, March 5, 2024 /PRNewswire/ -- Acme Corp. announced a merger.')]),
    release([linkedBlock('b0', 'Read the ', 'full release', ' online.', 'https://www.seaprwire.com/news/12345')]),
    release([block('b0', ENGLISH_PARAGRAPH)], {language: 'de'}),
    release([block('b0', 'WASHINGTON (AP) — Officials met on Monday.')]),
  ]
}

/** An article reusing a release: over the threshold, and credited (noted only). */
function reuseFindings() {
  const text =
    'Northwind Robotics opened a second assembly plant in Leipzig on Monday, adding four hundred jobs and doubling its annual output of warehouse robots.'
  const source = {_id: 'pressRelease.northwind', title: 'Northwind', body: [block('r0', text)]}
  const context = withReuseSources(detectContext(), {reuse: {threshold: 0.3}}, [source])
  const copied = {_id: 'article.a', _type: 'article', body: [block('a0', text)]}
  const credited = {...copied, credits: [{release: {_ref: source._id}, label: 'Nach Northwind'}]}
  return [...detect(copied, context), ...detect(credited, context)]
}

const findings = [...findingFixtures().flatMap((document) => detect(document, detectContext())), ...reuseFindings()]

/** Every verdict branch: pending and outdated for either kind of user, decided with and without a note. */
function verdicts(): PublishVerdict[] {
  const context = detectContext()
  const edited = structuredClone(decided('approve'))
  edited.title = 'Geänderter Titel'
  return [
    canPublish(seedDocument(), {context, user: reviewer, reviewerRoles: ['editor']}),
    canPublish(seedDocument(), {context, user: contributor, reviewerRoles: ['editor']}),
    canPublish(release([block('b0', 'NEW YORK, March 5, 2024 /PRNewswire/ -- Acme Corp. announced a merger.')]), {context}),
    canPublish(edited, {user: reviewer, reviewerRoles: ['editor']}),
    canPublish(edited, {user: contributor, reviewerRoles: ['editor']}),
    canPublish(decided('requestChanges', 'Boilerplate entfernen.')),
    canPublish(decided('reject', 'Keine AP-Lizenz.')),
    canPublish(withReview('changesRequested')),
    canPublish(withReview('rejected')),
  ]
}

/** Every refusal: the roles, the note rule, four eyes, each move the state machine refuses, a bad time. */
function refusals(): LocalizedMessage[] {
  const judged = detect(seedDocument(), detectContext())
  const input = (action: ReviewAction, fields = {}) => ({
    action,
    user: reviewer,
    now: NOW,
    findings: judged,
    note: 'Notiz.',
    ...fields,
  })
  const refusedMoves = STATUSES.flatMap((status) =>
    ACTIONS.filter((action) => !transition(status, action)).map((action) => [status, action] as const),
  )
  expect(refusedMoves.length).toBeGreaterThan(0)
  return [
    refusal(decide(withReview('pending'), input('approve', {user: contributor}), decideOptions)),
    refusal(decide(withReview('pending'), input('approve', {user: {...reviewer, anonymous: true}}), decideOptions)),
    refusal(decide(withReview('pending'), input('requestChanges', {note: ' '}), decideOptions)),
    refusal(decide(withReview('pending'), input('reject', {note: undefined}), decideOptions)),
    refusal(decide(withReview('pending'), input('approve'), {...decideOptions, fourEyes: true, lastEditorId: reviewer.id})),
    ...refusedMoves.map(([status, action]) => refusal(decide(withReview(status), input(action), decideOptions))),
    refusal(decide(withReview('pending'), input('approve', {now: 'yesterday'}), decideOptions)),
  ]
}

const gateMessages = verdicts().flatMap((verdict) => verdict.details ?? [])
const messages: LocalizedMessage[] = [...findings.map(ofFinding), ...gateMessages, ...refusals()]

describe('message keys', () => {
  it('the fixtures fire every built-in rule', () => {
    // The reuse rule notes credited or small reuse under a code of its own, which marks nothing third-party.
    const ruleCodes = findings.map((finding) => finding.code).filter((code) => code !== RELEASE_REUSE_NOTED)
    expect(new Set(ruleCodes)).toEqual(new Set(Object.keys(DEFAULT_RULES)))
    expect(findings.map((finding) => finding.code)).toContain(RELEASE_REUSE_NOTED)
  })

  it('the pure module produces every message key of the table, and no other', () => {
    const produced = new Set(messages.flatMap((message) => [message.key, ...nestedKeys(enUS, message.key)]))
    const inTable = Object.keys(enUS).filter((key) => MESSAGE_PREFIXES.some((prefix) => key.startsWith(prefix)))
    expect([...produced].sort()).toEqual(inTable.sort())
  })

  it.each(Object.entries(TABLES))(
    'every key produced is in the %s bundle, with exactly the placeholders its params fill',
    (_locale, table) => {
      for (const message of messages) {
        expect(table, message.key).toHaveProperty([message.key])
        expect(placeholders(table, message.key), message.key).toEqual(Object.keys(message.params).sort())
      }
    },
  )

  it('nested keys exist in both bundles', () => {
    for (const table of Object.values(TABLES)) {
      for (const key of Object.keys(table))
        for (const nested of nestedKeys(table, key)) expect(table, `${key} → ${nested}`).toHaveProperty([nested])
    }
  })

  it('the English message is the key formatted with the English table', () => {
    for (const message of messages) expect(formatMessage(enUS, message.key, message.params)).toBe(message.message)
  })

  it('a verdict’s details are its reasons, in order', () => {
    for (const verdict of verdicts()) expect(verdict.details?.map((detail) => detail.message)).toEqual(verdict.reasons)
  })

  it('no English sentence of a message is written twice', () => {
    const sentences = Object.entries(enUS)
      .filter(([key]) => MESSAGE_PREFIXES.some((prefix) => key.startsWith(prefix)))
      .flatMap(([, template]) => template.split(/\$t\([^()]*\)|(?<=\.)\s+/).map((sentence) => sentence.trim()))
      .filter(Boolean)
    expect(sentences.filter((sentence, index) => sentences.indexOf(sentence) !== index)).toEqual([])
  })

  it('param names are not i18next options, which would be read as such', () => {
    const options = [
      'count',
      'context',
      'defaultValue',
      'lng',
      'lngs',
      'ns',
      'replace',
      'ordinal',
      'returnObjects',
      'postProcess',
      'interpolation',
    ]
    for (const message of messages) for (const name of Object.keys(message.params)) expect(options).not.toContain(name)
  })
})

describe('German', () => {
  const agencyCredit = findings.find((finding) => finding.code === 'agencyCredit')!

  it('formats a finding with its params', () => {
    expect(formatMessage(deDE, agencyCredit.messageKey, agencyCredit.params)).toBe(
      'Dieser verbreitete Text nennt Associated Press (AP) als Quelle: eine Rechtefrage. Klären Sie vor der Freigabe, ob die Redaktion eine Lizenz für AP-Material hat.',
    )
  })

  it('formats a gate reason with a reviewer’s note, sentence by sentence', () => {
    const [reason] = canPublish(decided('requestChanges', 'Boilerplate entfernen.')).details
    expect(formatMessage(deDE, reason!.key, reason!.params)).toBe(
      'Bei der Prüfung wurden Änderungen angefordert: Nehmen Sie sie vor und bitten Sie um eine neue Prüfung. Notiz der Prüfung: „Boilerplate entfernen.“',
    )
  })
})

describe('in the Studio’s i18next', () => {
  const t: Partial<Record<keyof typeof TABLES, TFunction>> = {}

  beforeAll(async () => {
    const instance = i18next.createInstance()
    await instance.init({
      lng: 'en-US',
      fallbackLng: 'en-US',
      ns: [I18N_NAMESPACE],
      defaultNS: I18N_NAMESPACE,
      resources: {'en-US': {[I18N_NAMESPACE]: enUS}, 'de-DE': {[I18N_NAMESPACE]: deDE}},
      // As the Studio configures it.
      interpolation: {escapeValue: false},
    })
    for (const locale of Object.keys(TABLES) as (keyof typeof TABLES)[]) t[locale] = instance.getFixedT(locale, I18N_NAMESPACE)
  })

  it.each(Object.entries(TABLES))('renders every message in %s as the pure formatter does', (locale, table) => {
    const translate = t[locale as keyof typeof TABLES]!
    for (const message of messages) {
      const shown = translated(translate, message)
      expect(shown).toBe(formatMessage(table, message.key, message.params))
      expect(shown).not.toMatch(/\{\{|\$t\(/)
    }
  })

  it('shows a note verbatim, even one that looks like a template', () => {
    const [reason] = canPublish(decided('reject', 'Siehe {{note}} und $t(gate.note).')).details
    expect(translated(t['de-DE']!, reason!)).toBe(formatMessage(deDE, reason!.key, reason!.params))
    expect(translated(t['de-DE']!, reason!)).toContain('„Siehe {{note}} und $t(gate.note).“')
  })

  it('shows a site rule’s English message when no bundle has its key', () => {
    const site: LocalizedMessage = {key: 'finding.embargoNote', params: {}, message: 'Check the embargo before publishing.'}
    expect(translated(t['de-DE']!, site)).toBe('Check the embargo before publishing.')
    expect(translated(t['de-DE']!, {key: '', params: {}, message: 'No key at all.'})).toBe('No key at all.')
  })
})

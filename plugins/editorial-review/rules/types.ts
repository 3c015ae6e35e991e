/**
 * Shapes shared by the detection rules: the documents they read (structural, so a
 * Studio draft, a lake document and an import-built object all fit) and the findings
 * they produce.
 */
import type {DistributorSeed, MarkerPhrase} from '../../../data/distributors'
import type {WireAgency} from '../../../data/agencies'
import type {EditorialReview} from '../review/types'
import type {DocumentText} from './text'
import type {ReuseSource, SourceCredit} from './reuse/coverage'

export type {WireAgency}

/** How strongly a finding holds back publication. */
export type Severity = 'blocker' | 'warning' | 'info'

/** Codes of the built-in rules; stable, they are stored with findings and decisions. */
export type RuleCode =
  | 'distributorDatelineTag'
  | 'distributorDisclaimer'
  | 'distributorBoilerplate'
  | 'agencyCopy'
  | 'agencyCredit'
  | 'distributorReference'
  | 'missingDisclaimer'
  | 'distributorLink'
  | 'languageMismatch'
  | 'releaseReuse'

/** A built-in code, or a site's own rule code. */
export type FindingCode = RuleCode | (string & {})

/** Where a finding's passage is: a character range in one string field. */
export interface Evidence {
  /** Sanity path of the string field, e.g. `body[_key=="a1"].children[_key=="s1"].text`. */
  path: string
  /** Offset of the first character, in UTF-16 code units of the field's value. */
  start: number
  /** Offset just past the last character. */
  end: number
  /** The passage itself, exactly `value.slice(start, end)`. */
  quote: string
}

export interface Finding {
  code: FindingCode
  severity: Severity
  /** Plain English sentence for editors that says what to do; `messageKey` and `params` formatted in English. */
  message: string
  /**
   * Key of the message in the plugin's i18n namespace, e.g. `finding.agencyCredit`, so
   * the Studio shows it in the editor's language. A site's own rule may use a key no
   * bundle has; the Studio then shows `message`.
   */
  messageKey: string
  /** Values for the message's `{{name}}` placeholders. */
  params: Record<string, string>
  /** Passages that triggered the finding, in document order. */
  evidence: Evidence[]
}

/** Schema type names of stored findings and evidence (plugins/editorial-review/schema). */
export const FINDING_TYPE = 'reviewFinding'
export const EVIDENCE_TYPE = 'reviewEvidence'

/** Evidence as stored in the dataset. */
export interface StoredEvidence extends Evidence {
  _key: string
  _type: typeof EVIDENCE_TYPE
}

/** A finding as stored in the dataset (`review.findings`): the English message only, as the schema has no key fields. */
export interface StoredFinding extends Omit<Finding, 'evidence' | 'messageKey' | 'params'> {
  _key: string
  _type: typeof FINDING_TYPE
  evidence: StoredEvidence[]
}

export interface Reference {
  _type?: 'reference'
  _ref: string
  _key?: string
  _weak?: boolean
}

export interface SpanLike {
  _type: string
  _key?: string
  text?: string
  marks?: string[]
}

export interface MarkDefLike {
  _type: string
  _key?: string
  href?: string
  [field: string]: unknown
}

/** A Portable Text block, or any other object a body array may hold (images, embeds). */
export interface BodyItem {
  _type: string
  _key?: string
  style?: string
  listItem?: string
  level?: number
  children?: SpanLike[]
  markDefs?: MarkDefLike[]
  [field: string]: unknown
}

export interface PressReleaseDocument {
  _id?: string
  _type?: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  title?: string
  slug?: {_type?: 'slug'; current?: string}
  /** BCP 47, e.g. 'de'. */
  language?: string
  dateline?: {_type?: 'dateline'; location?: string; agency?: string}
  body?: BodyItem[]
  distributor?: Reference
  disclaimer?: Reference
  categories?: Reference[]
  receivedAt?: string
  publishedAt?: string
  source?: {_type?: 'importSource'; fileName?: string; checksum?: string; importedAt?: string; originalText?: string}
  infoSources?: {_key?: string; _type?: 'infoSource'; name: string; role: 'distributor' | 'originator'; uri?: string}[]
  usageTerms?: string
  /** An article's credits of the releases it draws on (rules/releaseReuse.ts). */
  credits?: SourceCredit[]
  review?: EditorialReview
}

/** A `distributor` document as the dataset stores it (the seed shape plus Studio fields). */
export interface DistributorDoc extends Omit<DistributorSeed, 'markers'> {
  _type?: 'distributor'
  languages?: string[]
  reach?: {mediaOutlets?: number; journalists?: number; desktops?: number; countries?: number}
  markers: {
    datelineTags?: string[]
    domains?: string[]
    phrases?: (MarkerPhrase & {_type?: 'markerPhrase'})[]
  }
}

/** What detection knows besides the document. */
export interface DetectContext {
  /** Distributor documents, with their markers. */
  distributors: DistributorDoc[]
  /** Wire agencies: their dateline or copyright line marks copy as theirs, and their credit in distributed copy raises a rights question. */
  agencies: WireAgency[]
  /** Rules to run; `DEFAULT_RULES` when omitted. A site passes its own table here. */
  rules?: Record<string, Rule>
  /** What the reuse rule compares the copy with; without it, reuse is not checked. */
  reuse?: ReuseContext
}

/** The reuse policy and the candidate releases the caller fetched for this document. */
export interface ReuseContext {
  /** Share of the copy (0…1) from uncredited releases above which it is third-party-derived. */
  threshold: number
  /** Candidate releases: from the candidate query (queries/reuse.ts) or the lake's own store. */
  sources: readonly ReuseSource[]
}

/** What a rule is given besides the document. */
export interface RuleContext extends DetectContext {
  /**
   * True when the copy is already known to be third-party: a distributor is set or a
   * rule marked `marksThirdParty` fired. Only rules with `onlyThirdParty` see `true`.
   */
  thirdParty: boolean
}

export interface Rule {
  /** Stable identifier, stored with findings and decisions; the key in a rules table. */
  code: FindingCode
  /** The most severe finding the rule produces; a rule may report milder ones. */
  severity: Severity
  /** Its findings prove the copy is third-party (distributed, not the newsroom's own). */
  marksThirdParty?: boolean
  /**
   * Its blocking findings say what to do besides review (credit the source), so the gate
   * lists them even though they also mark the copy third-party.
   */
  explainsBlock?: boolean
  /**
   * The copy stops being third-party when it changes as the finding asks (an article credits
   * its source), so the finding does not set the stored `review.thirdParty` flag, which never
   * goes back down; it is stored with the findings, which the review queue reads.
   */
  revocable?: boolean
  /** Runs only once the copy is known to be third-party, after the other rules. */
  onlyThirdParty?: boolean
  /** Pure: the same document, context and text always give the same findings, in the same order. */
  detect(document: PressReleaseDocument, context: RuleContext, text: DocumentText): Finding[]
}

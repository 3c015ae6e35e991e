/**
 * The reuse check's sources as an inverted index per dataset (fingerprint → releases, and
 * for each release the revision its fingerprints were taken from), so an article write
 * costs its own fingerprints' postings, not a fingerprint and an intersection per release
 * in the store. The store tells the index which releases each commit changed
 * (`afterCommit`, bookkeeping only); the fingerprinting itself runs in the background in
 * short slices, after the store opens (journal replayed) and after a lull in release
 * commits, so an import pays nothing for it and the index is warm before an editor writes.
 * A lookup that still finds releases outstanding (a write right after a start or an
 * import) fingerprints them first, synchronously: the answer is always the one a pass over
 * every release would give. Fingerprints depend on the distributors' boilerplate, so a
 * change of `distributorsSignature` fingerprints every release again.
 */
import {
  bodyReuseText,
  distributorsSignature,
  fingerprintOf,
  ReuseIndex,
  type Candidate,
  type DetectContext,
  type PressReleaseDocument,
} from '../../plugins/editorial-review/core'
import type {Change, GuardContext, GuardStore, SanityDocument} from '../store/types'

/** The type whose documents are reuse sources; its own copy is third-party already and is not compared. */
export const SOURCE_TYPE = 'pressRelease'

type Distributors = DetectContext['distributors']
type Reader = Pick<GuardContext, 'getDocument' | 'documentsOfType'>

/** A background slice yields to requests after this long. */
const SLICE_MS = 10
/** Background work waits until release commits have paused this long: an import's batches come milliseconds apart. */
const LULL_MS = 200
/** A warming that fingerprinted this many releases says so on stderr, with how long it took. */
const LOGGED_WARMING = 1_000

class DatasetReleases {
  private signature: string | undefined
  private postings = new ReuseIndex()
  /** Release id → the revision (documents are immutable in the store) its postings hold. */
  readonly fingerprinted = new Map<string, SanityDocument>()
  /** Ids whose current revision (or absence) the postings do not reflect yet. */
  private outstanding = new Set<string>()
  /** Releases fingerprinted so far, for the warming's log line. */
  fingerprintCount = 0

  note(id: string): void {
    this.outstanding.add(id)
  }

  get pending(): number {
    return this.outstanding.size
  }

  /** Without change notes (a guard never attached to a store): whatever differs from the store by identity. */
  noteDifferences(reader: Reader): void {
    const current = new Set<string>()
    for (const release of reader.documentsOfType(SOURCE_TYPE)) {
      current.add(release._id)
      if (this.fingerprinted.get(release._id) !== release) this.outstanding.add(release._id)
    }
    for (const id of this.fingerprinted.keys()) if (!current.has(id)) this.outstanding.add(id)
  }

  /** Fingerprints outstanding releases until `deadline` (a `performance.now()` time); true once none is left. */
  settle(reader: Reader, distributors: Distributors, deadline: number): boolean {
    const signature = distributorsSignature(distributors)
    if (signature !== this.signature) this.restart(signature, reader)
    for (const id of this.outstanding) {
      this.refresh(id, reader, distributors)
      if (performance.now() >= deadline) break
    }
    return this.outstanding.size === 0
  }

  candidates(hashes: readonly string[], limit: number): Candidate[] {
    return this.postings.candidates(hashes, {limit})
  }

  private restart(signature: string, reader: Reader): void {
    this.signature = signature
    this.postings = new ReuseIndex()
    this.fingerprinted.clear()
    this.outstanding = new Set(reader.documentsOfType(SOURCE_TYPE).map(({_id}) => _id))
  }

  private refresh(id: string, reader: Reader, distributors: Distributors): void {
    this.outstanding.delete(id)
    const release = reader.getDocument(id)
    if (release?._type !== SOURCE_TYPE) {
      this.postings.delete(id)
      this.fingerprinted.delete(id)
    } else if (this.fingerprinted.get(id) !== release) {
      this.postings.set(id, fingerprintOf(bodyReuseText(release as PressReleaseDocument, distributors)))
      this.fingerprinted.set(id, release)
      this.fingerprintCount++
    }
  }
}

const touchesIndex = ({before, after}: Change) =>
  before?._type === SOURCE_TYPE ||
  after?._type === SOURCE_TYPE ||
  before?._type === 'distributor' ||
  after?._type === 'distributor'

/** The store's releases, fingerprinted and indexed per dataset; one per guard. */
export class ReleaseReuseIndex {
  private readonly datasets = new Map<string, DatasetReleases>()
  private store: GuardStore | undefined
  private scheduled = false
  private lastChangeAt = -Infinity
  /** The background run under way: when it began and the fingerprint count then. */
  private warming: {startedAt: number; countAtStart: number} | undefined

  /** `distributorsOf` reads the distributors as a commit's detection context has them (same signature). */
  constructor(private readonly distributorsOf: (reader: Reader) => Distributors) {}

  /** A store opened: everything in it is outstanding, and fingerprinted from now on in the background. */
  attach(store: GuardStore): void {
    // Commits are noted by dataset name only, so two open stores would mix their releases.
    if (this.store?.open && this.store !== store) {
      throw new Error('The review guard already serves an open lake store; create one guard per store (editorialReviewGuard)')
    }
    this.store = store
    this.datasets.clear()
    this.warming = undefined
    this.schedule(0)
  }

  /** A commit was applied: note the releases it changed, and warm them once commits pause. */
  changed(dataset: string, changes: readonly Change[]): void {
    if (!changes.some(touchesIndex)) return
    const releases = this.dataset(dataset)
    for (const change of changes) if (touchesIndex(change)) releases.note(change.id)
    this.lastChangeAt = performance.now()
    this.schedule(LULL_MS)
  }

  /**
   * The releases sharing the most of `hashes`, most shared first, as a pass over every release
   * would rank them. Releases stay fingerprinted with the stored distributors, not with those
   * a transaction brings: otherwise any writer could make each of its requests (a dry run
   * that creates a distributor beside an article) fingerprint every release again, twice,
   * with the lake stalled meanwhile. The transaction's distributors still shape the article's
   * own hashes and the alignment that judges the candidates.
   */
  candidates(dataset: string, reader: Reader, hashes: readonly string[], limit: number) {
    const releases = this.dataset(dataset)
    if (!this.store) releases.noteDifferences(reader)
    releases.settle(reader, this.distributorsOf(reader), Infinity)
    return releases.candidates(hashes, limit).map(({id, shared}) => ({release: releases.fingerprinted.get(id)!, shared}))
  }

  /** Releases changed since they were last fingerprinted, over all datasets. */
  get pending(): number {
    let count = 0
    for (const releases of this.datasets.values()) count += releases.pending
    return count
  }

  /** True when every release of every dataset is fingerprinted and no background run is due (tests wait for it). */
  get warm(): boolean {
    return !this.scheduled && this.pending === 0
  }

  private dataset(name: string): DatasetReleases {
    let releases = this.datasets.get(name)
    if (!releases) this.datasets.set(name, (releases = new DatasetReleases()))
    return releases
  }

  private schedule(delayMs: number): void {
    if (this.scheduled) return
    this.scheduled = true
    const run = () => {
      this.scheduled = false
      this.warmSlice()
    }
    // A timer, not setImmediate: an unref'd immediate scheduled from another one never runs.
    setTimeout(run, delayMs).unref()
  }

  private warmSlice(): void {
    const store = this.store
    if (!store?.open) return
    const quietFor = performance.now() - this.lastChangeAt
    if (quietFor < LULL_MS) return this.schedule(LULL_MS - quietFor)
    const deadline = performance.now() + SLICE_MS
    this.warming ??= {startedAt: performance.now(), countAtStart: this.fingerprintCount()}
    for (const name of store.datasetNames()) {
      const reader = store.reader(name)
      if (!this.dataset(name).settle(reader, this.distributorsOf(reader), deadline)) return this.schedule(0)
    }
    const fingerprinted = this.fingerprintCount() - this.warming.countAtStart
    if (fingerprinted >= LOGGED_WARMING) {
      const seconds = ((performance.now() - this.warming.startedAt) / 1000).toFixed(1)
      process.stderr.write(
        `lake: reuse index warm: ${fingerprinted.toLocaleString('en')} releases fingerprinted in ${seconds} s, in the background\n`,
      )
    }
    this.warming = undefined
  }

  /** Releases fingerprinted since this index was made, over all datasets. */
  get fingerprintsTaken(): number {
    return this.fingerprintCount()
  }

  private fingerprintCount(): number {
    let count = 0
    for (const releases of this.datasets.values()) count += releases.fingerprintCount
    return count
  }
}

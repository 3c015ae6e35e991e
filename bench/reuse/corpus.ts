/**
 * The reuse corpus: releases and article–release pairs in German, English, Spanish and
 * French, built deterministically from the base material in texts.ts. Each article knows
 * the share of its words taken from its release, so a benchmark can score the detector
 * against the truth: verbatim copies, light edits, reordered paragraphs, partial reuse at
 * several shares, one quoted sentence, a pasted disclaimer, same-topic copy without reuse
 * and unrelated copy.
 */
import {BUILTIN_DISTRIBUTORS} from '../../data/distributors'
import {wordsOf} from '../../plugins/editorial-review/rules/reuse/words'
import type {BodyItem, ReuseSource} from '../../plugins/editorial-review/core'
import {seeded, textBlock} from '../../test/support/synthetic-releases'
import {MATERIAL, type Language, type LanguageMaterial} from './texts'

export type ArticleKind =
  | 'verbatim'
  | 'lightEdit'
  | 'reordered'
  | 'partial10'
  | 'partial20'
  | 'partial30'
  | 'partial40'
  | 'partial60'
  | 'quote'
  | 'disclaimer'
  | 'sameTopic'
  | 'unrelated'

export interface CorpusArticle {
  _id: string
  _type: 'article'
  title: string
  language: Language
  body: BodyItem[]
  kind: ArticleKind
  /** The release it was built from. */
  releaseId: string
  /** Share of its words taken from the release (edited words included). */
  reusedShare: number
}

export interface Corpus {
  releases: ReuseSource[]
  articles: CorpusArticle[]
}

export const LANGUAGES: Language[] = ['de', 'en', 'es', 'fr']
const KINDS: ArticleKind[] = [
  'verbatim',
  'lightEdit',
  'reordered',
  'partial10',
  'partial20',
  'partial30',
  'partial40',
  'partial60',
  'quote',
  'disclaimer',
  'sameTopic',
  'unrelated',
]

type Slots = Record<string, string>

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!
}

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other]!, copy[index]!]
  }
  return copy
}

const fill = (template: string, slots: Slots) => template.replace(/\{(\w+)\}/g, (_, name: string) => slots[name] ?? name)
const wordCount = (text: string) => wordsOf(text).length

/** The distributor's disclaimer as a release body carries it (SeaPRwire's, per language). */
function disclaimerOf(language: Language): string {
  const phrase = BUILTIN_DISTRIBUTORS[0]!.markers.phrases.find((item) => item.kind === 'disclaimer' && item.language === language)
  return `${phrase!.text} SeaPRwire (https://www.seaprwire.com/) makes no warranties or representations in connection with it.`
}

interface BaseRelease {
  source: ReuseSource
  sentences: string[][]
  slots: Slots
}

function baseRelease(language: Language, index: number, material: LanguageMaterial, random: () => number): BaseRelease {
  const slots: Slots = Object.fromEntries(Object.entries(material.slots).map(([name, values]) => [name, pick(values, random)]))
  const chosen = shuffled(material.release, random).slice(0, 8)
  const sentences = [0, 1, 2, 3].map((paragraph) => chosen.slice(paragraph * 2, paragraph * 2 + 2).map((t) => fill(t, slots)))
  const body = [
    ...sentences.map((paragraph, at) => textBlock(`p${at}`, paragraph.join(' '))),
    textBlock('disclaimer', disclaimerOf(language)),
  ]
  return {
    source: {
      _id: `pressRelease.${language}-${index}`,
      _type: 'pressRelease',
      title: `${slots.company}: ${slots.product}`,
      language,
      body,
    },
    sentences,
    slots,
  }
}

/** A light edit: the material's word swaps, one figure changed, and every ninth word or so dropped. */
function lightlyEdited(sentence: string, material: LanguageMaterial, random: () => number): string {
  let edited = sentence
  for (const [from, to] of material.edits) edited = edited.replace(new RegExp(`(?<![\\p{L}])${from}(?![\\p{L}])`, 'u'), to)
  const words = edited.split(' ')
  return words.filter((_, index) => index === 0 || random() > 0.1).join(' ')
}

function ownSentences(material: LanguageMaterial, slots: Slots, random: () => number, count: number): string[] {
  return shuffled(material.reporter, random)
    .slice(0, count)
    .map((template) => fill(template, slots))
}

/** Paragraphs of two or three sentences. */
function paragraphs(sentences: string[]): string[] {
  const result: string[] = []
  for (let index = 0; index < sentences.length; index += 3) result.push(sentences.slice(index, index + 3).join(' '))
  return result
}

interface Built {
  paragraphs: string[]
  reusedWords: number
}

/** Own sentences with release sentences mixed in until their share reaches `share`. */
function partial(base: BaseRelease, material: LanguageMaterial, share: number, random: () => number): Built {
  // Fewer own sentences for the larger shares: a release has eight sentences to take.
  const own = ownSentences(material, base.slots, random, share > 0.5 ? 4 : 10)
  const ownWords = own.reduce((sum, sentence) => sum + wordCount(sentence), 0)
  const copied: string[] = []
  let copiedWords = 0
  for (const sentence of shuffled(base.sentences.flat(), random)) {
    if (copiedWords / (ownWords + copiedWords) >= share) break
    const words = wordCount(sentence)
    // Stop short rather than overshoot far past the share asked for.
    if ((copiedWords + words) / (ownWords + copiedWords + words) > share + 0.12 && copied.length > 0) break
    copied.push(sentence)
    copiedWords += words
  }
  // Copied sentences stay together in pairs, as pasted paragraphs do, between own paragraphs.
  const mixed: string[] = []
  own.forEach((sentence, index) => {
    mixed.push(sentence)
    if (index % 2 === 1) mixed.push(...copied.splice(0, 2))
  })
  mixed.push(...copied)
  return {paragraphs: paragraphs(mixed), reusedWords: copiedWords}
}

function article(base: BaseRelease, kind: ArticleKind, language: Language, random: () => number): CorpusArticle {
  const material = MATERIAL[language]
  const all = base.sentences.flat()
  const builders: Record<ArticleKind, () => Built> = {
    verbatim: () => ({
      paragraphs: base.sentences.map((p) => p.join(' ')),
      reusedWords: all.reduce((s, t) => s + wordCount(t), 0),
    }),
    lightEdit: () => {
      const edited = base.sentences.map((p) => p.map((sentence) => lightlyEdited(sentence, material, random)).join(' '))
      return {paragraphs: edited, reusedWords: edited.reduce((s, t) => s + wordCount(t), 0)}
    },
    reordered: () => ({
      paragraphs: shuffled(base.sentences, random).map((p) => shuffled(p, random).join(' ')),
      reusedWords: all.reduce((s, t) => s + wordCount(t), 0),
    }),
    partial10: () => partial(base, material, 0.1, random),
    partial20: () => partial(base, material, 0.2, random),
    partial30: () => partial(base, material, 0.3, random),
    partial40: () => partial(base, material, 0.4, random),
    partial60: () => partial(base, material, 0.6, random),
    quote: () => {
      const own = ownSentences(material, base.slots, random, 9)
      const quoted = pick(all, random)
      own.splice(4, 0, `„${quoted}“`)
      return {paragraphs: paragraphs(own), reusedWords: wordCount(quoted)}
    },
    disclaimer: () => ({
      paragraphs: [...paragraphs(ownSentences(material, base.slots, random, 8)), disclaimerOf(language)],
      reusedWords: 0,
    }),
    sameTopic: () => ({paragraphs: paragraphs(ownSentences(material, base.slots, random, 9)), reusedWords: 0}),
    unrelated: () => ({paragraphs: paragraphs(shuffled(material.unrelated, random).slice(0, 6)), reusedWords: 0}),
  }
  const built = builders[kind]()
  const total = built.paragraphs.reduce((sum, text) => sum + wordCount(text), 0)
  return {
    _id: `article.${base.source._id.replace('pressRelease.', '')}-${kind}`,
    _type: 'article',
    title: `${base.slots.company} (${kind})`,
    language,
    body: built.paragraphs.map((text, index) => textBlock(`a${index}`, text)),
    kind,
    releaseId: base.source._id,
    reusedShare: Math.min(1, built.reusedWords / total),
  }
}

/** `releasesPerLanguage` releases per language and one article of each kind per release. */
export function buildCorpus(releasesPerLanguage = 24, seed = 16): Corpus {
  const random = seeded(seed)
  const releases: ReuseSource[] = []
  const articles: CorpusArticle[] = []
  for (const language of LANGUAGES) {
    for (let index = 0; index < releasesPerLanguage; index++) {
      const base = baseRelease(language, index, MATERIAL[language], random)
      releases.push(base.source)
      for (const kind of KINDS) articles.push(article(base, kind, language, random))
    }
  }
  return {releases, articles}
}

import {describe, expect, it} from 'vitest'
import {BUILTIN_DISTRIBUTORS} from '../../data/distributors'
import {readBoilerplate} from '../../scripts/import/boilerplate'

const phrases = BUILTIN_DISTRIBUTORS[0]!.markers.phrases
const phrase = (key: string) => phrases.find((candidate) => candidate._key === key)!

const SEED_BOILERPLATE =
  'SeaPRwire liefert Echtzeit-Pressemitteilungsverteilung für Unternehmen und Institutionen und erreicht mehr als 6.500 Medienshops, 86.000 Redakteure und Journalisten sowie 3,5 Millionen professionelle Desktops in 90 Ländern. SeaPRwire unterstützt die Verteilung von Pressemitteilungen in Englisch, Koreanisch, Japanisch, Arabisch, Vereinfachtem Chinesisch, Traditionellem Chinesisch, Vietnamesisch, Thailändisch, Indonesisch, Malaiisch, Deutsch, Russisch, Französisch, Spanisch, Portugiesisch und anderen Sprachen.'

const FIFTEEN = ['en', 'ko', 'ja', 'ar', 'zh-Hans', 'zh-Hant', 'vi', 'th', 'id', 'ms', 'de', 'ru', 'fr', 'es', 'pt']

describe('readBoilerplate', () => {
  it("reads the seed's reach and 15 languages", () => {
    expect(readBoilerplate(SEED_BOILERPLATE, phrase('de-boilerplate'))).toEqual({
      reach: {mediaOutlets: 6500, journalists: 86_000, desktops: 3_500_000, countries: 90},
      languages: FIFTEEN,
      unknownLanguageNames: [],
    })
  })

  it('reads the English boilerplate', () => {
    const english =
      'SeaPRwire delivers real-time press release distribution for companies and institutions, reaching more than 6,500 media stores, 86,000 editors and journalists, and 3.5 million professional desktops across 90 countries. SeaPRwire supports press release distribution in English, Korean, Japanese, Arabic, Simplified Chinese, Traditional Chinese, Vietnamese, Thai, Indonesian, Malay, German, Russian, French, Spanish, Portuguese and other languages.'
    expect(readBoilerplate(english, phrase('en-boilerplate'))?.reach).toEqual({
      mediaOutlets: 6500,
      journalists: 86_000,
      desktops: 3_500_000,
      countries: 90,
    })
    expect(readBoilerplate(english, phrase('en-boilerplate'))?.languages).toEqual(FIFTEEN)
  })

  it('tolerates non-breaking spaces and reports language names it does not know', () => {
    const text = SEED_BOILERPLATE.replace('mehr als 6.500', 'mehr\u00a0als 6.500').replace(
      'Portugiesisch',
      'Portugiesisch, Klingonisch',
    )
    const facts = readBoilerplate(text, phrase('de-boilerplate'))
    expect(facts?.reach.mediaOutlets).toBe(6500)
    expect(facts?.unknownLanguageNames).toEqual(['Klingonisch'])
  })

  it('returns nothing when the paragraph does not follow the template', () => {
    expect(
      readBoilerplate('SeaPRwire liefert Echtzeit-Pressemitteilungsverteilung, sonst nichts.', phrase('de-boilerplate')),
    ).toBeUndefined()
  })
})

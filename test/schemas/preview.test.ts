/**
 * List previews put the review back together from the fields they select, so a list row
 * tells the same status and holder as the form; and `prepare` writes its words in the
 * Studio's locale, since Sanity's document lists show its strings as they are.
 */
import {afterEach, describe, expect, it} from 'vitest'
import type {PreviewConfig} from 'sanity'
import {article} from '../../schemas/documents/article'
import {distributor} from '../../schemas/documents/distributor'
import {pressRelease} from '../../schemas/documents/pressRelease'
import {infoSource} from '../../schemas/objects/infoSource'
import {markerPhrase} from '../../schemas/objects/markerPhrase'
import {reach} from '../../schemas/objects/reach'
import {DEFAULT_PREVIEW_LOCALE, previewLocale, setPreviewLocale} from '../../plugins/editorial-review/i18n/previewLocale'

/** A row's selection as Sanity hands it to `prepare`: only the fields a document has are there. */
const prepareOf =
  (type: {preview?: PreviewConfig}) =>
  (selected: Record<string, unknown>): Record<string, unknown> =>
    type.preview!.prepare!(selected as never) as Record<string, unknown>
const release = prepareOf(pressRelease)

const PENDING_RELEASE = {
  title: 'Hafenzahlen',
  language: 'de',
  distributorName: 'SeaPRwire',
  reviewStatus: 'pending',
  reviewThirdParty: true,
  reviewAssignee: {userId: 'local-editor', userName: 'Local Editor'},
}

afterEach(() => setPreviewLocale(DEFAULT_PREVIEW_LOCALE))

describe('the press release list preview', () => {
  it('names the distributor, the language, the status and who has the copy', () => {
    expect(release(PENDING_RELEASE)).toMatchObject({
      title: 'Hafenzahlen',
      subtitle: 'SeaPRwire · de · Third-party · needs review · @Local Editor',
    })
  })

  it('calls copy with no review own copy, with no badge', () => {
    expect(release({title: 'Eigener Bericht', language: 'de'})).toMatchObject({subtitle: 'Own copy · de'})
  })
})

describe('previews prepared in the Studio’s locale', () => {
  it('is English outside a Studio (tests, schema extract, TypeGen)', () => {
    expect(previewLocale()).toBe('en-US')
    expect(release({})).toMatchObject({title: 'Untitled release', subtitle: 'Own copy'})
  })

  it('writes a German release row: status word, own copy and the untitled fallback, names left as they are', () => {
    setPreviewLocale('de-DE')
    expect(release(PENDING_RELEASE)).toMatchObject({subtitle: 'SeaPRwire · de · Fremdinhalt · Prüfung nötig · @Local Editor'})
    expect(release({language: 'de'})).toMatchObject({title: 'Meldung ohne Titel', subtitle: 'Eigener Text · de'})
    expect(release({reviewThirdParty: true, reviewStatus: 'rejected'})).toMatchObject({subtitle: 'Fremdtext · Abgelehnt'})
  })

  it('writes a German article row', () => {
    setPreviewLocale('de-DE')
    expect(
      prepareOf(article)({author: 'A. Autor', language: 'en', reviewThirdParty: true, reviewStatus: 'changesRequested'}),
    ).toMatchObject({
      title: 'Artikel ohne Titel',
      subtitle: 'A. Autor · en · Änderungen angefordert',
    })
  })

  it('counts in the locale’s plural forms', () => {
    const languages = (count: number) => prepareOf(distributor)({title: 'Wire', languages: Array(count).fill('de')}).subtitle
    expect([languages(1), languages(4)]).toEqual(['1 language', '4 languages'])
    setPreviewLocale('de-DE')
    expect([languages(1), languages(4)]).toEqual(['1 Sprache', '4 Sprachen'])
    expect(prepareOf(reach)({mediaOutlets: 120, countries: 3}).title).toBe('120 Medien in 3 Ländern')
  })

  it('shows option titles of objects in the list of their document in German', () => {
    setPreviewLocale('de-DE')
    expect(prepareOf(infoSource)({name: 'AP', role: 'originator'})).toEqual({
      title: 'AP',
      subtitle: 'Urheber (hat den Text verfasst)',
    })
    expect(prepareOf(markerPhrase)({kind: 'boilerplate', language: 'de'}).subtitle).toBe('Werbetext · de')
  })

  it('falls back to English in a locale without translations, as the Studio does', () => {
    setPreviewLocale('fr-FR')
    expect(release(PENDING_RELEASE)).toMatchObject({subtitle: 'SeaPRwire · de · Third-party · needs review · @Local Editor'})
  })
})

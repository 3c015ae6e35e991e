import type {MarkerPhrase} from '../../data/distributors'
import {matchTemplate} from '../../plugins/editorial-review/core'
import {splitList} from './lists'
import {parseLocalizedNumber} from './numbers'

export interface DistributorFacts {
  /** Advertised reach, as numbers. */
  reach: {mediaOutlets: number; journalists: number; desktops: number; countries: number}
  /** BCP 47 tags of the languages the boilerplate names, in its order. */
  languages: string[]
  /** Language names the phrase's table does not know; reported, never guessed. */
  unknownLanguageNames: string[]
}

/**
 * Reads the distributor's reach and languages out of its boilerplate paragraph, using the
 * template kept on the distributor's marker phrase.
 */
export function readBoilerplate(paragraph: string, phrase: MarkerPhrase): DistributorFacts | undefined {
  if (!phrase.template) return undefined
  const captures = matchTemplate(phrase.template, paragraph)
  if (!captures) return undefined
  const number = (name: string) => parseLocalizedNumber(captures[name] ?? '', phrase.language)
  const [mediaOutlets, journalists, desktops, countries] = ['mediaOutlets', 'journalists', 'desktops', 'countries'].map(number)
  if ([mediaOutlets, journalists, desktops, countries].some((value) => value === undefined)) return undefined
  const known = new Map((phrase.languageNames ?? []).map(({name, code}) => [name.toLocaleLowerCase(phrase.language), code]))
  const languages: string[] = []
  const unknownLanguageNames: string[] = []
  for (const name of splitList(captures.languages ?? '', phrase.language)) {
    const code = known.get(name.toLocaleLowerCase(phrase.language))
    if (code) languages.push(code)
    else unknownLanguageNames.push(name)
  }
  return {
    reach: {mediaOutlets: mediaOutlets!, journalists: journalists!, desktops: desktops!, countries: countries!},
    languages: [...new Set(languages)],
    unknownLanguageNames,
  }
}

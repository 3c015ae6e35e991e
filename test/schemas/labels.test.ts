import {describe, expect, it} from 'vitest'
import {reviewSchemaTypes} from '../../plugins/editorial-review/schema'
import {schemaTypes} from '../../schemas'
import {schemaLabelsDeDE} from '../../schemas/i18n/de-DE'
import {englishLabels, groupKey, SCHEMA_I18N_NAMESPACE} from '../../schemas/i18n/labels'

const english = englishLabels([...schemaTypes, ...reviewSchemaTypes])

describe('schema labels', () => {
  it('reads the English labels off the schema: types, groups, nested fields, descriptions, options', () => {
    expect(english).toMatchObject({
      'type.pressRelease': 'Press release',
      'group.pressRelease.source': 'Source',
      'field.pressRelease.dateline.agency': 'Credited agency',
      'field.pressRelease.distributor.description': expect.stringContaining('The wire that delivered this copy'),
      'field.pressRelease.infoSources.role.option.originator': 'Originator (wrote the copy)',
      'field.pressRelease.review.decisions.note': 'Note',
      'field.distributor.markers.phrases.languageNames.code': 'BCP 47 tag',
    })
  })

  it('has a German label for every English one, and none left over', () => {
    expect(Object.keys(schemaLabelsDeDE).sort()).toEqual(Object.keys(english).sort())
  })

  it('translates every label that is a word of English (names and loanwords may stay)', () => {
    const unchanged = new Set(
      Object.keys(english)
        .filter((key) => english[key] === schemaLabelsDeDE[key])
        .map((key) => english[key]),
    )
    expect([...unchanged].sort()).toEqual(['Disclaimer', 'Domains', 'Name', 'Status', 'Text', 'Website'])
  })
})

describe('group tabs', () => {
  it('key every document type’s group titles, so the form’s tabs follow the Studio’s language', () => {
    const documents = schemaTypes.filter((type) => type.type === 'document' && 'groups' in type && type.groups)
    expect(documents.map((type) => type.name).sort()).toEqual(['article', 'pressRelease'])
    for (const type of documents)
      for (const group of (type as {groups: {name: string; i18n?: {title?: {key: string; ns: string}}}[]}).groups) {
        expect(group.i18n?.title, `${type.name}.${group.name}`).toEqual({
          key: groupKey(type.name, group.name),
          ns: SCHEMA_I18N_NAMESPACE,
        })
        expect(schemaLabelsDeDE[groupKey(type.name, group.name)], `German title of ${type.name}.${group.name}`).toBeTruthy()
      }
  })
})

import {describe, expect, it} from 'vitest'
import {lastContentEditor, type PressReleaseDocument} from '../../../../plugins/editorial-review/core'
import {seedDocument} from '../fixtures'

const base = seedDocument()
const history: {id: string; author: string; document: PressReleaseDocument}[] = [
  // newest first
  {
    id: 'r4',
    author: 'reviewer',
    document: {
      ...base,
      title: 'Zweite Fassung',
      review: {_type: 'editorialReview', status: 'changesRequested', thirdParty: true},
    },
  },
  {id: 'r3', author: 'editor', document: {...base, title: 'Zweite Fassung'}},
  {
    id: 'r2',
    author: 'reviewer',
    document: {...base, review: {_type: 'editorialReview', status: 'changesRequested', thirdParty: true}},
  },
  {id: 'r1', author: 'importer', document: base},
]
const documentAt = async (id: string) => history.find((entry) => entry.id === id)?.document

describe('lastContentEditor', () => {
  it('skips transactions that only changed the review', async () => {
    expect(await lastContentEditor(history, documentAt)).toBe('editor')
  })

  it('names whoever changed the content most recently', async () => {
    const edited = [{id: 'r5', author: 'reviewer', document: {...base, title: 'Dritte Fassung'}}, ...history]
    expect(await lastContentEditor(edited, async (id) => edited.find((entry) => entry.id === id)?.document)).toBe('reviewer')
  })

  it('counts the oldest author when nothing in the window changed the content', async () => {
    expect(await lastContentEditor(history.slice(3), documentAt)).toBe('importer')
    expect(await lastContentEditor([], documentAt)).toBeUndefined()
  })
})

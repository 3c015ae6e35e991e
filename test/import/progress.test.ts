import {describe, expect, it} from 'vitest'
import {createProgress} from '../../scripts/import/progress'

function stream(isTTY: boolean) {
  const writes: string[] = []
  return {writes, isTTY, columns: 60, write: (text: string) => (writes.push(text), true)}
}

describe('createProgress', () => {
  it('prints one plain line per file when not on a terminal', () => {
    const output = stream(false)
    const progress = createProgress(2, output)
    progress.file('a.txt', 'imported', 'imported as a draft')
    progress.file('b.txt', 'failed', 'the file is empty.')
    progress.done()
    expect(output.writes).toEqual(['[1/2] a.txt: imported as a draft\n', '[2/2] b.txt: the file is empty.\n'])
  })

  it('redraws a bar on a terminal and gives failures their own line', () => {
    const output = stream(true)
    const progress = createProgress(2, output)
    progress.file('a.txt', 'imported', 'imported as a draft')
    progress.file('b.txt', 'failed', 'the file is empty.')
    progress.done()
    expect(output.writes.join('')).not.toContain('a.txt')
    expect(output.writes).toContain('[2/2] b.txt: the file is empty.\n')
    expect(output.writes.filter((text) => text.startsWith('\r['))).toEqual([
      `\r[${'#'.repeat(15)}${'-'.repeat(15)}] 1/2 files`,
      `\r[${'#'.repeat(30)}] 2/2 files`,
    ])
  })
})

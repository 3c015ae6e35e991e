import {describe, expect, it} from 'vitest'
import {articleHashes, FINGERPRINT_VERSION} from '../../plugins/editorial-review/core'
import {block, importSeed, seedParagraphs} from '../plugins/editorial-review/fixtures'

describe('the import stores reuse fingerprints on releases', () => {
  it('fingerprints the body, so an article pasting two of its paragraphs shares them', () => {
    const {release} = importSeed()
    expect(release.reuse).toMatchObject({_type: 'reuseFingerprint', version: FINGERPRINT_VERSION})
    expect(release.reuse!.hashes.length).toBeGreaterThan(5)
    const [, second, third] = seedParagraphs()
    const hashes = articleHashes({body: [block('a', second!), block('b', third!)]})
    const shared = hashes.filter((hash) => release.reuse!.hashes.includes(hash))
    expect(shared.length).toBeGreaterThan(1)
  })
})

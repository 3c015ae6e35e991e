/**
 * `startStudioSession` when a step fails: a `beforeAll` that throws leaves its `afterAll`
 * no session to close, so the session closes what it started itself. Here the seed import
 * fails after the Studio is served and the lake is up; both must be closed when the error
 * arrives, and the error must say which import failed.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tempDir} from './lake'
import {hasStudio, startStudioSession} from './studio-page'

/** Listening servers in this process: the Studio's static server is one. */
const listeningServers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length

describe.skipIf(!hasStudio)('startStudioSession', () => {
  it('closes the served Studio and the lake when the seed import fails, and names the folder', async () => {
    const dataDir = tempDir()
    const serversBefore = listeningServers()
    await expect(startStudioSession({seeds: 'no-such-seeds', lake: {dataDir}})).rejects.toThrow(
      /Importing the seeds in no-such-seeds\/ into the lake at http:\/\/127\.0\.0\.1:\d+ exited with code [1-9]/,
    )
    // A lake stopped cleanly removes its lock; one left running (or killed) keeps it.
    expect(fs.existsSync(path.join(dataDir, 'lake.pid'))).toBe(false)
    // Node drops a closed server's handle from its list a tick after the close.
    await expect.poll(listeningServers).toBe(serversBefore)
  })
})

/** Runs in every test file (vitest.config.ts `setupFiles`). */
import {afterAll} from 'vitest'
import {killRunningLakes} from './lake'

// Registered first, so it runs after the file's own afterAll hooks have stopped their lakes.
afterAll(killRunningLakes)

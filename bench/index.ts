/** `npm run bench`: runs the project's benchmarks in turn; each prints its own ratios. */
import {benchLake} from './lake'

await benchLake()

// Entry of a query worker thread: registers tsx (the lake runs from TypeScript sources, in
// `npm run lake`, tests and benchmarks alike) and loads the worker itself.
import {register} from 'tsx/esm/api'

register()
await import('./query-worker.ts')

// Entry of the webhook matching thread: registers tsx (the lake runs from TypeScript sources)
// and loads the worker itself, as lake/store/query-worker-boot.mjs does for queries.
import {register} from 'tsx/esm/api'

register()
await import('./match-worker.ts')

/** What a refused write looks like to a `@sanity/client` caller. */
export interface Refusal {
  statusCode?: number
  message: string
}

/** The error a write was refused with, or undefined when the lake accepted it. */
export function refusalOf(write: Promise<unknown>): Promise<Refusal | undefined> {
  return write.then(
    () => undefined,
    (error: Refusal) => error,
  )
}

import {opendir, stat} from 'node:fs/promises'
import path from 'node:path'

/** Seed files the import reads from a directory; other files there are ignored. */
export const SEED_EXTENSION = '.txt'

/**
 * Every seed file under the given paths, in a stable order, without reading contents:
 * directories are walked one entry at a time so a large corpus is never held in memory.
 */
export async function* seedFiles(paths: string[]): AsyncGenerator<string> {
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined)
    if (!info)
      throw new Error(`${given}: no such file or directory. Pass seed files or folders, e.g. "npm run import -- seeds/".`)
    if (info.isFile()) {
      yield given
      continue
    }
    yield* walk(given)
  }
}

async function* walk(directory: string): AsyncGenerator<string> {
  // opendir streams entries; sorting needs the names of one directory only.
  const names: string[] = []
  const subdirectories: string[] = []
  for await (const entry of await opendir(directory)) {
    if (entry.isDirectory()) subdirectories.push(entry.name)
    else if (entry.isFile() && entry.name.endsWith(SEED_EXTENSION)) names.push(entry.name)
  }
  for (const name of names.sort()) yield path.join(directory, name)
  for (const name of subdirectories.sort()) yield* walk(path.join(directory, name))
}

/** Counts seed files for the progress bar; a second cheap pass over names only. */
export async function countSeedFiles(paths: string[]): Promise<number> {
  let count = 0
  for await (const _ of seedFiles(paths)) count++
  return count
}

/** Command-line values shared by the scripts, with errors that name the flag. */

/** A whole-number flag value, at least `least`; throws a message naming the flag otherwise. */
export function integerFlag(value: string | undefined, flag: string, least: 0 | 1): number {
  const number = Number(value)
  if (value === undefined || value.trim() === '' || !Number.isInteger(number) || number < least) {
    throw new Error(`${flag} takes a whole number${least === 1 ? ' above 0' : ', 0 or more'}, not "${value}".`)
  }
  return number
}

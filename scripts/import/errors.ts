/**
 * A seed file the import cannot take. Carries the three things an operator needs on one
 * line: which file, what is wrong, what to do about it.
 */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly whatToDo: string,
  ) {
    super(`${file}: ${reason}. ${whatToDo}`)
    this.name = 'SeedFileError'
  }
}

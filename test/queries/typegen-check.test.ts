/**
 * scripts/typegen-check.sh passes on this tree and fails once a query changes without
 * regenerating sanity.types.ts. The failing case runs in a scratch copy of the project
 * (its own git index, node_modules linked), so the working tree is never touched.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {ROOT} from '../support/frontend-lake'

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'typegen-check-test-'))

afterAll(() => fs.rmSync(scratch, {recursive: true, force: true}))

function projectCopy(): string {
  const copy = path.join(scratch, 'project')
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && fs.existsSync(path.join(ROOT, file)))
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), {recursive: true})
    fs.copyFileSync(path.join(ROOT, file), path.join(copy, file))
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'))
  execFileSync('git', ['init', '-q'], {cwd: copy})
  return copy
}

function check(cwd: string) {
  return spawnSync('bash', ['scripts/typegen-check.sh'], {cwd, encoding: 'utf8', timeout: 200_000})
}

describe('scripts/typegen-check.sh', () => {
  it('passes when schema.json and sanity.types.ts match the schema and the queries', () => {
    const result = check(ROOT)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('schema.json and sanity.types.ts are up to date')
    expect(result.status).toBe(0)
  }, 240_000)

  it('fails, naming the file, when a query changed without regenerating', () => {
    const copy = projectCopy()
    const file = path.join(copy, 'queries/public.ts')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  usageTerms,\n', '  usageTerms,\n  _updatedAt,\n'))
    const before = fs.readFileSync(path.join(copy, 'sanity.types.ts'), 'utf8')
    const result = check(copy)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('typegen-check: sanity.types.ts is out of date')
    expect(result.stderr).toContain('+  _updatedAt: string')
    // The check reports; it does not regenerate the checked files.
    expect(fs.readFileSync(path.join(copy, 'sanity.types.ts'), 'utf8')).toBe(before)
  }, 240_000)
})

import {describe, expect, it} from 'vitest'
import {integerFlag} from '../../scripts/lib/flags'

describe('integerFlag', () => {
  it('reads whole numbers from the least allowed value up', () => {
    expect(integerFlag('0', '--threads', 0)).toBe(0)
    expect(integerFlag('12', '--batch-size', 1)).toBe(12)
  })

  it.each([
    ['0', 1, '--batch-size takes a whole number above 0, not "0".'],
    ['-1', 0, '--threads takes a whole number, 0 or more, not "-1".'],
    ['2.5', 1, '--batch-size takes a whole number above 0, not "2.5".'],
    ['', 0, '--threads takes a whole number, 0 or more, not "".'],
    ['lots', 1, '--batch-size takes a whole number above 0, not "lots".'],
  ] as const)('refuses "%s" naming the flag', (value, least, message) => {
    const flag = message.split(' ')[0]!
    expect(() => integerFlag(value, flag, least)).toThrow(message)
  })
})

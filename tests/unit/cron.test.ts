import { parseCron } from '../../scripts/server/cron'

const shanghai = (iso: string) => Date.parse(`${iso}+08:00`)

describe('cron (CloudBase 7-field, Asia/Shanghai)', () => {
  it('fires daily at 03:00:00 Shanghai time only', () => {
    const m = parseCron('0 0 3 * * * *')
    expect(m(shanghai('2026-11-23T03:00:00'))).toBe(true)
    expect(m(shanghai('2026-11-23T03:00:01'))).toBe(false)
    expect(m(Date.parse('2026-11-23T03:00:00Z'))).toBe(false)
  })
  it('supports lists, ranges and steps', () => {
    const m = parseCron('0 */15 9-18 * * 1-5 *')
    expect(m(shanghai('2026-11-23T09:45:00'))).toBe(true) // Monday
    expect(m(shanghai('2026-11-22T09:45:00'))).toBe(false) // Sunday
    expect(m(shanghai('2026-11-23T19:00:00'))).toBe(false)
  })
  it('rejects malformed expressions', () => {
    expect(() => parseCron('0 0 3 * *')).toThrow(/7 fields/)
    expect(() => parseCron('0 0 25 * * * *')).toThrow(/bad cron field/)
    expect(() => parseCron('0 */0 * * * * *')).toThrow(/bad cron step/)
  })
})

import { formatFen, splitFen } from '../../src/utils/money'
import { formatDate, formatDateTime } from '../../src/utils/time'

describe('money is integer fen, formatted once', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123456789, '¥1,234,567.89'],
    [-2550, '-¥25.50']
  ])('%i fen -> %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })
  it('can drop the symbol and trailing zero cents', () => {
    expect(formatFen(120000, { symbol: false, trimZeros: true })).toBe('1,200')
    expect(formatFen(120050, { trimZeros: true })).toBe('¥1,200.50')
  })
  it('refuses fractional fen: amounts never become floats', () => {
    expect(() => formatFen(10.5)).toThrow(/integer fen/)
  })
  it('splits for the Price component', () => {
    expect(splitFen(-1999)).toEqual({ sign: '-', yuan: '19', cents: '99' })
  })
})

describe('times are shown in Asia/Shanghai', () => {
  it('shows a UTC evening as the next Shanghai day', () => {
    const ms = Date.UTC(2026, 10, 23, 17, 30)
    expect(formatDate(ms)).toBe('2026-11-24')
    expect(formatDateTime(ms)).toBe('2026-11-24 01:30')
  })
})

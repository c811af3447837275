import { formatFen, splitFen, yuanInput } from '../../src/utils/money'
import { formatDate, formatDateTime, minutesText, parseShanghai, timeRangeText } from '../../src/utils/time'

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
  it('shows a deduction with its minus, zero included', () => {
    expect(formatFen(800, { minus: true })).toBe('-¥8.00')
    expect(formatFen(1411, { minus: true })).toBe('-¥14.11')
    expect(formatFen(123456, { minus: true })).toBe('-¥1,234.56')
    expect(formatFen(0, { minus: true })).toBe('-¥0.00')
    expect(formatFen(-800, { minus: true })).toBe('¥8.00')
  })
  it('can leave out the thousands separator', () => {
    expect(formatFen(123456, { grouping: false })).toBe('¥1234.56')
    expect(formatFen(123456, { symbol: false, grouping: false })).toBe('1234.56')
    expect(formatFen(500, { symbol: false, grouping: false })).toBe('5.00')
  })
  it('drops the cents of whole yuan, with or without the symbol', () => {
    expect(formatFen(0, { trimZeros: true })).toBe('¥0')
    expect(formatFen(1234500, { trimZeros: true })).toBe('¥12,345')
    expect(formatFen(1250, { trimZeros: true })).toBe('¥12.50')
  })
  it.each([
    [6850, '68.50'],
    [6800, '68'],
    [6805, '68.05'],
    [1, '0.01'],
    [123456700, '1234567']
  ])('a yuan field starts from %i fen as %s, which reads back the same', (fen, text) => {
    expect(yuanInput(fen)).toBe(text)
    expect(parseYuan(yuanInput(fen))).toBe(fen)
  })
})

describe('times are shown in Asia/Shanghai', () => {
  it('shows a UTC evening as the next Shanghai day', () => {
    const ms = Date.UTC(2026, 10, 23, 17, 30)
    expect(formatDate(ms)).toBe('2026-11-24')
    expect(formatDateTime(ms)).toBe('2026-11-24 01:30')
  })
  it('reads back what a person typed in Shanghai time', () => {
    expect(parseShanghai('2026-11-24 01:30')).toBe(Date.UTC(2026, 10, 23, 17, 30))
    expect(parseShanghai(' 2026-3-5  9:05 ')).toBe(Date.UTC(2026, 2, 5, 1, 5))
    for (const ms of [Date.UTC(2026, 0, 1, 0, 0), Date.UTC(2026, 10, 23, 17, 30)]) expect(parseShanghai(formatDateTime(ms))).toBe(ms)
  })
  it('reads a bare date at the hour given, and only when one is given', () => {
    expect(parseShanghai('2026-11-24', 9)).toBe(Date.UTC(2026, 10, 24, 1, 0))
    expect(parseShanghai('2026-11-24', 0)).toBe(Date.UTC(2026, 10, 23, 16, 0))
    expect(parseShanghai(formatDate(Date.UTC(2026, 10, 23, 16, 0)), 0)).toBe(Date.UTC(2026, 10, 23, 16, 0))
    expect(parseShanghai('2026-11-24')).toBeNaN()
  })
  it.each(['', '2026/11/24 01:30', '2026-11-24 1:3', '2026-11-24T01:30', 'tomorrow'])('%s is malformed', (text) => {
    expect(parseShanghai(text, 0)).toBeNaN()
  })
})

import { fenToChineseUpper } from '../../src/utils/money'

describe('receipts print the amount in Chinese uppercase', () => {
  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角整'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [1234560, '壹万贰仟叁佰肆拾伍元陆角整'],
    [100100, '壹仟零壹元整'],
    [1000000, '壹万元整'],
    [10010000, '壹拾万零壹佰元整'],
    [44202, '肆佰肆拾贰元零贰分'],
    [100000000, '壹佰万元整'],
    [1000100000, '壹仟万壹仟元整'],
    [1000010000, '壹仟万零壹佰元整'],
    [10000000000, '壹亿元整']
  ])('%i fen -> %s', (fen, text) => {
    expect(fenToChineseUpper(fen)).toBe(text)
  })
})

import { parseYuan } from '../../src/utils/money'

describe('yuan typed by a person becomes integer fen, or nothing', () => {
  it.each([
    ['68', 6800],
    ['68.5', 6850],
    ['68.05', 6805],
    [' 0.01 ', 1]
  ])('%s -> %i fen', (text, fen) => expect(parseYuan(text)).toBe(fen))
  it.each(['', 'abc', '1.234', '-1', '1e3', '1.'])('%s -> null', (text) => expect(parseYuan(text)).toBeNull())
})

describe('spans of time read as people say them', () => {
  it.each([
    [0, '0 分钟'],
    [40, '40 分钟'],
    [60, '1 小时'],
    [185, '3 小时 5 分钟'],
    [1440, '1 天'],
    [3120, '2 天 4 小时']
  ])('%i minutes -> %s', (m, text) => expect(minutesText(m)).toBe(text))

  it('gives the end of a range its date only when it falls on another Shanghai day', () => {
    const start = parseShanghai('2026-12-06 22:00')
    expect(timeRangeText(start, start + 2 * 3600_000)).toBe('2026-12-06 22:00 - 2026-12-07 00:00')
    expect(timeRangeText(start - 4 * 3600_000, start)).toBe('2026-12-06 18:00 - 22:00')
  })
})

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

import type * as z from 'zod'
import { fieldMeta } from './field-meta'

/**
 * What zod says when a contract gave no message of its own, in the words a form would use. It is
 * zod's locale (configured once in `common.ts`), so the pages that validate with the contracts and
 * the kernel that answers a refused call read the same text. A message written on the schema
 * (`.max(40, '标题最多 40 个字')`) always wins over these. The field's name is not in the text:
 * forms show it beside the field, and the kernel puts the label in front.
 */

type RawIssue = z.core.$ZodRawIssue

/** 1234567 → 1,234,567 (integers; anything else as written). */
function grouped(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n)
}

/** Round bounds read as people say them: 100 万, 1 亿; anything else with thousands separated. */
export function countText(n: number): string {
  if (Number.isInteger(n) && n !== 0 && n % 100_000_000 === 0) return `${grouped(n / 100_000_000)} 亿`
  if (Number.isInteger(n) && n >= 10_000 && n % 10_000 === 0) return `${grouped(n / 10_000)} 万`
  return grouped(n)
}

/** Whole fen as yuan: 1000000 → ¥10,000.00. */
export function yuanText(fen: number): string {
  const abs = Math.abs(Math.round(fen))
  return `${fen < 0 ? '-' : ''}¥${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`
}

/** zod's own range for `.int()`: a bound there says nothing a person should read. */
const SAFE = Number.MAX_SAFE_INTEGER

function numberBound(issue: { code: 'too_small' | 'too_big'; inclusive?: boolean }, bound: number, money: boolean): string {
  const value = money ? yuanText(bound) : countText(bound)
  if (issue.code === 'too_small') {
    if (bound <= -SAFE) return '数字过小'
    if (issue.inclusive === false) return `须大于 ${value}`
    return bound === 0 && !money ? '不能为负数' : `不能少于 ${value}`
  }
  if (bound >= SAFE) return '数字过大'
  return issue.inclusive === false ? `须小于 ${value}` : `不能超过 ${value}`
}

function sizeBound(issue: RawIssue & { code: 'too_small' | 'too_big' }, bound: number, measure: string | undefined): string {
  const n = countText(bound)
  if (issue.origin === 'string') {
    if (issue.exact) return `应为 ${n} 个字`
    if (issue.code === 'too_small') return bound === 1 ? '请填写' : `至少 ${n} 个字`
    return `最多 ${n} 个字`
  }
  const unit = measure ?? '项'
  if (issue.exact) return `应为 ${n} ${unit}`
  return issue.code === 'too_small' ? `至少 ${n} ${unit}` : `最多 ${n} ${unit}`
}

/** A union's failure: the most telling message one of its options gave, e.g. the URL check of `'' | url`. */
function unionText(issue: RawIssue & { code: 'invalid_union' }): string {
  if (issue.discriminator !== undefined) return '请从选项中选择'
  const telling = issue.errors.flat().find((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value' && i.code !== 'invalid_union')
  return telling?.message ?? '格式不正确'
}

function typeText(issue: RawIssue & { code: 'invalid_type' }): string {
  const { expected, input } = issue
  if (input === undefined || expected === 'nonoptional') return expected === 'boolean' ? '请选择' : '请填写'
  if (expected === 'number' || expected === 'int' || expected === 'bigint') {
    return expected === 'int' && typeof input === 'number' && Number.isFinite(input) ? '请填写整数' : '请填写数字'
  }
  if (expected === 'string') return '请填写文字'
  if (expected === 'boolean') return '请选择是或否'
  return '格式不正确'
}

export function issueText(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return typeText(issue)
    case 'too_small':
    case 'too_big': {
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum)
      const meta = issue.schema ? fieldMeta(issue.schema) : {}
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return numberBound(issue, bound, meta.money === true)
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') return sizeBound(issue, bound, meta.measure)
      return issue.code === 'too_small' ? '过早或过小' : '过晚或过大'
    }
    case 'invalid_value':
      if (issue.values.length === 1 && issue.values[0] === true) return '请勾选确认'
      return issue.input === undefined ? '请选择' : '请从选项中选择'
    case 'invalid_format':
      if (issue.format === 'url') return '请填写有效的网址'
      if (issue.format === 'email') return '请填写有效的邮箱'
      return '格式不正确'
    case 'not_multiple_of':
      return `应为 ${countText(issue.divisor)} 的倍数`
    case 'unrecognized_keys':
      return '不支持的字段'
    case 'invalid_key':
      return '名称格式不正确'
    case 'invalid_element':
      return '内容格式不正确'
    case 'invalid_union':
      return unionText(issue)
    default:
      return '格式不正确'
  }
}

/**
 * Issue 17, dates and text: every time input has a sane window and every typed string refuses
 * control characters, both through one shared schema (contracts/common.ts), checked over the
 * whole registry; plus the cases the outside test found (a 1970 due date made 48 bills, titles
 * and community names kept NUL, BEL and ANSI escapes), and a foreign building answered one way.
 */
import type * as z from 'zod'
import { EARLIEST_TIME_MS, MultilineText, Text } from '../../cloudfunctions/contracts/common'
import { PhotoId } from '../../cloudfunctions/contracts/photo'
import { functionContracts } from '../../cloudfunctions/contracts/registry'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData } from './support'

type Def = { type: string; [k: string]: unknown }
const defOf = (s: unknown): Def => (s as { def: Def }).def
const checksOf = (s: unknown): { _zod: { def: { check: string; value?: unknown } } }[] => (defOf(s).checks as never[] | undefined) ?? []

/** Every leaf of an input schema with its path, through objects, arrays, records, unions and wrappers. */
function leaves(schema: unknown, path: string, out: { path: string; schema: unknown }[] = []): { path: string; schema: unknown }[] {
  const d = defOf(schema)
  switch (d.type) {
    case 'object':
      for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) leaves(v, path ? `${path}.${k}` : k, out)
      break
    case 'array':
      leaves(d.element, `${path}[]`, out)
      break
    case 'record':
      leaves(d.valueType, `${path}{}`, out)
      break
    case 'union':
      for (const o of d.options as unknown[]) leaves(o, path, out)
      break
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      leaves(d.innerType, path, out)
      break
    case 'pipe':
      // A value normalised and then held to a pattern (a plate number) is checked by the pattern.
      if (!hasPattern(d.out)) leaves(d.in, path, out)
      leaves(d.out, path, out)
      break
    default:
      out.push({ path, schema })
  }
  return out
}

const textChecks = new Set([...checksOf(Text), ...checksOf(MultilineText)].filter((c) => c._zod.def.check === 'custom'))
const hasTextCheck = (s: unknown) => checksOf(s).some((c) => textChecks.has(c))
/** Strings whose whole shape is fixed by a pattern (phones, plates, tokens) cannot carry control characters. */
const hasPattern = (s: unknown) => checksOf(s).some((c) => c._zod.def.check === 'string_format')
/** Photo ids are refused unless our upload paths made them (contracts/photo.ts), whatever the field is called. */
const photoChecks = new Set(checksOf(PhotoId))
const isPhoto = (s: unknown) => checksOf(s).some((c) => photoChecks.has(c))
const isIdLike = (p: string) => /(^|\.)(\w*Ids?(\[\])?|id|cursor|clientRequestId|groupCloudId|token|code|avatarUrl)$/.test(p)
const TIME_NAME = /(At|From|To|Until|Start|Date|^before|\.before|^from|\.from|^to|\.to)$/

const inputs = Object.values(functionContracts).flatMap((fn) => Object.values(fn).map((c) => ({ id: c.id, input: c.input as z.ZodType })))

describe('one shared time and text schema over the whole registry', () => {
  it('every time input refuses times before 2020 (TimeInput / timeInput)', () => {
    const missing: string[] = []
    for (const { id, input } of inputs) {
      for (const leaf of leaves(input, '')) {
        if (defOf(leaf.schema).type !== 'number' || !TIME_NAME.test(leaf.path)) continue
        const floor = checksOf(leaf.schema).find((c) => c._zod.def.check === 'greater_than')
        if (floor?._zod.def.value !== EARLIEST_TIME_MS) missing.push(`${id}: ${leaf.path}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('every typed string input refuses control characters (Text / MultilineText)', () => {
    const missing: string[] = []
    for (const { id, input } of inputs) {
      for (const leaf of leaves(input, '')) {
        if (defOf(leaf.schema).type !== 'string' || isIdLike(leaf.path) || isPhoto(leaf.schema)) continue
        if (!hasTextCheck(leaf.schema) && !hasPattern(leaf.schema)) missing.push(`${id}: ${leaf.path}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('single-line text refuses NUL, BEL, ANSI escapes and newlines; multi-line text keeps newlines and tabs only', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', '\u001b[31mred\u001b[0m', 'a\nb', 'a\u202eb', 'a\u0085b']) expect(Text.safeParse(bad).success).toBe(false)
    expect(MultilineText.safeParse('第一行\n第二行\t缩进').success).toBe(true)
    expect(MultilineText.safeParse('a\u0000b').success).toBe(false)
    expect(MultilineText.safeParse('\u001b[2J').success).toBe(false)
    expect(Text.parse('  社区活动  ')).toBe('社区活动')
  })
})

describe('the cases the outside test found', () => {
  let h: Harness
  beforeEach(async () => {
    h = await makeHarness()
  })
  afterEach(() => h.close())
  const OPERATOR = as('u-operator-wu')

  const charge = (over: Record<string, unknown>) =>
    h.call(
      'fee.chargeOneOff',
      { title: '电梯维修', amountFen: 1000, buildingIds: [], dueAt: h.clock.now() + 7 * 86_400_000, clientRequestId: `charge-${JSON.stringify(over).length}-xxxx`, ...over } as never,
      OPERATOR,
      COMMUNITY_A
    )

  it('fee.chargeOneOff refuses dueAt 1 (1970) and a due date years away, and writes no bill', async () => {
    const before = (await findAll(h.store, 'bills')).length
    expect(errorOf(await charge({ dueAt: 1 }))).toMatchObject({ code: 'REQUEST.INVALID_INPUT', fields: [expect.objectContaining({ path: 'dueAt' })] })
    expect(codeOf(await charge({ dueAt: h.clock.now() + 5 * 366 * 86_400_000 }))).toBe('REQUEST.INVALID_INPUT')
    expect((await findAll(h.store, 'bills')).length).toBe(before)
  })

  it('refuses NUL, BEL and ANSI escapes in a charge title and a community name', async () => {
    for (const title of ['电梯\u0000维修', '电梯\u0007维修', '\u001b[31m电梯维修']) {
      expect(errorOf(await charge({ title }))).toMatchObject({ code: 'REQUEST.INVALID_INPUT', fields: [expect.objectContaining({ path: 'title' })] })
    }
    const replicate = await h.call('insights.replicate', { name: '新社区\u0007', city: '杭州', address: '西湖区某路 1 号', clientRequestId: 'replicate-ctl-0001' } as never, OPERATOR, COMMUNITY_A)
    expect(errorOf(replicate)).toMatchObject({ code: 'REQUEST.INVALID_INPUT', fields: [expect.objectContaining({ path: 'name' })] })
  })

  it('answers a foreign buildingId the same way in fee.arrears and fee.chargeOneOff', async () => {
    const foreign = (await findAll(h.store, 'buildings', { communityId: COMMUNITY_B }))[0]!._id
    const arrears = errorOf(await h.call('fee.arrears', { buildingId: foreign }, OPERATOR, COMMUNITY_A))
    const chargeErr = errorOf(await charge({ buildingIds: [foreign] }))
    expect(arrears.code).toBe('FEE.BUILDING_NOT_FOUND')
    expect(chargeErr.code).toBe('FEE.BUILDING_NOT_FOUND')
    expect(arrears.message).toBe(chargeErr.message)
    // The community's own building still lists.
    const own = (await findAll(h.store, 'buildings', { communityId: COMMUNITY_A }))[0]!._id
    expect(okData(await h.call('fee.arrears', { buildingId: own }, OPERATOR, COMMUNITY_A)).households).toEqual(expect.any(Array))
  })
})

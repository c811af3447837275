/**
 * What a person reads when a form is refused: the kernel's top-level message and the per-field
 * messages, built from the contracts' labels and zod's locale. Each case is one a resident or a
 * member of staff has met: a blank number field (NaN), an absurd number, a wrong option, a nested
 * reward field, one bad photo among several, and the codes verifiers and owners type by hand.
 */
import type * as z from 'zod'
import { allContracts } from '../../cloudfunctions/contracts/registry'
import { EventDraftSchema } from '../../cloudfunctions/contracts/event'
import { HouseholdCode } from '../../cloudfunctions/contracts/user'
import { OrderCode } from '../../cloudfunctions/contracts/order'
import { headline, zodFields } from '../../cloudfunctions/kernel/input-errors'

/** An identifier, a raw enum value, zod's wording or a safe-integer bound: nothing a person should read. */
const MACHINE_TEXT = /[A-Za-z_]{2,}|NaN|9007199254740991|[<>]=?/

function refusal(id: string, input: unknown): { message: string; fields: ReturnType<typeof zodFields> } {
  const c = allContracts.find((x) => x.id === id)
  if (!c) throw new Error(`no contract ${id}`)
  const r = c.input.safeParse(input)
  if (r.success) throw new Error(`${id} accepted ${JSON.stringify(input)}`)
  const fields = zodFields(r.error, c.input)
  return { message: headline(fields), fields }
}

const HOUR = 3600_000
const START = Date.now() + 7 * 24 * HOUR
const event = {
  kind: 'activity',
  title: '中秋游园会',
  venue: '中心花园',
  startAt: START,
  endAt: START + 2 * HOUR,
  capacity: 50,
  signupOpensAt: START - 5 * 24 * HOUR,
  signupClosesAt: START - HOUR,
  cancelHoursBefore: 2,
  seatsPerHousehold: 2
}
const campaign = {
  title: '阳澄湖大闸蟹',
  productId: 'p-crab',
  skus: [{ skuId: 's-4', priceFen: 19_900, stock: 100 }],
  startAt: START,
  endAt: START + 3 * 24 * HOUR,
  householdLimit: 2,
  threshold: 10,
  deliveryMode: 'door',
  deliveryDate: START + 4 * 24 * HOUR
}

function expectReadable(message: string, label: string): void {
  expect(message).toContain(label)
  expect(message).not.toMatch(MACHINE_TEXT)
  expect(message).toMatch(/[\u4e00-\u9fa5]/)
}

describe('the message a refused input gets', () => {
  test('a number field left blank (NaN) asks for a number, named by its label', () => {
    const r = refusal('event.create', { event: { ...event, capacity: NaN } })
    expect(r.message).toBe('名额：请填写数字')
    expect(r.fields).toEqual([{ path: 'event.capacity', label: '名额', message: '请填写数字' }])
  })

  test('pre-sale creation: a blank price is named after its SKU line', () => {
    const r = refusal('order.saveCampaign', { campaign: { ...campaign, skus: [{ skuId: 's-4', priceFen: NaN, stock: 100 }] } })
    expectReadable(r.message, '第 1 个规格的预售价')
    expect(r.fields[0]?.path).toBe('campaign.skus.0.priceFen')
  })

  test('an absurd whole number never shows the safe-integer bound', () => {
    const r = refusal('insights.scoreboard', { weeksAgo: 1e20 })
    expectReadable(r.message, '周次')
    const time = refusal('event.create', { event: { ...event, startAt: 1e20 } })
    expectReadable(time.message, '开始时间')
  })

  test('a fraction where a whole number belongs asks for a whole number', () => {
    expect(refusal('insights.scoreboard', { weeksAgo: 1.5 }).message).toBe('周次：请填写整数')
  })

  test('a money bound reads as yuan', () => {
    const r = refusal('member.createBudget', { budget: { title: '中秋活动', kind: 'campaign', capFen: 200_000_000 }, clientRequestId: 'budget-req-0001' })
    expect(r.message).toBe('预算金额：不能超过 ¥1,000,000.00')
  })

  test('an unknown option asks to choose, without listing raw values', () => {
    const r = refusal('event.create', { event: { ...event, kind: 'party' } })
    expect(r.message).toBe('活动类型：请从选项中选择')
    expectReadable(r.message, '活动类型')
  })

  test('a nested field is named with what it belongs to', () => {
    const r = refusal('event.create', { event: { ...event, rewards: { attendance: { type: 'points', points: 0 }, feedback: null } } })
    expect(r.message).toBe('签到奖励的积分：不能少于 1')
    expect(r.fields[0]?.path).toBe('event.rewards.attendance.points')
  })

  test('one bad item of a list is named by its place in it', () => {
    const good = 'local:abcdefghijklmnop1234.jpg'
    const r = refusal('booking.complain', { householdId: 'h1', category: 'noise', text: '楼上每晚很吵', photos: [good, 'https://evil.example/x.jpg'], clientRequestId: 'complain-0001' })
    expect(r.message).toBe('第 2 张照片：照片无效，请重新上传')
    expect(r.fields[0]).toEqual({ path: 'photos.1', label: '第 2 张照片', message: '照片无效，请重新上传' })
    const deep = refusal('insights.saveRules', {
      segments: [{ need: 'save_money', label: '常用券下单', all: [{ metric: 'orders180', op: 'gte', value: -1 }] }],
      churn: { threshold: 50, quietWeeks: 6, inviteTarget: 10 }
    })
    expect(deep.message).toBe('第 1 条分群规则的第 1 个条件的数值：不能为负数')
  })

  test('a message that already names the field is not prefixed twice', () => {
    expect(refusal('event.create', { event: { ...event, title: '' } }).message).toBe('请填写标题')
  })

  test('an unknown key still says so, named by the key (only developers send them)', () => {
    const r = refusal('event.get', { id: 'e1', zz_unexpected: 1 })
    expect(r.fields).toEqual([{ path: 'zz_unexpected', label: 'zz_unexpected', message: '不支持的字段' }])
  })

  test('forms that validate with the contract read the same words (no label: the form shows it)', () => {
    const r = EventDraftSchema.safeParse({ ...event, seatsPerHousehold: NaN, verifierIds: ['v1', ''] })
    const messages = r.success ? [] : r.error.issues.map((i: z.core.$ZodIssue) => [i.path.join('.'), i.message])
    expect(messages).toEqual([
      ['seatsPerHousehold', '请填写数字'],
      ['verifierIds.1', '不能为空']
    ])
  })
})

describe('order and household codes', () => {
  const issues = (s: z.ZodType, v: string) => {
    const r = s.safeParse(v)
    return r.success ? [] : r.error.issues.map((i) => i.message)
  }

  test('eight digits are refused with what an order code is made of', () => {
    const r = refusal('order.verifyPickup', { code: '12345678' })
    expect(r.message).toBe('订单码为 8 位，由数字 2-9 和字母组成，不含 0、1、I、O，请核对')
    expect(r.message).not.toMatch(/字母或数字/)
    expect(r.fields[0]).toMatchObject({ path: 'code', label: '订单码' })
  })

  test('a code of the wrong length says how long it is', () => {
    expect(issues(OrderCode, 'ABCD-EFG')).toEqual(['订单码为 8 位，已输入 7 位'])
    expect(issues(OrderCode, '  ')).toEqual(['请输入订单码'])
  })

  test('what can be normalised is: case, spaces, dashes, full-width characters', () => {
    expect(OrderCode.parse('abcd-efgh')).toBe('ABCDEFGH')
    expect(OrderCode.parse(' ABCD EFGH ')).toBe('ABCDEFGH')
    expect(OrderCode.parse('ＡＢＣＤ－２３４５')).toBe('ABCD2345')
    expect(HouseholdCode.parse('7k3p–9x2m')).toBe('7K3P9X2M')
  })

  test('the household code names itself and its alphabet', () => {
    const r = refusal('user.bindHousehold', { code: 'OOOO-1111' })
    expect(r.message).toBe('房屋码为 8 位，由数字 2-9 和字母组成，不含 0、1、I、O，请核对')
    expect(issues(HouseholdCode, 'ab12')).toEqual(['房屋码为 8 位，已输入 4 位'])
  })
})

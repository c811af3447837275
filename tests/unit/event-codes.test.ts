/** Pure parts of the event feature: ticket codes, CSV, the shared sign-up form schema, group data. */
import { EventDraftSchema, answersSchema } from '../../cloudfunctions/contracts/event'
import { toCsv } from '../../cloudfunctions/contracts/csv'
import { groupIdFrom } from '../../cloudfunctions/domain/invites/groups'
import {
  TICKET_WINDOW_MS,
  checkToken,
  matchesShortCode,
  parseToken,
  shortCode,
  ticketKeyOf,
  ticketToken,
  windowOf
} from '../../cloudfunctions/domain/event/ticket-codes'

const SECRET = 'event-secret-0123456789'
const T0 = 1_800_000_000_000

describe('ticket codes', () => {
  const id = 'ev-1:h-a1-101:1'

  it('a token is valid in its window and the next, expired after, invalid when forged or foreign', () => {
    const w = windowOf(T0)
    const t = parseToken(ticketToken(SECRET, id, w))
    expect(t).toMatchObject({ signupId: id, window: w })
    if (!t) throw new Error('unparsed')
    expect(checkToken(SECRET, t, T0)).toBe('ok')
    expect(checkToken(SECRET, t, T0 + TICKET_WINDOW_MS)).toBe('ok')
    expect(checkToken(SECRET, t, T0 + 2 * TICKET_WINDOW_MS)).toBe('expired')
    expect(checkToken('another-secret', t, T0)).toBe('invalid')
    expect(checkToken(SECRET, { ...t, signupId: 'ev-1:h-a1-102:1' }, T0)).toBe('invalid')
    expect(checkToken(SECRET, { ...t, window: w + 5 }, T0)).toBe('invalid')
    expect(parseToken('garbage')).toBeNull()
  })

  it('short codes start with the ticket key, rotate the rest every window and match for two', () => {
    const w = windowOf(T0)
    const code = shortCode(SECRET, id, 'K7M', w)
    expect(code).toMatch(/^K7M[2-9A-HJ-KMNP-Z]{3}$/)
    expect(ticketKeyOf(code)).toBe('K7M')
    expect(ticketKeyOf('K7M0O1')).toBeNull()
    expect(shortCode(SECRET, id, 'K7M', w + 1)).not.toBe(code)
    expect(matchesShortCode(SECRET, id, 'K7M', code, T0)).toBe(true)
    expect(matchesShortCode(SECRET, id, 'K7M', code, T0 + TICKET_WINDOW_MS)).toBe(true)
    expect(matchesShortCode(SECRET, id, 'K7M', code, T0 + 2 * TICKET_WINDOW_MS)).toBe(false)
    // The rotating part is bound to the key and the sign-up: neither can be swapped in.
    expect(matchesShortCode(SECRET, 'ev-1:h-a1-102:1', 'K7M', code, T0)).toBe(false)
    expect(matchesShortCode(SECRET, id, 'K7N', `K7N${code.slice(3)}`, T0)).toBe(false)
  })
})

describe('csv', () => {
  it('starts with a BOM, uses CRLF, quotes commas, quotes and newlines, defuses formulas', () => {
    const csv = toCsv(['名', '备注'], [['张三', 'a,b'], ['李四', 'say "hi"\nbye'], ['=HYPERLINK("x")', null], ['-1', 3]])
    expect(csv).toBe('\uFEFF名,备注\r\n张三,"a,b"\r\n李四,"say ""hi""\nbye"\r\n"\'=HYPERLINK(""x"")",\r\n\'-1,3\r\n')
  })
})

describe('the sign-up form schema (shared by page and function)', () => {
  const schema = answersSchema([
    { key: 'name', label: '姓名', type: 'text', required: true, options: [] },
    { key: 'age', label: '年龄', type: 'number', required: false, options: [] },
    { key: 'slot', label: '场次', type: 'choice', required: true, options: ['上午', '下午'] }
  ])

  it('accepts a complete answer and optional fields left out', () => {
    expect(schema.parse({ name: ' 王 ', slot: '下午' })).toEqual({ name: '王', slot: '下午' })
    expect(schema.safeParse({ name: '王', slot: '上午', age: 7 }).success).toBe(true)
  })

  it('names each wrong field in Chinese', () => {
    const r = schema.safeParse({ name: '', age: 1.5, slot: '晚上', x: 1 })
    expect(r.success).toBe(false)
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.') || i.code, i.message])
    expect(issues).toEqual(
      expect.arrayContaining([['name', '请填写姓名'], ['age', '年龄应为整数'], ['slot', '请选择场次']])
    )
  })
})

describe('the event draft schema', () => {
  it('checks times, duplicate field keys and choice options', () => {
    const base = {
      kind: 'activity', title: 't', venue: 'v', startAt: T0, endAt: T0 + 3600_000, capacity: 1, signupOpensAt: T0 - 7200_000,
      signupClosesAt: T0, cancelHoursBefore: 0, seatsPerHousehold: 1
    }
    expect(EventDraftSchema.safeParse(base).success).toBe(true)
    const r = EventDraftSchema.safeParse({
      ...base,
      signupClosesAt: T0 + 1,
      fields: [
        { key: 'a', label: 'A', type: 'text', required: true },
        { key: 'a', label: 'B', type: 'choice', required: true, options: ['x'] }
      ]
    })
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
    expect(paths.sort()).toEqual(['fields.1.key', 'fields.1.options', 'signupClosesAt'])
  })
})

describe('group open data', () => {
  it('reads opengid (or openGId) and refuses another app\u2019s watermark', () => {
    expect(groupIdFrom({ cloudID: 'c', data: { opengid: 'G1', watermark: { appid: 'wx1', timestamp: 1 } } }, 'wx1')).toBe('G1')
    expect(groupIdFrom({ cloudID: 'c', data: { openGId: 'G2' } }, 'wx1')).toBe('G2')
    expect(groupIdFrom({ cloudID: 'c', data: { opengid: 'G1', watermark: { appid: 'wx2', timestamp: 1 } } }, 'wx1')).toBeNull()
    expect(groupIdFrom(null, 'wx1')).toBeNull()
    expect(groupIdFrom({ data: {} }, undefined)).toBeNull()
  })
})

/**
 * Texts to households no one in the mini-program can reach: off until a community switches them
 * on, for arrears and important notices only, counted against a monthly cap on the kernel's
 * bounded counter, never twice for one reminder or notice, each carrying a link to its page. The
 * Tencent Cloud adapter is checked against a stubbed endpoint.
 */
import { tencentSms } from '../../cloudfunctions/adapters/cloudbase/tencent-sms'
import type { BillDoc } from '../../cloudfunctions/domain/fee/docs'
import type { NoticeDoc } from '../../cloudfunctions/domain/message/docs'
import { textNotices } from '../../cloudfunctions/domain/message/sms'
import type { SmsSender } from '../../cloudfunctions/kernel/ports'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { shanghaiMonth } from '../../cloudfunctions/contracts/shanghai'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, okData } from './support'

const OPERATOR = as('u-operator-wu')
const FINANCE = as('u-finance-he')
// 3栋 has eight homes; only 201 (赵晓雨, tenant) has anyone in the mini-program.
const NO_APP = ['h-a3-101', 'h-a3-102', 'h-a3-202', 'h-a3-301', 'h-a3-302']

let h: Harness
let texts: { phone: string; template: string; params: string[] }[]
let answer: Awaited<ReturnType<SmsSender['send']>>
beforeEach(async () => {
  h = await makeHarness()
  texts = []
  answer = { ok: true, id: 'sms-1' }
  h.ports.sms = {
    send: async (phone, template, params) => {
      texts.push({ phone, template, params })
      return answer
    }
  }
  // Only these five have an owner's phone in the ledger here; the demo's ledger names others too.
  for (const other of await findAll(h.store, 'households', { buildingId: 'b-a3' })) await h.store.update('households', other._id, { unset: ['owner'] })
  for (const [i, id] of NO_APP.entries()) await h.store.update('households', id, { set: { owner: { name: `业主${i}`, phone: `1390000000${i}` } } })
  // The demo's own important notice (2栋's outage) would be texted to its ledger owners too: these
  // tests count only the texts of what they publish.
  await h.store.update('notices', 'n-seed-outage', { set: { important: false } })
})
afterEach(async () => {
  await h.close()
})

/** A one-off charge ten days overdue (as fee.chargeOneOff writes them), for one home. */
async function overdueBillOf(householdId: string): Promise<void> {
  const now = h.clock.now()
  const bill: BillDoc = { _id: `${householdId}:oneoff:lift`, communityId: COMMUNITY_A, householdId, buildingId: 'b-a3', kind: 'oneoff', feeItemId: 'oneoff', title: '3 栋电梯维修分摊', period: '2026-11', amountFen: 12000, dueAt: now - 10 * 86_400_000, status: 'unpaid', refundedFen: 0, chargeId: 'lift', createdAt: now - 20 * 86_400_000 }
  expect((await h.store.insert('bills', bill)).ok).toBe(true)
}

describe('texts', () => {
  it('are off by default: a reminder to a home without the mini-program sends nothing', async () => {
    expect(okData(await h.call('message.smsSettings', {}, OPERATOR, COMMUNITY_A))).toMatchObject({ enabled: false, sentThisMonth: 0 })
    const n = await h.store.insert('notices', importantNotice('n-off'))
    expect(n.ok).toBe(true)
    expect(await textNotices(h.ports)).toMatchObject({ sent: 0 })
    expect(texts).toEqual([])
    expect(await findAll(h.store, 'smsSends')).toEqual([])
  })

  it('an important notice texts the audience’s homes without the app, within the month’s cap, once each, and resumes', async () => {
    okData(await h.call('message.saveSmsSettings', { enabled: true, monthlyLimit: 3 }, OPERATOR, COMMUNITY_A))
    await h.store.insert('notices', importantNotice('n-water'))
    const first = await textNotices(h.ports)
    expect(first.sent).toBe(3)
    expect(texts).toHaveLength(3)
    expect(texts[0]).toMatchObject({ template: 'notice', params: ['3栋 明日停水', expect.stringContaining('packages/message/pages/notice/index?id=n-water')] })
    const sends = await findAll(h.store, 'smsSends', { communityId: COMMUNITY_A })
    expect(sends.filter((s) => s.status === 'sent')).toHaveLength(3)
    expect(sends.filter((s) => s.status === 'over_budget')).toHaveLength(2)
    expect(sends.map((s) => s.householdId)).not.toContain('h-a3-201')
    expect(sends.every((s) => /^139\*{4}\d{4}$/.test(s.phoneMasked))).toBe(true)
    expect((await h.store.get('smsBudgets', `${COMMUNITY_A}:${shanghaiMonth(h.clock.now())}`))?.sent).toBe(3)
    expect((await h.store.get('notices', 'n-water'))?.sms).toMatchObject({ done: true, sent: 3 })
    // Run again (a retry, or the next run): nothing more for the same notice.
    expect((await textNotices(h.ports)).sent).toBe(0)
    expect(texts).toHaveLength(3)
    expect(okData(await h.call('message.smsSettings', {}, OPERATOR, COMMUNITY_A))).toMatchObject({ enabled: true, monthlyLimit: 3, sentThisMonth: 3 })
  })

  it('an arrears reminder to a home without the app texts its owner, with a link to its bills; a failed send gives its place back', async () => {
    okData(await h.call('message.saveSmsSettings', { enabled: true, monthlyLimit: 10 }, OPERATOR, COMMUNITY_A))
    await overdueBillOf('h-a3-101')
    const sent = okData(await h.call('fee.remind', { householdId: 'h-a3-101' }, FINANCE, COMMUNITY_A))
    expect(sent.messages).toBe(1)
    expect(texts).toEqual([{ phone: '13900000000', template: 'arrears', params: ['3 栋电梯维修分摊', '¥120.00', '10', expect.stringContaining('packages/fee/pages/bills/index?householdId=h-a3-101')] }])

    answer = { ok: false, code: 'LimitExceeded.PhoneNumberDailyLimit', message: '单个手机号日下发条数超过设定的上限' }
    await overdueBillOf('h-a3-102')
    expect(okData(await h.call('fee.remind', { householdId: 'h-a3-102' }, FINANCE, COMMUNITY_A)).messages).toBe(0)
    const failed = await h.store.find('smsSends', { where: { householdId: 'h-a3-102' }, limit: 2 })
    expect(failed[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('PhoneNumberDailyLimit') })
    expect((await h.store.get('smsBudgets', `${COMMUNITY_A}:${shanghaiMonth(h.clock.now())}`))?.sent).toBe(1)
  })

  it('only an operator sets them, within sane bounds', async () => {
    expect(codeOf(await h.call('message.saveSmsSettings', { enabled: true, monthlyLimit: 0 }, OPERATOR, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
    expect(codeOf(await h.call('message.saveSmsSettings', { enabled: true, monthlyLimit: 10 }, FINANCE, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})

function importantNotice(id: string): NoticeDoc {
  const now = h.clock.now()
  return {
    _id: id,
    communityId: COMMUNITY_A,
    title: '3栋 明日停水',
    category: 'outage',
    blocks: [{ type: 'text', text: '明日 9:00-15:00 停水。' }],
    pinned: false,
    important: true,
    publishAt: now - 60_000,
    expiresAt: null,
    audience: { kind: 'buildings', buildingIds: ['b-a3'] },
    buildingIds: ['b-a3'],
    audienceLabel: '3栋',
    withdrawnAt: null,
    reads: 0,
    authorId: 'u-operator-wu',
    authorName: '吴运营',
    createdAt: now,
    updatedAt: now
  }
}

describe('the Tencent Cloud SMS adapter', () => {
  const cfg = { secretId: 'AKIDtest', secretKey: 'secret', appId: '1400000000', sign: '临苑物业', templates: { arrears: '100001', notice: '100002' } }
  const real = global.fetch
  afterEach(() => {
    global.fetch = real
  })

  it('signs a SendSms request for one +86 number with the template of the kind, and reads Ok and errors', async () => {
    const seen: { url: string; headers: Record<string, string>; body: Record<string, unknown> }[] = []
    let reply: unknown = { Response: { SendStatusSet: [{ Code: 'Ok', SerialNo: '2433:abc' }], RequestId: 'r1' } }
    global.fetch = (async (url: string, init: { headers: Record<string, string>; body: string }) => {
      seen.push({ url, headers: init.headers, body: JSON.parse(init.body) as Record<string, unknown> })
      return { status: 200, json: async () => reply }
    }) as unknown as typeof fetch
    const sms = tencentSms(cfg, () => 1_765_000_000_000)
    expect(await sms.send('13900000000', 'notice', ['明日停水', 'https://wxaurl.cn/x'])).toEqual({ ok: true, id: '2433:abc' })
    expect(seen[0]!.url).toBe('https://sms.tencentcloudapi.com')
    expect(seen[0]!.body).toEqual({ PhoneNumberSet: ['+8613900000000'], SmsSdkAppId: '1400000000', SignName: '临苑物业', TemplateId: '100002', TemplateParamSet: ['明日停水', 'https://wxaurl.cn/x'] })
    expect(seen[0]!.headers).toMatchObject({ 'X-TC-Action': 'SendSms', 'X-TC-Version': '2021-01-11', 'X-TC-Timestamp': '1765000000' })
    expect(seen[0]!.headers.Authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\/2025-12-06\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/)

    reply = { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad signature' } } }
    expect(await sms.send('13900000000', 'arrears', ['a', 'b', 'c', 'd'])).toEqual({ ok: false, code: 'AuthFailure.SignatureFailure', message: 'bad signature' })
    expect(seen[1]!.body.TemplateId).toBe('100001')
  })
})


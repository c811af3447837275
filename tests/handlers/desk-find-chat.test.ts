/**
 * The desk's household search (room, full and masked phones, a phone's last four digits, the
 * ledger owner's name, a plate from the profile), and 微信客服 conversations: WeChat's pushes
 * logged once on the household's timeline, replies through WeChat within 48 hours and to the
 * inbox after, the mini-program's own chat, and a conversation turned into a work order.
 */
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const ZHAO = as('u-service-zhao')
const WANG = as('u-wang')
const HOUR = 3600_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  // The demo's own work orders and conversation would raise alerts and fill lists of their own:
  // these tests count only what they make.
  for (const c of ['workOrders', 'chats', 'chatMessages'] as const) {
    for (const d of await findAll(h.store, c)) await h.store.remove(c, d._id)
  }
})
afterEach(async () => {
  await h.close()
})

const find = async (q: string, who = ZHAO, community = COMMUNITY_A) => okData(await h.call('desk.find', { q }, who, community)).households

describe('finding a household', () => {
  it('by room, with or without its building', async () => {
    expect((await find('101')).map((x) => x.label)).toEqual(['1栋 101', '2栋 101', '3栋 101'])
    expect((await find('1栋101')).map((x) => x.label)).toEqual(['1栋 101'])
    expect((await find('2-101')).map((x) => x.label)).toEqual(['2栋 101'])
    const [hit] = await find('1栋 101')
    expect(hit).toMatchObject({ householdId: 'h-a1-101', matched: ['room'], butlerName: '张管家' })
    // Members masked, the ledger owner among them.
    expect(hit!.members).toEqual(expect.arrayContaining([expect.objectContaining({ name: '王*国', relation: 'owner', phoneMasked: '138****1111' })]))
  })

  it('by a full phone, a masked one and its last four digits', async () => {
    expect((await find('13800001111')).map((x) => x.householdId).sort()).toEqual(['h-a1-101', 'h-a2-302'])
    expect((await find('138****1111')).map((x) => x.householdId).sort()).toEqual(['h-a1-101', 'h-a2-302'])
    // A masked number whose head does not fit finds nothing.
    expect(await find('139****1111')).toEqual([])
    const byTail = await find('1111')
    expect(byTail.map((x) => x.householdId)).toEqual(expect.arrayContaining(['h-a1-101', 'h-a2-302']))
    expect(byTail.find((x) => x.householdId === 'h-a1-101')?.matched).toEqual(expect.arrayContaining(['tail']))
  })

  it("by the ledger owner's name, and by a plate once the profile names it", async () => {
    expect((await find('王建国')).map((x) => x.householdId)).toEqual(['h-a1-101'])
    okData(await h.call('insights.saveProfile', { householdId: 'h-a1-101', consent: true, profile: { members: [], cars: [{ plate: '浙A12345' }], pets: [], note: '' } }, WANG, COMMUNITY_A))
    expect((await find('浙a 12345')).map((x) => [x.householdId, x.matched])).toEqual([['h-a1-101', ['plate']]])
    // A plate dropped from the profile no longer finds it.
    okData(await h.call('insights.saveProfile', { householdId: 'h-a1-101', consent: true, profile: { members: [], cars: [], pets: [], note: '' } }, WANG, COMMUNITY_A))
    expect(await find('浙A12345')).toEqual([])
  })

  it("stays inside the caller's community", async () => {
    expect(await find('13800001111', as('u-operator-wu'), COMMUNITY_B)).toEqual([])
    expect((await find('A座101', as('u-operator-wu'), COMMUNITY_B)).map((x) => x.householdId)).toEqual(['h-b1-101'])
  })

  it('says what it could not read, naming the field', async () => {
    const err = errorOf(await h.call('desk.find', { q: '？？' }, ZHAO, COMMUNITY_A))
    expect(err).toMatchObject({ code: 'DESK.QUERY_UNRECOGNIZED', fields: [expect.objectContaining({ path: 'q' })] })
    expect(codeOf(await h.call('desk.find', { q: '1' }, ZHAO, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
    expect(codeOf(await h.call('desk.find', { q: '101' }, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})

describe('微信客服', () => {
  const push = (over: Record<string, unknown> = {}, who = WANG) =>
    h.raw('desk', { ToUserName: 'gh_linli', FromUserName: who, CreateTime: Math.floor(h.clock.now() / 1000), MsgType: 'text', Content: '厨房水管在滴水，能派人看看吗', MsgId: 9001, ...over }, who)

  it('logs a pushed message once on the household timeline, and only from its sender', async () => {
    expect(await push()).toMatchObject({ ok: true })
    expect(await push()).toMatchObject({ ok: true }) // WeChat retries a push it is unsure of
    const msgs = await findAll(h.store, 'chatMessages', { householdId: 'h-a1-101' })
    expect(msgs).toHaveLength(1)
    expect(msgs[0]).toMatchObject({ dir: 'in', kind: 'text', text: '厨房水管在滴水，能派人看看吗' })
    // A push claiming another sender than the platform's caller is refused.
    expect(await push({ FromUserName: as('u-li'), MsgId: 9002 })).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    const { chats } = okData(await h.call('desk.chats', {}, ZHAO, COMMUNITY_A))
    expect(chats).toEqual([expect.objectContaining({ householdLabel: '1栋 101', residentName: '王建国', unanswered: true, lastText: '厨房水管在滴水，能派人看看吗' })])
  })

  it('replies through WeChat within 48 hours, and to the inbox after', async () => {
    await push()
    const sent: string[] = []
    h.ports.kf.sendText = async (_openid, text) => {
      sent.push(text)
      return { ok: true }
    }
    const chatId = `${COMMUNITY_A}:u-wang`
    const first = okData(await h.call('desk.reply', { chatId, text: '您好，师傅半小时内上门', clientRequestId: 'reply-0001' }, ZHAO, COMMUNITY_A))
    expect(first.message).toMatchObject({ dir: 'out', delivery: 'wechat' })
    expect(first.chat.unanswered).toBe(false)
    expect(sent).toEqual(['您好，师傅半小时内上门'])
    // The same request again sends nothing more.
    okData(await h.call('desk.reply', { chatId, text: '您好，师傅半小时内上门', clientRequestId: 'reply-0001' }, ZHAO, COMMUNITY_A))
    expect(sent).toHaveLength(1)
    h.clock.advance(49 * HOUR)
    const late = okData(await h.call('desk.reply', { chatId, text: '请问问题解决了吗？', clientRequestId: 'reply-0002' }, ZHAO, COMMUNITY_A))
    expect(late.message.delivery).toBe('inbox')
    expect(sent).toHaveLength(1)
    expect(await findAll(h.store, 'inbox', { userId: 'u-wang', kind: 'chat-reply' })).toEqual([expect.objectContaining({ body: '请问问题解决了吗？' })])
  })

  it('sends a reply once when the same request arrives twice at once', async () => {
    await push()
    let sends = 0
    h.ports.kf.sendText = async () => {
      sends++
      await new Promise((r) => setTimeout(r, 20))
      return { ok: true }
    }
    const req = { chatId: `${COMMUNITY_A}:u-wang`, text: '您好，马上安排', clientRequestId: 'reply-twice-1' }
    const both = await Promise.all([h.call('desk.reply', req, ZHAO, COMMUNITY_A), h.call('desk.reply', req, ZHAO, COMMUNITY_A)])
    expect(both.every((r) => r.ok)).toBe(true)
    expect(sends).toBe(1)
    expect((await findAll(h.store, 'chatMessages', { dir: 'out' })).map((m) => m.delivery)).toEqual(['wechat'])
  })

  it('falls back to the inbox when WeChat refuses the reply', async () => {
    await push()
    h.ports.kf.sendText = async () => ({ ok: false, errcode: 45015, errmsg: 'response out of time limit' })
    const r = okData(await h.call('desk.reply', { chatId: `${COMMUNITY_A}:u-wang`, text: '您好', clientRequestId: 'reply-0003' }, ZHAO, COMMUNITY_A))
    expect(r.message.delivery).toBe('inbox')
  })

  it("lets a resident write from the mini-program's chat page and read the answers", async () => {
    const mine = okData(await h.call('desk.sendChat', { text: '物业费发票怎么开？', clientRequestId: 'chat-app-0001' }, WANG, COMMUNITY_A)).messages
    expect(mine).toEqual([expect.objectContaining({ dir: 'in', text: '物业费发票怎么开？' })])
    okData(await h.call('desk.reply', { chatId: `${COMMUNITY_A}:u-wang`, text: '在小程序缴费记录里可申请电子发票', clientRequestId: 'reply-0004' }, ZHAO, COMMUNITY_A))
    const after = okData(await h.call('desk.myChat', {}, WANG, COMMUNITY_A)).messages
    expect(after.map((m) => [m.dir, m.delivery])).toEqual([
      ['in', 'received'],
      ['out', 'inbox']
    ])
  })

  it('turns a conversation into a work order in one action, linked both ways', async () => {
    await push()
    const chatId = `${COMMUNITY_A}:u-wang`
    const wo = okData(
      await h.call('desk.createWorkOrder', { householdId: 'h-a1-101', type: 'leak', channel: 'wechat', text: '厨房水管滴水', photos: [], chatId, clientRequestId: 'wo-from-chat-1' }, ZHAO, COMMUNITY_A)
    ).workOrder
    expect(wo.source).toBe('chat')
    const { chat, messages } = okData(await h.call('desk.chat', { chatId }, ZHAO, COMMUNITY_A))
    expect(chat.workOrder).toEqual({ id: wo.id, no: wo.no })
    expect(messages.at(-1)).toMatchObject({ dir: 'note', text: expect.stringContaining(wo.no) })
  })

  it('keeps conversations to their community and refuses an unknown one', async () => {
    await push()
    expect(okData(await h.call('desk.chats', { view: 'all' }, as('u-operator-wu'), COMMUNITY_B)).chats).toEqual([])
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('desk.reply', { chatId: `${COMMUNITY_A}:u-wang`, text: '您好', clientRequestId: 'reply-0005' }, as('u-operator-wu'), COMMUNITY_B))).toBe('CHAT.NOT_FOUND')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

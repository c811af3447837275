/**
 * The message centre and notices through the real request path: the inbox paged, read one by one
 * and all at once; a notice reaching only its audience, read receipts once a household, read rates
 * per building, and a butler's nudges to the households that have not read it.
 */
import type { NoticeInput } from '../../cloudfunctions/contracts/message'
import type { InboxDoc } from '../../cloudfunctions/domain/docs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { inboxNotifier } from '../../cloudfunctions/adapters/inbox-notifier'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'
import { newCrid, payBills, sandboxOf, unpaidIds } from '../support/pay'
import { paymentMessages } from '../../cloudfunctions/domain/payment/messages'

const WANG = as('u-wang') // 1栋 101 and 2栋 302
const LI = as('u-li') // 1栋 101
const ZHAO = as('u-zhao') // 3栋 201
const OPERATOR = as('u-operator-wu')
const SERVICE = as('u-service-zhao')
const ZHANG = as('u-butler-zhang') // 东区网格: 1栋
const B_RESIDENT = as('u-b-resident')

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

let n = 0
function draft(over: Partial<NoticeInput> = {}): NoticeInput {
  return {
    title: '2 号楼停水通知',
    category: 'outage',
    blocks: [
      { type: 'heading', text: '停水时间' },
      { type: 'text', text: '因管道检修，12 月 8 日 9:00-15:00 停水，请提前储水。' }
    ],
    audience: { kind: 'community' },
    clientRequestId: `notice-req-${++n}`,
    ...over
  }
}

async function publish(over: Partial<NoticeInput> = {}, by = OPERATOR): Promise<string> {
  return okData(await h.call('message.saveNotice', draft(over), by, COMMUNITY_A)).id
}

async function message(userId: string, i: number, at: number): Promise<void> {
  const doc: InboxDoc = { _id: `m-${userId}-${i}`, userId, communityId: COMMUNITY_A, kind: i % 2 ? 'arrears' : 'booking_progress', title: `消息 ${i}`, body: '正文', link: '/packages/fee/pages/bills/index', read: false, createdAt: at }
  expect((await h.store.insert('inbox', doc)).ok).toBe(true)
}

describe('inbox', () => {
  it('pages newest first across ties, marks one read and then all read', async () => {
    const before = okData(await h.call('message.unread', {}, ZHAO)).inbox
    const t = h.clock.now()
    // 45 messages, every three sharing a millisecond: the cursor must not skip or repeat any.
    for (let i = 0; i < 45; i++) await message('u-zhao', i, t + Math.floor(i / 3))
    const seen: string[] = []
    let cursor: string | undefined
    for (;;) {
      const page = okData(await h.call('message.inbox', cursor ? { cursor } : {}, ZHAO))
      seen.push(...page.items.map((m) => m.id))
      expect(page.unread).toBe(before + 45)
      if (!page.cursor) break
      cursor = page.cursor
    }
    const mine = seen.filter((id) => id.startsWith('m-u-zhao-'))
    expect(new Set(mine).size).toBe(45)
    expect(mine[0]).toBe('m-u-zhao-44')
    const first = okData(await h.call('message.inbox', {}, ZHAO)).items[0]!
    expect(first).toMatchObject({ group: 'service', read: false, communityName: null })

    expect(okData(await h.call('message.markRead', { messageIds: ['m-u-zhao-44', 'm-u-zhao-43'] }, ZHAO)).unread).toBe(before + 43)
    expect(okData(await h.call('message.inbox', {}, ZHAO)).items[0]!.read).toBe(true)
    h.clock.advance(100)
    expect(okData(await h.call('message.markAllRead', {}, ZHAO)).unread).toBe(0)
    const after = okData(await h.call('message.inbox', {}, ZHAO))
    expect(after.items.every((m) => m.read)).toBe(true)
    // A message that arrives later is unread again.
    h.clock.advance(1000)
    await message('u-zhao', 99, h.clock.now())
    expect(okData(await h.call('message.unread', {}, ZHAO)).inbox).toBe(1)
  })

  it("marking someone else's message does nothing to it", async () => {
    await message('u-li', 1, h.clock.now())
    okData(await h.call('message.markRead', { messageIds: ['m-u-li-1'] }, ZHAO))
    expect((await h.store.get('inbox', 'm-u-li-1'))?.read).toBe(false)
    expect(okData(await h.call('message.inbox', {}, ZHAO)).items.map((m) => m.id)).not.toContain('m-u-li-1')
  })

  it('refuses a forged cursor', async () => {
    expect(codeOf(await h.call('message.inbox', { cursor: 'x_y' }, ZHAO))).toBe('REQUEST.INVALID_INPUT')
  })
})

describe('notices', () => {
  it('reaches only the buildings chosen; one receipt a household however often it is opened', async () => {
    const id = await publish({ audience: { kind: 'buildings', buildingIds: ['b-a1'] }, important: true })
    const wangFeed = okData(await h.call('message.feed', {}, WANG, COMMUNITY_A))
    expect(wangFeed.items.map((x) => x.id)).toContain(id)
    expect(wangFeed.items.find((x) => x.id === id)).toMatchObject({ read: false, important: true, excerpt: expect.stringContaining('管道检修') })
    expect(okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).items.map((x) => x.id)).not.toContain(id)
    expect(codeOf(await h.call('message.notice', { id }, ZHAO, COMMUNITY_A))).toBe('NOTICE.NOT_FOUND')
    const unreadBefore = okData(await h.call('message.unread', { communityId: COMMUNITY_A }, LI)).notices
    expect(okData(await h.call('message.unread', { communityId: COMMUNITY_A }, ZHAO)).notices).toBe(okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).unread)

    const opened = okData(await h.call('message.notice', { id }, WANG, COMMUNITY_A))
    expect(opened).toMatchObject({ title: '2 号楼停水通知', read: true, communityName: expect.any(String) })
    await h.call('message.notice', { id }, WANG, COMMUNITY_A)
    await h.call('message.notice', { id }, LI, COMMUNITY_A) // same household
    const receipts = await findAll(h.store, 'noticeReads', { noticeId: id })
    expect(receipts.map((r) => r.householdId)).toEqual(['h-a1-101'])
    expect((await h.store.get('notices', id))?.reads).toBe(1)
    // 李秀英 shares the household: the home's receipt counts for her too.
    expect(okData(await h.call('message.unread', { communityId: COMMUNITY_A }, LI)).notices).toBe(unreadBefore - 1)

    const stats = okData(await h.call('message.noticeStats', { id }, SERVICE, COMMUNITY_A))
    expect(stats.buildings).toEqual([{ buildingId: 'b-a1', name: '1栋', households: 20, reads: 1 }])
    expect(stats).toMatchObject({ households: 20, reads: 1, notice: { audienceLabel: '1栋', state: 'live', reads: 1 } })
  })

  it('a scheduled notice shows from its time, an expired or withdrawn one no more', async () => {
    const now = h.clock.now()
    const later = await publish({ publishAt: now + 3600_000, expiresAt: now + 7200_000 })
    expect(okData(await h.call('message.staffNotices', {}, OPERATOR, COMMUNITY_A)).items.find((x) => x.id === later)?.state).toBe('scheduled')
    expect(okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).items.map((x) => x.id)).not.toContain(later)
    h.clock.advance(3600_000)
    expect(okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).items.map((x) => x.id)).toContain(later)
    h.clock.advance(3600_000)
    expect(okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).items.map((x) => x.id)).not.toContain(later)

    const other = await publish()
    expect(okData(await h.call('message.withdrawNotice', { id: other }, SERVICE, COMMUNITY_A)).state).toBe('withdrawn')
    expect(okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).items.map((x) => x.id)).not.toContain(other)
    expect(codeOf(await h.call('message.saveNotice', { ...draft(), id: other }, OPERATOR, COMMUNITY_A))).toBe('NOTICE.WITHDRAWN')
  })

  it('pinned first; edits keep the receipts; a resubmitted publish writes once', async () => {
    const first = await publish({ title: '先发的通知' })
    h.clock.advance(60_000)
    const pinned = await publish({ title: '置顶的通知', pinned: true })
    h.clock.advance(60_000)
    const req = draft({ title: '后发的通知', clientRequestId: 'same-request-1' })
    const last = okData(await h.call('message.saveNotice', req, OPERATOR, COMMUNITY_A)).id
    expect(okData(await h.call('message.saveNotice', req, OPERATOR, COMMUNITY_A)).id).toBe(last)
    const order = okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).items.map((x) => x.id)
    // Pinned ones first (the seeded pinned notice is older), then the newest.
    expect(order.indexOf(pinned)).toBeLessThan(order.indexOf('n-seed-heating'))
    expect(order.filter((x) => [last, first].includes(x))).toEqual([last, first])
    expect(order.indexOf('n-seed-heating')).toBeLessThan(order.indexOf(last))

    await h.call('message.notice', { id: first }, ZHAO, COMMUNITY_A)
    const edit = okData(await h.call('message.editableNotice', { id: first }, OPERATOR, COMMUNITY_A))
    okData(await h.call('message.saveNotice', { ...draft({ title: '先发的通知（更正）' }), id: edit.id, publishAt: edit.publishAt }, OPERATOR, COMMUNITY_A))
    const card = okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).items.find((x) => x.id === first)
    expect(card).toMatchObject({ title: '先发的通知（更正）', read: true })
  })

  it('a grid audience and a butler nudging the households that have not read it, once a day', async () => {
    const id = await publish({ audience: { kind: 'grid', gridId: 'g-a-east' }, important: true })
    await h.call('message.notice', { id }, WANG, COMMUNITY_A)
    const unread = okData(await h.call('message.gridUnread', { id }, ZHANG, COMMUNITY_A))
    expect(unread.total).toBe(20)
    expect(unread.notice.audienceLabel).toBe('东区网格')
    expect(unread.households).toHaveLength(19)
    expect(unread.households.map((x) => x.householdId)).not.toContain('h-a1-101')
    const target = unread.households.find((x) => x.members > 0)!
    expect(target).toMatchObject({ lastNudgedAt: null, nudgedToday: false })

    const sent = okData(await h.call('message.nudge', { id, householdId: target.householdId }, ZHANG, COMMUNITY_A))
    expect(sent.members).toBe(target.members)
    const inbox = await findAll(h.store, 'inbox', { kind: 'notice-nudge' })
    expect(inbox).toHaveLength(target.members)
    expect(inbox[0]!.link).toContain(`/packages/message/pages/notice/index?id=${id}`)
    expect(inbox[0]!.link).toContain(`communityId=${COMMUNITY_A}`)
    expect(codeOf(await h.call('message.nudge', { id, householdId: target.householdId }, ZHANG, COMMUNITY_A))).toBe('NOTICE.NUDGED_TODAY')
    expect(okData(await h.call('message.gridUnread', { id }, ZHANG, COMMUNITY_A)).households.find((x) => x.householdId === target.householdId)).toMatchObject({ nudgedToday: true })
    h.clock.advance(24 * 3600_000)
    okData(await h.call('message.nudge', { id, householdId: target.householdId }, ZHANG, COMMUNITY_A))
    expect(await findAll(h.store, 'noticeNudges', { noticeId: id })).toHaveLength(2)

    expect(codeOf(await h.call('message.nudge', { id, householdId: 'h-a1-101' }, ZHANG, COMMUNITY_A))).toBe('NOTICE.ALREADY_READ')
    expect(codeOf(await h.call('message.nudge', { id, householdId: 'h-a2-302' }, ZHANG, COMMUNITY_A))).toBe('NOTICE.NOT_IN_GRID')
    const empty = unread.households.find((x) => x.members === 0)
    if (empty) expect(codeOf(await h.call('message.nudge', { id, householdId: empty.householdId }, ZHANG, COMMUNITY_A))).toBe('NOTICE.NO_MEMBERS')
  })

  it("another community's notice is unknown to its staff and residents", async () => {
    const id = await publish()
    expect(codeOf(await h.call('message.notice', { id }, B_RESIDENT, COMMUNITY_B))).toBe('NOTICE.NOT_FOUND')
    expect(codeOf(await h.call('message.noticeStats', { id }, OPERATOR, COMMUNITY_B))).toBe('NOTICE.NOT_FOUND')
    expect(codeOf(await h.call('message.withdrawNotice', { id }, OPERATOR, COMMUNITY_B))).toBe('NOTICE.NOT_FOUND')
    expect(codeOf(await h.call('message.saveNotice', draft({ audience: { kind: 'buildings', buildingIds: ['b-b1'] } }), OPERATOR, COMMUNITY_A))).toBe('NOTICE.AUDIENCE_INVALID')
  })

  it.each([
    ['an empty title', { title: ' ' }, 'title', '标题'],
    ['no body', { blocks: [] }, 'blocks', '正文'],
    ['a body with an empty paragraph', { blocks: [{ type: 'text' as const, text: '' }] }, 'blocks.0.text', undefined],
    ['buildings with none chosen', { audience: { kind: 'buildings' as const, buildingIds: [] } }, 'audience.buildingIds', '楼栋'],
    ['an expiry before the publish time', { publishAt: Date.now() + 7200_000, expiresAt: Date.now() + 3600_000 }, 'expiresAt', undefined],
    ['an unknown category', { category: 'gossip' as never }, 'category', '类别']
  ])('refuses %s, naming the field, and writes nothing', async (_what, over, path, label) => {
    const before = await snapshot(h.store)
    const err = errorOf(await h.call('message.saveNotice', { ...draft(), ...over }, OPERATOR, COMMUNITY_A))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    const field = err.fields?.find((f) => f.path === path)
    expect(field).toBeDefined()
    if (label) expect(field?.label).toBe(label)
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses an expiry already past with the field named', async () => {
    const before = await snapshot(h.store)
    const err = errorOf(await h.call('message.saveNotice', draft({ expiresAt: h.clock.now() - 60_000 }), OPERATOR, COMMUNITY_A))
    expect(err.fields?.[0]).toMatchObject({ path: 'expiresAt', label: '下线时间' })
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('money messages', () => {
  it('a paid payment and each refund leave one message each, whose link opens the receipt; a repeated report writes none', async () => {
    const paid = await payBills(h, (await unpaidIds(h)).slice(0, 2))
    const mine = () => findAll(h.store, 'inbox', { userId: 'u-wang', kind: { in: ['payment', 'refund'] } })
    const [message] = await mine()
    expect(message).toMatchObject({ kind: 'payment', title: expect.stringMatching(/^支付成功 ¥\d+\.\d{2}$/), link: expect.stringContaining(`/packages/fee/pages/receipt/index?paymentId=${paid._id}`) })
    expect(message!.body).toContain('等 2 项')
    // WeChat Pay may report the same payment again: the listener runs again and writes nothing new.
    await paymentMessages.onSettled(h.ports, (await h.store.get('payments', paid._id))!)
    expect(await mine()).toHaveLength(1)
    expect(okData(await h.call('message.inbox', {}, WANG)).items[0]).toMatchObject({ kind: 'payment', group: 'bill', read: false })

    const line = paid.lines[0]!
    okData(await h.call('pay.refund', { paymentId: paid._id, lines: [{ payableId: line.id, amountFen: line.amountFen }], reason: '业主多缴，退回', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    await sandboxOf(h).flush()
    const refunds = await findAll(h.store, 'refunds', { paymentId: paid._id })
    expect(refunds.map((r) => r.status)).toEqual(['succeeded'])
    const after = await mine()
    expect(after.map((m) => m.kind).sort()).toEqual(['payment', 'refund'])
    expect(after.find((m) => m.kind === 'refund')).toMatchObject({ title: expect.stringContaining('退款成功'), body: expect.stringContaining('业主多缴，退回') })
    await paymentMessages.onRefundSucceeded(h.ports, (await h.store.get('payments', paid._id))!, refunds[0]!)
    expect(await mine()).toHaveLength(2)
  })
})

describe('the seeded demo', () => {
  it("keeps each notice's count equal to its receipts, and the scheduled one out of sight", async () => {
    const notices = await findAll(h.store, 'notices', { communityId: COMMUNITY_A })
    for (const n of notices) expect((await findAll(h.store, 'noticeReads', { noticeId: n._id })).length).toBe(n.reads)
    const feed = okData(await h.call('message.feed', {}, ZHAO, COMMUNITY_A)).items.map((x) => x.id)
    expect(feed).toEqual(['n-seed-heating', 'n-seed-craft'])
    // 2栋's outage reaches 王建国 through his second home.
    expect(okData(await h.call('message.feed', {}, WANG, COMMUNITY_A)).items.map((x) => x.id)).toContain('n-seed-outage')
  })
})

describe('subscribe messages by group', () => {
  it('a granted group template pushes a message of that group once; without a grant only the inbox has it', async () => {
    const sent: { template: string; page: string; data: Record<string, string> }[] = []
    h.ports.notifier = inboxNotifier(h.store, h.clock, h.ports.random, {
      templateId: (t) => `tpl-${t}`,
      send: async (_openid, templateId, page, data) => {
        sent.push({ template: templateId, page, data })
        return { ok: true }
      }
    })
    const options = okData(await h.call('message.subscribeOptions', {}, ZHAO))
    expect(options.templates.map((t) => t.key)).toEqual(['bill', 'order', 'service', 'event', 'member', 'household', 'notice', 'work'])
    expect(okData(await h.call('message.subscribe', { templates: ['service'] }, ZHAO)).granted).toEqual(['service'])

    const progress = { userId: 'u-zhao', communityId: COMMUNITY_A, kind: 'booking_progress', title: '师傅已出发', body: '马师傅预计 20 分钟后到达', link: '/packages/service/pages/booking/index?id=b1' }
    await h.ports.notifier.notify(progress)
    await h.ports.notifier.notify(progress)
    expect(sent).toEqual([{ template: 'tpl-service', page: `packages/service/pages/booking/index?id=b1&communityId=${COMMUNITY_A}`, data: { thing1: '师傅已出发', thing2: '马师傅预计 20 分钟后到达', time3: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) } }])
    expect(await findAll(h.store, 'inbox', { userId: 'u-zhao', kind: 'booking_progress' })).toHaveLength(2)
  })
})

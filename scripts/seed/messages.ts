import type { InboxDoc } from '../../cloudfunctions/domain/docs'
import type { NoticeDoc, NoticeReadDoc } from '../../cloudfunctions/domain/message/docs'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'
import { demoPhoto } from './photos'

/**
 * The message centre's demo in 临苑社区, relative to `now`: four notices (a pinned heating notice
 * for everyone, an important outage for 2栋, an event with a photo, and one scheduled for
 * tomorrow), receipts from four homes of 1栋 matching the heating notice's count, and a few
 * messages in 王建国's inbox. Ids are fixed, so seeding twice changes nothing.
 */
const DAY = 24 * 3600_000
const OPERATOR = { authorId: 'u-operator-wu', authorName: '吴运营' }

function notice(now: number, n: Omit<NoticeDoc, 'communityId' | 'withdrawnAt' | 'authorId' | 'authorName' | 'createdAt' | 'updatedAt' | 'reads'> & { reads?: number }): NoticeDoc {
  return { communityId: COMMUNITY_A, withdrawnAt: null, reads: 0, ...OPERATOR, createdAt: Math.min(now, n.publishAt), updatedAt: Math.min(now, n.publishAt), ...n }
}

export function demoNotices(now: number): NoticeDoc[] {
  return [
    notice(now, {
      _id: 'n-seed-heating',
      title: '关于本年度冬季供暖的通知',
      category: 'property',
      pinned: true,
      important: false,
      publishAt: now - 3 * DAY,
      expiresAt: null,
      audience: { kind: 'community', buildingIds: [] },
      buildingIds: null,
      audienceLabel: '全体住户',
      reads: 4,
      blocks: [
        { type: 'text', text: '各位业主：本小区冬季供暖已于 11 月 15 日正式开始，至次年 3 月 15 日结束。' },
        { type: 'heading', text: '温馨提示' },
        { type: 'text', text: '1. 室内温度低于 18℃ 时，可在小程序「报修投诉」中提交，物业 24 小时内上门检测。\n2. 请勿私自改动暖气管道或阀门。\n3. 长期外出的住户请关好门窗，防止管道冻裂。' }
      ]
    }),
    notice(now, {
      _id: 'n-seed-outage',
      title: '2栋 电力检修停电通知',
      category: 'outage',
      pinned: false,
      important: true,
      publishAt: now - DAY,
      expiresAt: now + 5 * DAY,
      audience: { kind: 'buildings', buildingIds: ['b-a2'] },
      buildingIds: ['b-a2'],
      audienceLabel: '2栋',
      blocks: [
        { type: 'text', text: '因供电线路检修，后天 9:00-12:00 2栋将临时停电，电梯暂停运行。' },
        { type: 'text', text: '请提前做好准备，家中有老人或行动不便的住户，可联系网格管家协助上下楼。' }
      ]
    }),
    notice(now, {
      _id: 'n-seed-craft',
      title: '周六亲子手工课报名开始啦',
      category: 'activity',
      pinned: false,
      important: false,
      publishAt: now - 2 * DAY,
      expiresAt: now + 10 * DAY,
      audience: { kind: 'community', buildingIds: [] },
      buildingIds: null,
      audienceLabel: '全体住户',
      blocks: [
        { type: 'text', text: '本周六上午在社区活动室举办亲子手工课，材料由物业准备，每户限 2 人。' },
        { type: 'image', photo: demoPhoto('event-craft') },
        { type: 'text', text: '报名请进入小程序首页「社区活动」。' }
      ]
    }),
    notice(now, {
      _id: 'n-seed-cold',
      title: '寒潮降温提醒',
      category: 'tip',
      pinned: false,
      important: false,
      publishAt: now + DAY,
      expiresAt: now + 4 * DAY,
      audience: { kind: 'community', buildingIds: [] },
      buildingIds: null,
      audienceLabel: '全体住户',
      blocks: [{ type: 'text', text: '明后两天有寒潮，最低气温 -5℃，请关好门窗、检查水管保温，出行注意防滑。' }]
    })
  ]
}

/** Four homes of 1栋 opened the heating notice (its `reads` says 4). */
export function demoNoticeReads(now: number): NoticeReadDoc[] {
  // The seeded owners of these homes (demo.ts gives 1栋 and 2栋 owners u-r1, u-r2, ... in room order).
  const readers: [string, string][] = [['h-a1-102', 'u-r2'], ['h-a1-103', 'u-r3'], ['h-a1-201', 'u-r5'], ['h-a1-202', 'u-r6']]
  return readers.map(([householdId, userId], i) => ({
    _id: `n-seed-heating:${householdId}`,
    noticeId: 'n-seed-heating',
    communityId: COMMUNITY_A,
    householdId,
    buildingId: 'b-a1',
    userId,
    at: now - 2 * DAY + i * 3600_000
  }))
}

export function demoInbox(now: number): InboxDoc[] {
  const msg = (id: string, hoursAgo: number, kind: string, title: string, body: string, link: string, read: boolean): InboxDoc => ({
    _id: id,
    userId: 'u-wang',
    communityId: COMMUNITY_A,
    kind,
    title,
    body,
    link: `${link}${link.includes('?') ? '&' : '?'}communityId=${COMMUNITY_A}`,
    read,
    createdAt: now - hoursAgo * 3600_000
  })
  return [
    msg('m-seed-wang-points', 30, 'member-points', '积分到账', '参加「家电清洗体验会」获得 50 积分', '/packages/member/pages/points/index', false),
    msg('m-seed-wang-coupon', 52, 'member-coupon', '你有一张新优惠券', '保洁服务立减 20 元，30 天内有效', '/packages/member/pages/coupons/index', true)
  ]
}

export async function seedMessages(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  let inserted = 0
  let skipped = 0
  const put = async (coll: 'notices' | 'noticeReads' | 'inbox', docs: { _id: string }[]) => {
    for (const doc of docs) {
      const r = await store.insert(coll, doc)
      if (r.ok) inserted++
      else skipped++
    }
  }
  await put('notices', demoNotices(now))
  await put('noticeReads', demoNoticeReads(now))
  await put('inbox', demoInbox(now))
  return { inserted, skipped }
}

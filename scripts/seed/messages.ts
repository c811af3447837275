import type { InboxDoc } from '../../cloudfunctions/domain/docs'
import type { BallotDoc, NoticeDoc, NoticeReadDoc, SurveyDoc, SurveyResponseDoc, VoteDoc } from '../../cloudfunctions/domain/message/docs'
import { tally } from '../../cloudfunctions/domain/message/tally'
import { buildRoll, writeRoll } from '../../cloudfunctions/domain/message/vote-roll'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'
import { demoPhoto } from './photos'
import type { DocOf } from '../../cloudfunctions/kernel/collections'

/**
 * The message centre's demo in 临苑社区, relative to `now` (votes and the survey further down): four notices (a pinned heating notice
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

/**
 * 2027 年社区服务需求调研, open for a week to the whole community, with five homes' answers (two
 * entered door to door by 张管家).
 */
export function demoSurvey(now: number): { survey: SurveyDoc; responses: SurveyResponseDoc[] } {
  const survey: SurveyDoc = {
    _id: 's-seed-needs',
    communityId: COMMUNITY_A,
    title: '2027 年社区服务需求调研',
    intro: '为安排明年的到家服务与社区活动，想听听您家的需要。约 2 分钟，答案仅用于改进服务。',
    questions: [
      { key: 'q1', type: 'single', title: '家中是否有 65 岁以上老人', required: true, options: ['是', '否'], profileFact: 'hasElderly' },
      { key: 'q2', type: 'number', title: '家庭常住人口', required: true, options: [], min: 1, max: 20, profileFact: 'householdSize' },
      { key: 'q3', type: 'multi', title: '希望物业提供哪些到家服务', required: false, options: ['日常保洁', '家电清洗', '送菜上门', '老人陪护'] },
      { key: 'q4', type: 'rating', title: '对物业服务的总体满意度', required: true, options: [], max: 5 },
      { key: 'q5', type: 'text', title: '老人最需要哪些帮助', required: true, options: [], showIf: { key: 'q1', option: 0 } },
      { key: 'q6', type: 'text', title: '其他建议', required: false, options: [] }
    ],
    audience: { kind: 'community', buildingIds: [] },
    buildingIds: null,
    audienceLabel: '全体住户',
    anonymous: false,
    per: 'household',
    opensAt: now - 2 * DAY,
    closesAt: now + 7 * DAY,
    responses: 5,
    createdBy: 'u-service-zhao',
    createdByName: '赵客服',
    createdAt: now - 2 * DAY
  }
  const r = (householdId: string, buildingId: string, userId: string | null, hoursAgo: number, answers: SurveyResponseDoc['answers'], channel: SurveyResponseDoc['channel'] = 'miniapp'): SurveyResponseDoc => ({
    _id: `s-seed-needs:${householdId}`,
    surveyId: 's-seed-needs',
    communityId: COMMUNITY_A,
    householdId,
    buildingId,
    userId,
    channel,
    enteredBy: channel === 'miniapp' ? null : 'u-butler-zhang',
    answers,
    at: now - hoursAgo * 3600_000
  })
  return {
    survey,
    responses: [
      r('h-a1-102', 'b-a1', 'u-r2', 40, { q1: 0, q2: 3, q3: [0, 3], q4: 4, q5: '定期上门量血压' }),
      r('h-a1-103', 'b-a1', 'u-r3', 30, { q1: 1, q2: 2, q3: [1], q4: 5 }),
      r('h-a1-104', 'b-a1', null, 20, { q1: 0, q2: 4, q3: [2, 3], q4: 3, q5: '陪同就医' }, 'door'),
      r('h-a2-101', 'b-a2', 'u-r5', 12, { q1: 1, q2: 3, q3: [0, 1, 2], q4: 4, q6: '希望增加周末的社区活动' }),
      r('h-a1-201', 'b-a1', null, 6, { q1: 1, q2: 5, q4: 2, q6: '电梯维修能不能快一点' }, 'door')
    ]
  }
}

/**
 * Two owner votes of 临苑社区: one open (a charging shed, paid from common income), with a few
 * ballots; one closed and published (renewing the lift maintenance contract), carried by most of
 * 1栋's owners. Rolls are built from the seeded households like a vote made in the console.
 */
async function seedVotes(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  const roll = await buildRoll(store, COMMUNITY_A, null)
  const b1 = roll.filter((u) => u.buildingId === 'b-a1')
  const vote = (v: Pick<VoteDoc, '_id' | 'title' | 'description' | 'rule' | 'kind' | 'options' | 'buildingIds' | 'scopeLabel' | 'opensAt' | 'closesAt'>, units: typeof roll): VoteDoc => ({
    ...v,
    communityId: COMMUNITY_A,
    units: units.length,
    totalAreaCm2: units.reduce((s, u) => s + u.areaCm2, 0),
    totalOwners: new Set(units.map((u) => u.ownerKey)).size,
    rollChunks: 0,
    ballots: 0,
    tally: null,
    createdBy: 'u-operator-wu',
    createdByName: '吴运营',
    createdAt: v.opensAt
  })
  const ballot = (v: VoteDoc, u: (typeof roll)[number], option: number, at: number, i: number): BallotDoc => ({
    _id: `${v._id}:${u.householdId}`,
    voteId: v._id,
    communityId: COMMUNITY_A,
    householdId: u.householdId,
    buildingId: u.buildingId,
    areaCm2: u.areaCm2,
    ownerKey: u.ownerKey,
    option,
    channel: i % 3 === 0 ? 'paper' : 'miniapp',
    castBy: i % 3 === 0 ? 'u-butler-zhang' : 'u-operator-wu',
    photo: null,
    receipt: `SEED${String(i).padStart(4, '0')}`.replace(/[01]/g, (d) => (d === '0' ? 'A' : 'B')),
    castAt: at
  })
  const open = vote(
    {
      _id: 'v-seed-charging',
      title: '利用公共收益增设电动自行车集中充电棚',
      description: '拟在 3 栋北侧空地建设充电棚 1 处（约 40 个车位），费用从小区公共收益中列支，预计 6.8 万元。',
      rule: 'ordinary',
      kind: 'matter',
      options: [],
      buildingIds: null,
      scopeLabel: '全体业主',
      opensAt: now - 2 * DAY,
      closesAt: now + 5 * DAY
    },
    roll
  )
  const openBallots = roll.slice(2, 9).map((u, i) => ballot(open, u, i % 4 === 3 ? 1 : 0, now - (20 - i) * 3600_000, i + 1))
  open.ballots = openBallots.length
  const closed = vote(
    {
      _id: 'v-seed-lift',
      title: '1栋电梯维保单位续签三年',
      description: '现维保单位合同将到期，拟按原价续签三年，费用由 1 栋电梯维修资金列支。',
      rule: 'ordinary',
      kind: 'matter',
      options: [],
      buildingIds: ['b-a1'],
      scopeLabel: '1栋业主',
      opensAt: now - 20 * DAY,
      closesAt: now - 6 * DAY
    },
    b1
  )
  const closedBallots = b1.slice(0, 16).map((u, i) => ballot(closed, u, i < 12 ? 0 : i < 14 ? 1 : 2, closed.closesAt - (16 - i) * 7200_000, 100 + i))
  closed.ballots = closedBallots.length
  closed.tally = { ...tally(b1, closedBallots, 'ordinary', 'matter', 3), countedAt: closed.closesAt + 120_000 }
  let inserted = 0
  let skipped = 0
  const count = (ok: boolean) => (ok ? inserted++ : skipped++)
  for (const [v, units, ballots] of [[open, roll, openBallots], [closed, b1, closedBallots]] as const) {
    const rolled = await writeRoll(store, v._id, units)
    inserted += rolled.written
    skipped += rolled.chunks - rolled.written
    count((await store.insert('votes', { ...v, rollChunks: rolled.chunks })).ok)
    for (const b of ballots) count((await store.insert('ballots', b)).ok)
  }
  return { inserted, skipped }
}

export async function seedMessages(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  let inserted = 0
  let skipped = 0
  const put = async <K extends 'notices' | 'noticeReads' | 'inbox' | 'surveys' | 'surveyResponses'>(coll: K, docs: DocOf<K>[]) => {
    for (const doc of docs) {
      const r = await store.insert(coll, doc)
      if (r.ok) inserted++
      else skipped++
    }
  }
  await put('notices', demoNotices(now))
  await put('noticeReads', demoNoticeReads(now))
  await put('inbox', demoInbox(now))
  const { survey, responses } = demoSurvey(now)
  await put('surveys', [survey])
  await put('surveyResponses', responses)
  const votes = await seedVotes(store, now)
  inserted += votes.inserted
  skipped += votes.skipped
  return { inserted, skipped }
}

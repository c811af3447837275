import { createHash } from 'node:crypto'
import type { FormField, Reward } from '../../cloudfunctions/contracts/event'
import type { EventDoc, FeedbackDoc, IdeaDoc, InviteDoc, RewardGrantDoc, SignupDoc, VisitDoc } from '../../cloudfunctions/domain/event/docs'
import { queueKeyAt } from '../../cloudfunctions/domain/event/views'
import type { MembershipDoc } from '../../cloudfunctions/domain/docs'
import type { Store } from '../../cloudfunctions/kernel/store'
import { type DemoPhotoKey, demoPhoto } from './photos'
import { shanghaiMidnight } from '../../cloudfunctions/contracts/shanghai'

/**
 * Demo events in 临苑社区, relative to `now`: a small 服务体验会 that is full (its next sign-up
 * joins the waitlist), a family activity with room, a health talk starting within the hour
 * (tickets can be checked in right away), and a past session with attendees, feedback and an
 * idea on the board. Ids are fixed, so seeding twice changes nothing. u-r1 shares 1栋 101 with
 * the 王建国 persona, so it is left out: the personas can still sign up.
 */
const HOUR = 3600_000
const DAY = 24 * HOUR
const COMMUNITY = 'c-linyuan'

const slot = (h: number) => Math.floor(h / HOUR) * HOUR
/** Midnight in Asia/Shanghai, so demo events start at sensible local hours. */
const midnight = shanghaiMidnight

function base(pepper: string, id: string, now: number, photo: DemoPhotoKey): Pick<EventDoc, '_id' | 'communityId' | 'status' | 'ticketSecret' | 'createdBy' | 'createdAt' | 'updatedAt' | 'cover'> {
  return {
    _id: id,
    communityId: COMMUNITY,
    status: 'published',
    // Derived from the local secret pepper, so demo tickets are not forgeable from the source.
    ticketSecret: createHash('sha256').update(`${pepper}:ticket:${id}`).digest('base64url'),
    createdBy: 'u-staff-sun',
    createdAt: now - 3 * DAY,
    updatedAt: now - 3 * DAY,
    cover: demoPhoto(photo)
  }
}

const CLEANING_FIELDS: FormField[] = [
  { key: 'contact', label: '联系人', type: 'text', required: true, options: [] },
  { key: 'period', label: '体验时段', type: 'choice', required: true, options: ['上午', '下午'] },
  { key: 'rooms', label: '房间数', type: 'number', required: false, options: [] }
]
const POINTS = (points: number): Reward => ({ type: 'points', points })

export function demoEvents(pepper: string, now: number, memberships: readonly MembershipDoc[]) {
  const home = (userId: string) => memberships.find((m) => m.userId === userId)?.householdId ?? ''
  const start = slot(now)
  const day0 = midnight(now)
  const signup = (eventId: string, userId: string, status: SignupDoc['status'], at: number, extra: Partial<SignupDoc> = {}): SignupDoc => ({
    _id: `${eventId}:${home(userId)}:1`,
    eventId,
    communityId: COMMUNITY,
    householdId: home(userId),
    userId,
    status,
    answers: {},
    queueKey: queueKeyAt(at, userId),
    createdAt: at,
    updatedAt: at,
    ...(status === 'confirmed' || status === 'checkedIn' || status === 'noShow' ? { confirmedAt: at } : {}),
    ...extra
  })

  const cleaning: EventDoc = {
    ...base(pepper, 'ev-demo-cleaning', now, 'event-cleaning'),
    kind: 'experience',
    title: '上门深度保洁服务体验会',
    description: '物业新推出的上门深度保洁服务，先到社区活动中心体验：厨房油污、卫生间除垢现场演示，体验后可预约上门。',
    venue: '社区活动中心 2 楼',
    startAt: day0 + 3 * DAY + 10 * HOUR,
    endAt: day0 + 3 * DAY + 12 * HOUR,
    capacity: 2,
    signupOpensAt: now - DAY,
    signupClosesAt: day0 + 3 * DAY + 8 * HOUR,
    cancelHoursBefore: 24,
    seatsPerHousehold: 1,
    fields: CLEANING_FIELDS,
    rewards: { attendance: POINTS(20), feedback: { type: 'coupon', title: '保洁体验券', valueFen: 2000 } },
    verifierIds: ['u-verifier-zhou'],
    confirmed: 2,
    waiting: 0
  }
  const craft: EventDoc = {
    ...base(pepper, 'ev-demo-craft', now, 'event-craft'),
    kind: 'activity',
    title: '邻里亲子手工课',
    description: '周末亲子手工：用废旧纸箱做小房子，材料由社区提供。每户可报 2 位。',
    venue: '中心花园凉亭',
    startAt: day0 + 6 * DAY + 15 * HOUR,
    endAt: day0 + 6 * DAY + 17 * HOUR,
    capacity: 30,
    signupOpensAt: now - DAY,
    signupClosesAt: day0 + 6 * DAY + 12 * HOUR,
    cancelHoursBefore: 2,
    seatsPerHousehold: 2,
    fields: [{ key: 'kids', label: '孩子人数', type: 'number', required: true, options: [] }],
    rewards: { attendance: { type: 'card', title: '儿童托管服务卡', uses: 1 }, feedback: null },
    verifierIds: ['u-verifier-zhou'],
    confirmed: 1,
    waiting: 0
  }
  const health: EventDoc = {
    ...base(pepper, 'ev-demo-health', now, 'event-health'),
    kind: 'activity',
    title: '社区健康讲座：秋冬养生',
    description: '社区医院医生讲解秋冬常见病预防，现场免费测血压。',
    venue: '社区活动中心 1 楼',
    startAt: start + HOUR,
    endAt: start + 3 * HOUR,
    capacity: 20,
    signupOpensAt: now - 2 * DAY,
    signupClosesAt: start + HOUR,
    cancelHoursBefore: 0,
    seatsPerHousehold: 2,
    fields: [],
    rewards: { attendance: POINTS(10), feedback: null },
    verifierIds: ['u-verifier-zhou'],
    confirmed: 2,
    waiting: 0
  }
  const appliance: EventDoc = {
    ...base(pepper, 'ev-demo-appliance', now, 'event-appliance'),
    kind: 'experience',
    title: '家电清洗服务体验会',
    description: '空调、油烟机清洗服务体验，现场拆洗演示。',
    venue: '社区活动中心 2 楼',
    startAt: day0 - 2 * DAY + 14 * HOUR,
    endAt: day0 - 2 * DAY + 16 * HOUR,
    capacity: 10,
    signupOpensAt: now - 9 * DAY,
    signupClosesAt: day0 - 2 * DAY + 12 * HOUR,
    cancelHoursBefore: 24,
    seatsPerHousehold: 1,
    fields: [],
    rewards: { attendance: POINTS(20), feedback: POINTS(30) },
    verifierIds: ['u-verifier-zhou'],
    confirmed: 6,
    waiting: 0,
    closedAt: day0 - 2 * DAY + 17 * HOUR
  }

  const t = (e: EventDoc, k: number) => e.signupOpensAt + k * HOUR
  // 张管家 shared the appliance session into his building's group as sign-ups opened: five
  // neighbours opened it, two signed up through it and both came.
  const applianceInvite: InviteDoc = {
    _id: `${appliance._id}:u-butler-zhang`,
    eventId: appliance._id,
    communityId: COMMUNITY,
    butlerUserId: 'u-butler-zhang',
    token: 'demoApplianceZhang',
    shares: 2,
    visits: 5,
    signups: 2,
    checkins: 2,
    createdAt: appliance.signupOpensAt + 30 * 60_000
  }
  const visits: VisitDoc[] = ['u-r5', 'u-r6', 'u-r7', 'u-r10', 'u-r11'].map((userId, i) => ({
    _id: `${applianceInvite._id}:${userId}`,
    inviteId: applianceInvite._id,
    eventId: appliance._id,
    userId,
    groupIds: [],
    opens: 1 + (i % 2),
    firstAt: applianceInvite.createdAt + (i + 1) * 20 * 60_000,
    lastAt: applianceInvite.createdAt + (i + 1) * 40 * 60_000
  }))
  const checked = (e: EventDoc) => ({ checkedInAt: e.startAt + 5 * 60_000, checkedInBy: 'u-verifier-zhou' })
  const signups: SignupDoc[] = [
    signup(cleaning._id, 'u-zhao', 'confirmed', t(cleaning, 1), { answers: { contact: '赵晓雨', period: '上午' } }),
    signup(cleaning._id, 'u-r2', 'confirmed', t(cleaning, 2), { answers: { contact: '吴先生', period: '下午', rooms: 3 } }),
    signup(craft._id, 'u-r4', 'confirmed', t(craft, 1), { answers: { kids: 1 } }),
    signup(health._id, 'u-wang', 'confirmed', t(health, 1)),
    signup(health._id, 'u-r3', 'confirmed', t(health, 2)),
    signup(appliance._id, 'u-wang', 'checkedIn', t(appliance, 1), checked(appliance)),
    ...['u-r5', 'u-r6', 'u-r7', 'u-r8'].map((u, i) =>
      signup(appliance._id, u, 'checkedIn', t(appliance, 2 + i), {
        ...checked(appliance),
        ...(u === 'u-r5' ? { feedbackAt: appliance.endAt + HOUR } : {}),
        // 张管家's invitation brought two of them (the invitation funnel has real data).
        ...(u === 'u-r5' || u === 'u-r6' ? { inviteId: applianceInvite._id } : {})
      })
    ),
    signup(appliance._id, 'u-r9', 'noShow', t(appliance, 7))
  ]
  const grants: RewardGrantDoc[] = ['u-wang', 'u-r5', 'u-r6', 'u-r7', 'u-r8'].map((userId) => ({
    _id: `${appliance._id}:${userId}:attendance`,
    eventId: appliance._id,
    communityId: COMMUNITY,
    userId,
    kind: 'attendance',
    reward: POINTS(20),
    eventTitle: appliance.title,
    grantedAt: appliance.startAt + 5 * 60_000
  }))
  grants.push({ ...grants[1]!, _id: `${appliance._id}:u-r5:feedback`, kind: 'feedback', reward: POINTS(30), grantedAt: appliance.endAt + HOUR })
  const feedback: FeedbackDoc[] = [
    {
      _id: `${appliance._id}:u-r5`,
      eventId: appliance._id,
      communityId: COMMUNITY,
      userId: 'u-r5',
      ratings: { content: 5, organisation: 4, service: 5 },
      comment: '师傅讲得很细，油烟机拆洗看完就想约。',
      ideas: '希望增加上门除螨、洗地毯服务',
      createdAt: appliance.endAt + HOUR
    }
  ]
  const ideas: IdeaDoc[] = [
    {
      _id: `${appliance._id}:u-r5`,
      communityId: COMMUNITY,
      eventId: appliance._id,
      userId: 'u-r5',
      text: '希望增加上门除螨、洗地毯服务',
      tags: ['家政'],
      status: 'considered',
      createdAt: appliance.endAt + HOUR,
      updatedAt: appliance.endAt + 2 * HOUR
    }
  ]
  return { events: [cleaning, craft, health, appliance], signups, grants, feedback, ideas, invites: [applianceInvite], visits }
}

export async function seedEvents(store: Store, pepper: string, now: number, memberships: readonly MembershipDoc[]) {
  const d = demoEvents(pepper, now, memberships)
  let inserted = 0
  let skipped = 0
  const put = async (coll: Parameters<Store['insert']>[0], docs: { _id: string }[]) => {
    for (const doc of docs) {
      if ((await store.insert(coll, doc)).ok) inserted++
      else skipped++
    }
  }
  await put('events', d.events)
  await put('eventSignups', d.signups)
  await put('rewardGrants', d.grants)
  await put('eventFeedback', d.feedback)
  await put('serviceIdeas', d.ideas)
  await put('eventInvites', d.invites)
  await put('eventVisits', d.visits)
  return { inserted, skipped }
}

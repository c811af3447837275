import type { StaffRoleDoc, UserDoc } from '../../cloudfunctions/domain/docs'
import type { BookingDoc, ChecklistItem, ComplaintDoc, FollowUpDoc, RatingDoc, ServiceLineDoc, WorkerDoc } from '../../cloudfunctions/domain/booking/docs'
import { DAY, HOUR, localMidnight, slotEnd } from '../../cloudfunctions/domain/booking/slots'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A, DEMO_T0 } from './demo-ids'
import { demoPhoto } from './photos'

/**
 * Home-service demo data, relative to `now`: service lines with their standards, four workers
 * with skills and hours (two in-house, two from a partner), a dispatcher, past completed and
 * rated bookings (1栋 101 rated 马师傅 well, so the next booking prefers him; 1栋 102 rated
 * 杨师傅 low, which opened a follow-up for 张管家), and two complaints. Fixed ids: idempotent.
 */
export const WORKER_USERS = { ma: 'u-worker-ma', niu: 'u-worker-niu', yang: 'u-worker-yang', hu: 'u-worker-hu' } as const
export const DISPATCHER_USER = 'u-dispatch-lin'
export const DEMO_LINES = { clean: 'sl-a-clean', deep: 'sl-a-deep', nanny: 'sl-a-nanny', aircon: 'sl-a-aircon', appliance: 'sl-a-appliance', pipe: 'sl-a-pipe', electric: 'sl-a-electric' } as const

const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6]

const STANDARD: ChecklistItem[] = [
  { key: 'badge', label: '准时到达，出示工牌' },
  { key: 'shoes', label: '穿戴鞋套' },
  { key: 'mat', label: '工具放在垫布上' },
  { key: 'work', label: '按标准完成服务' },
  { key: 'tidy', label: '完工后清理现场' },
  { key: 'accept', label: '请住户验收' }
]
const REPAIR: ChecklistItem[] = [
  { key: 'badge', label: '准时到达，出示工牌' },
  { key: 'shoes', label: '穿戴鞋套' },
  { key: 'diagnose', label: '检查并说明故障原因' },
  { key: 'fix', label: '维修并试用正常' },
  { key: 'tidy', label: '完工后清理现场' }
]

function line(id: string, order: number, p: Omit<ServiceLineDoc, '_id' | 'communityId' | 'active' | 'order' | 'createdAt'>): ServiceLineDoc {
  return { _id: id, communityId: COMMUNITY_A, active: true, order, createdAt: 0, ...p }
}

export function demoLines(): ServiceLineDoc[] {
  return [
    line(DEMO_LINES.clean, 1, { name: '日常保洁', needs: ['save_effort', 'save_time'], category: 'housekeeping', kind: 'service', cover: demoPhoto('line-clean'), description: '两小时全屋除尘、厨卫清洁、地面清洁', priceFen: 12_000, durationMin: 120, freeUnderPropertyFee: false, slotCapacity: 3, checklist: STANDARD }),
    line(DEMO_LINES.deep, 2, { name: '深度保洁', needs: ['save_effort'], category: 'housekeeping', kind: 'service', cover: demoPhoto('line-deep'), description: '油烟机、玻璃、卫生间除垢的深度清洁', priceFen: 26_000, durationMin: 120, freeUnderPropertyFee: false, slotCapacity: 2, checklist: STANDARD }),
    line(DEMO_LINES.nanny, 3, { name: '家务整理', needs: ['save_effort', 'save_hassle'], category: 'housekeeping', kind: 'service', cover: demoPhoto('line-tidy'), description: '衣物收纳、冰箱整理、做一顿家常饭', priceFen: 18_000, durationMin: 120, freeUnderPropertyFee: false, slotCapacity: 2, checklist: STANDARD }),
    line(DEMO_LINES.aircon, 4, { name: '空调清洗', needs: ['peace_of_mind', 'save_hassle'], category: 'appliance', kind: 'service', cover: demoPhoto('line-aircon'), description: '挂机拆洗滤网、蒸发器杀菌', priceFen: 15_000, durationMin: 90, freeUnderPropertyFee: false, slotCapacity: 2, checklist: STANDARD }),
    line(DEMO_LINES.appliance, 5, { name: '家电维修', needs: ['peace_of_mind'], category: 'appliance', kind: 'service', cover: demoPhoto('line-appliance'), description: '洗衣机、冰箱、热水器等故障维修，上门检测后报价', priceFen: null, durationMin: 120, freeUnderPropertyFee: false, slotCapacity: 2, checklist: REPAIR }),
    line(DEMO_LINES.pipe, 6, { name: '管道疏通', needs: ['peace_of_mind'], category: 'plumbing', kind: 'repair', cover: demoPhoto('line-pipe'), description: '下水道、马桶堵塞，物业费包含，免费上门', priceFen: 0, durationMin: 60, freeUnderPropertyFee: true, slotCapacity: 2, checklist: REPAIR }),
    line(DEMO_LINES.electric, 7, { name: '水电维修', needs: ['peace_of_mind'], category: 'electric', kind: 'repair', cover: demoPhoto('line-electric'), description: '开关插座、灯具、水龙头维修，物业费包含', priceFen: 0, durationMin: 60, freeUnderPropertyFee: true, slotCapacity: 2, checklist: REPAIR })
  ]
}

function user(id: string, nickname: string, phone: string): UserDoc {
  return { _id: id, openid: `dev-${id}`, nickname, avatarUrl: '', phone, phoneTail: phone.slice(7), createdAt: 0, updatedAt: 0 }
}

function staff(userId: string, role: 'worker' | 'dispatcher'): StaffRoleDoc {
  return { _id: `${COMMUNITY_A}:${userId}:${role}`, userId, communityId: COMMUNITY_A, role, createdAt: DEMO_T0 }
}

function worker(id: string, userId: string, name: string, phone: string, partner: boolean, skills: WorkerDoc['skills'], days: number[], outstanding = false): WorkerDoc {
  return {
    _id: id,
    communityId: COMMUNITY_A,
    userId,
    name,
    phone,
    partner,
    ...(partner ? { partnerCompany: '邻帮家政服务公司' } : {}),
    skills,
    hours: { days, startMin: 9 * 60, endMin: 18 * 60 },
    active: true,
    outstanding,
    outstandingNote: outstanding ? '2025 年度服务之星' : '',
    createdAt: 0
  }
}

/** The workers' and the dispatcher's user records and roles; demo.ts lists them with the other users. */
export function bookingUsers(): UserDoc[] {
  return [
    user(WORKER_USERS.ma, '马师傅', '13700001001'),
    user(WORKER_USERS.yang, '杨师傅', '13700001002'),
    user(WORKER_USERS.niu, '牛师傅', '13700001003'),
    user(WORKER_USERS.hu, '胡师傅', '13700001004'),
    user(DISPATCHER_USER, '林调度', '13700002001')
  ]
}

export function bookingStaff(): StaffRoleDoc[] {
  return [...Object.values(WORKER_USERS).map((u) => staff(u, 'worker')), staff(DISPATCHER_USER, 'dispatcher')]
}

export function demoWorkers(): WorkerDoc[] {
  return [
    worker('w-a-ma', WORKER_USERS.ma, '马师傅', '13700001001', false, ['housekeeping'], ALL_WEEK, true),
    worker('w-a-yang', WORKER_USERS.yang, '杨师傅', '13700001002', true, ['housekeeping'], [1, 2, 3, 4, 5]),
    worker('w-a-niu', WORKER_USERS.niu, '牛师傅', '13700001003', false, ['appliance', 'plumbing', 'electric'], ALL_WEEK),
    worker('w-a-hu', WORKER_USERS.hu, '胡师傅', '13700001004', true, ['appliance', 'plumbing', 'electric', 'housekeeping'], [0, 1, 3, 5, 6])
  ]
}

interface PastSpec {
  id: string
  daysAgo: number
  lineId: keyof typeof DEMO_LINES
  household: string
  user: string
  workerId: string
  lateMin: number
  scores: RatingDoc['scores']
  comment: string
  nextTime?: RatingDoc['nextTime']
}

const PAST: PastSpec[] = [
  { id: 'bk-demo-past-1', daysAgo: 12, lineId: 'clean', household: 'h-a1-101', user: 'u-wang', workerId: 'w-a-ma', lateMin: 0, scores: { punctuality: 5, attitude: 5, process: 5, etiquette: 5, result: 4 }, comment: '马师傅很仔细，厨房擦得很干净', nextTime: 'same' },
  { id: 'bk-demo-past-2', daysAgo: 9, lineId: 'clean', household: 'h-a1-102', user: 'u-r2', workerId: 'w-a-yang', lateMin: 35, scores: { punctuality: 1, attitude: 3, process: 2, etiquette: 3, result: 3 }, comment: '迟到半小时，没穿鞋套', nextTime: 'different' },
  { id: 'bk-demo-past-3', daysAgo: 40, lineId: 'deep', household: 'h-a1-201', user: 'u-r5', workerId: 'w-a-ma', lateMin: 3, scores: { punctuality: 5, attitude: 5, process: 4, etiquette: 5, result: 5 }, comment: '很专业' },
  { id: 'bk-demo-past-4', daysAgo: 70, lineId: 'aircon', household: 'h-a2-101', user: 'u-r21', workerId: 'w-a-niu', lateMin: 0, scores: { punctuality: 5, attitude: 4, process: 4, etiquette: 4, result: 5 }, comment: '空调洗完凉快多了' },
  { id: 'bk-demo-past-5', daysAgo: 20, lineId: 'pipe', household: 'h-a2-102', user: 'u-r22', workerId: 'w-a-niu', lateMin: 10, scores: { punctuality: 4, attitude: 5, process: 4, etiquette: 4, result: 4 }, comment: '' },
  { id: 'bk-demo-past-6', daysAgo: 100, lineId: 'clean', household: 'h-a1-202', user: 'u-r6', workerId: 'w-a-yang', lateMin: 0, scores: { punctuality: 4, attitude: 4, process: 4, etiquette: 4, result: 4 }, comment: '' }
]

function past(p: PastSpec, lines: ServiceLineDoc[], now: number): { booking: BookingDoc; rating: RatingDoc } {
  const l = lines.find((x) => x._id === DEMO_LINES[p.lineId])!
  const slotStart = localMidnight(now - p.daysAgo * DAY) + 9 * HOUR
  const arrived = slotStart + p.lateMin * 60_000
  const booking: BookingDoc = {
    _id: p.id,
    idempotencyKey: `seed:${p.id}`,
    communityId: COMMUNITY_A,
    householdId: p.household,
    userId: p.user,
    contactName: '',
    lineId: l._id,
    lineName: l.name,
    category: l.category,
    kind: l.kind,
    slotStart,
    slotEnd: slotEnd(slotStart),
    counterHeld: false,
    workerId: p.workerId,
    status: 'done',
    payMode: l.freeUnderPropertyFee ? 'free' : 'after',
    payState: l.freeUnderPropertyFee ? 'free' : 'paid',
    priceFen: l.priceFen ?? 0,
    holdUntil: null,
    note: '',
    photos: [],
    assignedAt: slotStart - DAY,
    onWayAt: arrived - 20 * 60_000,
    arrivedAt: arrived,
    lateMin: p.lateMin,
    steps: Object.fromEntries(l.checklist.map((c, i) => [c.key, { at: arrived + (i + 1) * 10 * 60_000, photo: null }])),
    finishedAt: arrived + 100 * 60_000,
    finishNote: '',
    reassignments: [],
    rated: true,
    createdAt: slotStart - 2 * DAY,
    updatedAt: arrived + 2 * HOUR
  }
  const keys = ['punctuality', 'attitude', 'process', 'etiquette', 'result'] as const
  const avg100 = Math.round((keys.reduce((n, k) => n + p.scores[k], 0) * 100) / keys.length)
  const rating: RatingDoc = {
    _id: p.id,
    communityId: COMMUNITY_A,
    workerId: p.workerId,
    householdId: p.household,
    lineId: l._id,
    userId: p.user,
    scores: p.scores,
    avg100,
    comment: p.comment,
    nextTime: p.nextTime ?? 'any',
    at: arrived + 3 * HOUR
  }
  return { booking, rating }
}

export async function seedBooking(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  let inserted = 0
  let skipped = 0
  const put = async (coll: Parameters<Store['insert']>[0], docs: { _id: string }[]) => {
    for (const doc of docs) {
      const r = await store.insert(coll, doc)
      if (r.ok) inserted++
      else skipped++
    }
  }
  const lines = demoLines()
  await put('serviceLines', lines)
  await put('workers', demoWorkers())
  const rows = PAST.map((p) => past(p, lines, now))
  await put('bookings', rows.map((r) => r.booking))
  await put('ratings', rows.map((r) => r.rating))
  const low = rows.find((r) => r.booking._id === 'bk-demo-past-2')!
  const follow: FollowUpDoc = {
    _id: `rating:${low.booking._id}`,
    communityId: COMMUNITY_A,
    butlerUserId: 'u-butler-zhang',
    householdId: low.booking.householdId,
    householdLabel: '1栋 102',
    bookingId: low.booking._id,
    lineName: low.booking.lineName,
    workerName: '杨师傅',
    avg100: low.rating.avg100,
    comment: low.rating.comment,
    status: 'open',
    note: '',
    createdAt: low.rating.at,
    closedAt: null
  }
  await put('followUps', [follow])
  const complaint = (id: string, household: string, buildingId: string, label: string, userId: string, daysAgo: number, p: Partial<ComplaintDoc>): ComplaintDoc => ({
    _id: id,
    idempotencyKey: `seed:${id}`,
    communityId: COMMUNITY_A,
    householdId: household,
    buildingId,
    householdLabel: label,
    userId,
    category: 'environment',
    text: '',
    photos: [],
    status: 'open',
    response: '',
    firstResponseAt: null,
    resolvedAt: null,
    rating: null,
    createdAt: now - daysAgo * DAY,
    updatedAt: now - daysAgo * DAY,
    ...p
  })
  await put('complaints', [
    complaint('cp-demo-1', 'h-a1-101', 'b-a1', '1栋 101', 'u-wang', 3, {
      category: 'noise',
      text: '楼上装修周末早上 7 点就开始电钻，影响休息',
      status: 'resolved',
      response: '已联系 2 楼住户，装修时间调整为 9:00-18:00',
      firstResponseAt: now - 3 * DAY + 40 * 60_000,
      resolvedAt: now - 2 * DAY
    }),
    complaint('cp-demo-2', 'h-a2-101', 'b-a2', '2栋 101', 'u-r21', 1, { category: 'environment', text: '2 栋门口垃圾桶满了一整天没人清运' })
  ])
  return { inserted, skipped }
}

import { DEFAULT_SLA, type Channel, type WorkStatus, type WorkType } from '../../cloudfunctions/contracts/desk-kinds'
import type { ChatDoc, ChatMessageDoc, WorkOrderDoc } from '../../cloudfunctions/domain/desk/docs'
import { deadlines, nextAlarm } from '../../cloudfunctions/domain/desk/sla'
import { workOrderNo } from '../../cloudfunctions/domain/desk/views'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'

/**
 * The service desk's demo in 临苑社区, relative to `now`: a leak logged by phone 40 minutes ago
 * whose answer is already late (the SLA job reminds and escalates it on the local server), a
 * request in hand, a repair done yesterday that 王建国 has yet to rate, one closed by a return
 * call, and a 微信客服 message from 王建国 waiting for an answer. Ids are fixed, so seeding twice
 * changes nothing.
 */
const MIN = 60_000
const HOUR = 60 * MIN

interface Seed {
  id: string
  householdId: string
  buildingId: string
  label: string
  type: WorkType
  channel: Channel
  text: string
  contactName: string
  assignee: { userId: string; name: string } | null
  ago: number
  status: WorkStatus
  /** Minutes after logging each step was taken. */
  steps?: { respond?: number; arrive?: number; finish?: number }
  visit?: WorkOrderDoc['visit']
}

const SEEDS: Seed[] = [
  {
    id: 'wo-demo-leak',
    householdId: 'h-a2-202',
    buildingId: 'b-a2',
    label: '2栋 202',
    type: 'leak',
    channel: 'phone400',
    text: '厨房水槽下面的水管接口在漏水，地上已经积水',
    contactName: '吴先生',
    assignee: { userId: 'u-worker-niu', name: '牛师傅' },
    ago: 40 * MIN,
    status: 'open'
  },
  {
    id: 'wo-demo-request',
    householdId: 'h-a1-102',
    buildingId: 'b-a1',
    label: '1栋 102',
    type: 'request',
    channel: 'wechat',
    text: '想问装修押金什么时候可以退',
    contactName: '吴先生',
    assignee: { userId: 'u-butler-zhang', name: '张管家' },
    ago: 3 * HOUR,
    status: 'accepted',
    steps: { respond: 20 }
  },
  {
    id: 'wo-demo-rate',
    householdId: 'h-a1-101',
    buildingId: 'b-a1',
    label: '1栋 101',
    type: 'repair',
    channel: 'walkin',
    text: '卫生间排风扇不转了',
    contactName: '王先生',
    assignee: { userId: 'u-worker-niu', name: '牛师傅' },
    ago: 26 * HOUR,
    status: 'done',
    steps: { respond: 12, arrive: 150, finish: 190 }
  },
  {
    id: 'wo-demo-visited',
    householdId: 'h-a3-201',
    buildingId: 'b-a3',
    label: '3栋 201',
    type: 'complaint',
    channel: 'phone400',
    text: '楼下早上六点就有人打羽毛球，声音很大',
    contactName: '赵女士',
    assignee: { userId: 'u-butler-liu', name: '刘管家' },
    ago: 3 * 24 * HOUR,
    status: 'visited',
    steps: { respond: 25, finish: 600 },
    visit: { by: 'call', score: 4, note: '住户表示已改善，希望周末也能提醒', at: 0, byName: '赵客服', byUserId: 'u-service-zhao' }
  }
]

function workOrder(s: Seed, now: number): WorkOrderDoc {
  const at = now - s.ago
  const rule = DEFAULT_SLA[s.type]
  const stamp = (m: number | undefined) => (m === undefined ? null : at + m * MIN)
  const doc: WorkOrderDoc = {
    _id: s.id,
    idempotencyKey: `seed:${s.id}`,
    no: workOrderNo(s.id, at),
    communityId: COMMUNITY_A,
    householdId: s.householdId,
    buildingId: s.buildingId,
    householdLabel: s.label,
    type: s.type,
    channel: s.channel,
    source: s.channel === 'wechat' ? 'chat' : 'desk',
    sourceId: null,
    follows: false,
    text: s.text,
    photos: [],
    contactName: s.contactName,
    contactPhone: null,
    assigneeUserId: s.assignee?.userId ?? null,
    assigneeName: s.assignee?.name ?? '',
    status: s.status,
    rule,
    clockFrom: at,
    due: deadlines(at, rule),
    respondedAt: stamp(s.steps?.respond),
    arrivedAt: stamp(s.steps?.arrive),
    finishedAt: stamp(s.steps?.finish),
    alerts: {},
    alarmAt: null,
    breached: false,
    reopenCount: 0,
    visit: s.visit ? { ...s.visit, at: at + 26 * HOUR } : null,
    history: [
      { at, byName: '赵客服', action: '登记', note: s.assignee ? `派给 ${s.assignee.name}` : '待派单' },
      ...(s.steps?.respond !== undefined ? [{ at: at + s.steps.respond * MIN, byName: s.assignee?.name ?? '', action: '响应', note: '' }] : []),
      ...(s.steps?.arrive !== undefined ? [{ at: at + s.steps.arrive * MIN, byName: s.assignee?.name ?? '', action: '到场', note: '' }] : []),
      ...(s.steps?.finish !== undefined ? [{ at: at + s.steps.finish * MIN, byName: s.assignee?.name ?? '', action: '完成', note: '' }] : [])
    ],
    createdByUserId: 'u-service-zhao',
    createdAt: at,
    updatedAt: at,
    rev: 1
  }
  doc.alarmAt = nextAlarm(doc)
  return doc
}

export function demoWorkOrders(now: number): WorkOrderDoc[] {
  return SEEDS.map((s) => workOrder(s, now))
}

function demoChat(now: number): { chat: ChatDoc; messages: ChatMessageDoc[] } {
  const chatId = `${COMMUNITY_A}:u-wang`
  const at = now - 25 * MIN
  const base = { chatId, communityId: COMMUNITY_A, householdId: 'h-a1-101', imageUrl: null, byUserId: 'u-wang', byName: '王建国', delivery: 'received' as const }
  return {
    chat: {
      _id: chatId,
      communityId: COMMUNITY_A,
      userId: 'u-wang',
      openid: 'dev-u-wang',
      residentName: '王建国',
      householdId: 'h-a1-101',
      householdLabel: '1栋 101',
      lastText: '楼道的声控灯坏了好几天了，晚上回家很黑',
      lastAt: at,
      lastWechatAt: at,
      unanswered: true,
      workOrderId: null,
      workOrderNo: null,
      createdAt: at - 2 * MIN
    },
    messages: [
      { ...base, _id: 'wx:seed-1', dir: 'in', kind: 'event', text: '进入了客服会话', at: at - 2 * MIN },
      { ...base, _id: 'wx:seed-2', dir: 'in', kind: 'text', text: '楼道的声控灯坏了好几天了，晚上回家很黑', at }
    ]
  }
}

export async function seedDesk(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  let inserted = 0
  let skipped = 0
  const { chat, messages } = demoChat(now)
  const writes = [
    ...demoWorkOrders(now).map((d) => store.insert('workOrders', d)),
    store.insert('chats', chat),
    ...messages.map((m) => store.insert('chatMessages', m))
  ]
  for (const r of await Promise.all(writes)) {
    if (r.ok) inserted++
    else skipped++
  }
  return { inserted, skipped }
}

import type { EventDraft, FormField, Reward } from '@contracts/event'
import { formatDateTime, parseShanghai } from '../../../../utils/time'
import type { EventView, editorOptions } from '../../../../services/event'
import { parseYuan, yuanInput } from '../../../../utils/money'

/** The editor works in text; these convert between it and the contract's draft. */
export interface DraftText {
  kind: EventDraft['kind']
  title: string
  description: string
  venue: string
  start: string
  end: string
  opens: string
  closes: string
  capacity: string
  seats: string
  cancelHours: string
  fields: FormField[]
  attendance: RewardText
  feedback: RewardText
  verifierIds: string[]
}

export interface RewardText {
  type: 'none' | Reward['type']
  amount: string
  title: string
}

const reward = (r: RewardText): Reward | null => {
  const n = Number(r.amount)
  if (r.type === 'points') return { type: 'points', points: n }
  if (r.type === 'coupon') return { type: 'coupon', title: r.title, valueFen: parseYuan(r.amount) ?? Number.NaN }
  if (r.type === 'card') return { type: 'card', title: r.title, uses: n }
  return null
}
const rewardText = (r: Reward | null): RewardText =>
  !r ? { type: 'none', amount: '', title: '' }
    : r.type === 'points' ? { type: 'points', amount: String(r.points), title: '' }
    : r.type === 'coupon' ? { type: 'coupon', amount: yuanInput(r.valueFen), title: r.title }
    : { type: 'card', amount: String(r.uses), title: r.title }

export function toDraft(t: DraftText): unknown {
  return {
    kind: t.kind,
    title: t.title,
    cover: '',
    description: t.description,
    venue: t.venue,
    startAt: parseShanghai(t.start),
    endAt: parseShanghai(t.end),
    capacity: Number(t.capacity),
    signupOpensAt: parseShanghai(t.opens),
    signupClosesAt: parseShanghai(t.closes),
    cancelHoursBefore: Number(t.cancelHours),
    seatsPerHousehold: Number(t.seats),
    fields: t.fields,
    rewards: { attendance: reward(t.attendance), feedback: reward(t.feedback) },
    verifierIds: t.verifierIds
  }
}

export function blankDraft(now: number): DraftText {
  const day = 24 * 3600_000
  const at = Math.ceil((now + 7 * day) / 3600_000) * 3600_000
  return {
    kind: 'experience',
    title: '',
    description: '',
    venue: '社区活动中心',
    start: formatDateTime(at),
    end: formatDateTime(at + 2 * 3600_000),
    opens: formatDateTime(Math.ceil(now / 3600_000) * 3600_000),
    closes: formatDateTime(at - 2 * 3600_000),
    capacity: '20',
    seats: '1',
    cancelHours: '24',
    fields: [{ key: 'contact', label: '联系人', type: 'text', required: true, options: [] }],
    attendance: { type: 'points', amount: '20', title: '' },
    feedback: { type: 'none', amount: '', title: '' },
    verifierIds: []
  }
}

export function fromEvent(e: EventView): DraftText {
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    venue: e.venue,
    start: formatDateTime(e.startAt),
    end: formatDateTime(e.endAt),
    opens: formatDateTime(e.signupOpensAt),
    closes: formatDateTime(e.signupClosesAt),
    capacity: String(e.capacity),
    seats: String(e.seatsPerHousehold),
    cancelHours: String(e.cancelHoursBefore),
    fields: e.fields,
    attendance: rewardText(e.rewards.attendance),
    feedback: rewardText(e.rewards.feedback),
    verifierIds: e.verifierIds
  }
}

export type EventTemplate = Extract<Awaited<ReturnType<typeof editorOptions>>, { ok: true }>['data']['templates'][number]

/** A template's programme on the blank draft's dates (a week out), keeping the verifiers chosen. */
export function fromTemplate(tpl: EventTemplate, now: number, current: DraftText): DraftText {
  const blank = blankDraft(now)
  const start = parseShanghai(blank.start)
  return {
    ...blank,
    kind: tpl.kind,
    title: tpl.title,
    description: tpl.description,
    venue: tpl.venue,
    end: formatDateTime(start + tpl.durationMin * 60_000),
    capacity: String(tpl.capacity),
    seats: String(tpl.seatsPerHousehold),
    cancelHours: String(tpl.cancelHoursBefore),
    fields: tpl.fields,
    attendance: rewardText(tpl.rewards.attendance),
    feedback: rewardText(tpl.rewards.feedback),
    verifierIds: current.verifierIds
  }
}

import { type EventDraft, EventDraftSchema, type EventViewT, type FormField, type Reward } from '@contracts/event'
import type { OutputOf } from '@contracts/registry'
import { parseYuan, yuanInput } from './money'
import { shanghaiMidnight, shanghaiWall } from '@contracts/shanghai'

/** An event's editor, shared by the mini-program's event staff pages and the office console. */

export type EventTemplate = OutputOf<'event.editorOptions'>['templates'][number]

/** The editor's state: times as instants (chosen with pickers), counts as typed until saving. */
export interface DraftForm {
  kind: EventDraft['kind']
  title: string
  cover: string | null
  description: string
  venue: string
  startAt: number
  endAt: number
  opensAt: number
  closesAt: number
  capacity: string
  seats: number
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

/** The reward kinds an editor offers, none first. */
export const REWARD_CHOICES: { value: RewardText['type']; label: string }[] = [
  { value: 'none', label: '无' },
  { value: 'points', label: '积分' },
  { value: 'coupon', label: '优惠券' },
  { value: 'card', label: '服务卡' }
]

const HOUR = 3600_000
const DAY = 24 * HOUR

/**
 * A new event's default time: Saturday 09:00-11:00 (Shanghai), the first one whose sign-up,
 * closing the day before at 18:00, stays open for at least a day from now.
 */
export function defaultTimes(now: number): Pick<DraftForm, 'startAt' | 'endAt' | 'opensAt' | 'closesAt'> {
  const midnight = shanghaiMidnight(now)
  const weekday = shanghaiWall(now).getUTCDay()
  let startAt = midnight + ((6 - weekday + 7) % 7) * DAY + 9 * HOUR
  while (startAt - 15 * HOUR < now + DAY) startAt += 7 * DAY
  return { startAt, endAt: startAt + 2 * HOUR, opensAt: Math.floor(now / 60_000) * 60_000, closesAt: startAt - 15 * HOUR }
}

const rewardText = (r: Reward | null): RewardText =>
  !r ? { type: 'none', amount: '', title: '' }
    : r.type === 'points' ? { type: 'points', amount: String(r.points), title: '' }
    : r.type === 'coupon' ? { type: 'coupon', amount: yuanInput(r.valueFen), title: r.title }
    : { type: 'card', amount: String(r.uses), title: r.title }

export function blankDraft(now: number): DraftForm {
  return {
    kind: 'experience',
    title: '',
    cover: null,
    description: '',
    venue: '社区活动中心',
    ...defaultTimes(now),
    capacity: '20',
    seats: 1,
    cancelHours: '24',
    fields: [{ key: 'contact', label: '联系人', type: 'text', required: true, options: [] }],
    attendance: { type: 'points', amount: '20', title: '' },
    feedback: { type: 'none', amount: '', title: '' },
    verifierIds: []
  }
}

export function fromEvent(e: EventViewT): DraftForm {
  return {
    kind: e.kind,
    title: e.title,
    cover: e.cover,
    description: e.description,
    venue: e.venue,
    startAt: e.startAt,
    endAt: e.endAt,
    opensAt: e.signupOpensAt,
    closesAt: e.signupClosesAt,
    capacity: String(e.capacity),
    seats: e.seatsPerHousehold,
    cancelHours: String(e.cancelHoursBefore),
    fields: e.fields,
    attendance: rewardText(e.rewards.attendance),
    feedback: rewardText(e.rewards.feedback),
    verifierIds: e.verifierIds
  }
}

/** A template's programme at the default time, lasting as long as the template says; the verifiers chosen stay. */
export function fromTemplate(tpl: EventTemplate, now: number, current: DraftForm): DraftForm {
  const blank = blankDraft(now)
  return {
    ...blank,
    kind: tpl.kind,
    title: tpl.title,
    cover: tpl.cover,
    description: tpl.description,
    venue: tpl.venue,
    endAt: blank.startAt + tpl.durationMin * 60_000,
    capacity: String(tpl.capacity),
    seats: tpl.seatsPerHousehold,
    cancelHours: String(tpl.cancelHoursBefore),
    fields: tpl.fields,
    attendance: rewardText(tpl.rewards.attendance),
    feedback: rewardText(tpl.rewards.feedback),
    verifierIds: current.verifierIds
  }
}

/** Whole numbers as typed: null unless the text is one. */
function wholeNumber(text: string): number | null {
  const t = text.trim()
  return /^\d{1,6}$/.test(t) ? Number(t) : null
}

type Problems = Record<string, string>

function reward(which: 'attendance' | 'feedback', r: RewardText, problems: Problems): Reward | null {
  if (r.type === 'none') return null
  if (r.type === 'coupon') {
    const valueFen = parseYuan(r.amount)
    if (valueFen === null || valueFen <= 0) problems[`rewards.${which}.valueFen`] = '请填写券面额，例如 10 或 9.9'
    return { type: 'coupon', title: r.title, valueFen: valueFen ?? 0 }
  }
  const n = wholeNumber(r.amount)
  if (n === null || n <= 0) problems[`rewards.${which}.${r.type === 'points' ? 'points' : 'uses'}`] = r.type === 'points' ? '请填写积分数（整数）' : '请填写次数（整数）'
  return r.type === 'points' ? { type: 'points', points: n ?? 0 } : { type: 'card', title: r.title, uses: n ?? 0 }
}

/**
 * The contract's draft from the form, with every number checked first: what is not a number is
 * named under its field, and nothing is sent until it is fixed (never NaN).
 */
export function toDraft(t: DraftForm): { draft: unknown; problems: Problems } {
  const problems: Problems = {}
  const capacity = wholeNumber(t.capacity)
  if (capacity === null) problems.capacity = '请填写名额（整数）'
  const cancelHours = wholeNumber(t.cancelHours)
  if (cancelHours === null) problems.cancelHoursBefore = '请填写小时数（整数，0 表示开始前都可取消）'
  const draft = {
    kind: t.kind,
    title: t.title,
    cover: t.cover,
    description: t.description,
    venue: t.venue,
    startAt: t.startAt,
    endAt: t.endAt,
    capacity: capacity ?? 0,
    signupOpensAt: t.opensAt,
    signupClosesAt: t.closesAt,
    cancelHoursBefore: cancelHours ?? 0,
    seatsPerHousehold: t.seats,
    fields: t.fields,
    rewards: { attendance: reward('attendance', t.attendance, problems), feedback: reward('feedback', t.feedback, problems) },
    verifierIds: t.verifierIds
  }
  return { draft, problems }
}

/**
 * The form checked as the contract would check it: the draft to send, or the errors keyed by
 * field path. What the numbers' own check found wins: it says what to type, not what the schema got.
 */
export function checkEvent(t: DraftForm): { ok: true; draft: EventDraft } | { ok: false; errors: Problems } {
  const { draft, problems } = toDraft(t)
  const parsed = EventDraftSchema.safeParse(draft)
  const issues: Problems = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]))
  if (parsed.success && Object.keys(problems).length === 0) return { ok: true, draft: parsed.data }
  return { ok: false, errors: { ...issues, ...problems } }
}

/** Moving the start moves the end and the sign-up deadline with it, keeping their distance. */
export function movedStart(t: DraftForm, ms: number): Pick<DraftForm, 'startAt' | 'endAt' | 'closesAt'> {
  const delta = ms - t.startAt
  return { startAt: ms, endAt: t.endAt + delta, closesAt: Math.max(t.opensAt + HOUR, t.closesAt + delta) }
}

/** A sign-up field being added: choices are typed in one line, separated by commas. */
export interface NewField {
  label: string
  type: FormField['type']
  options: string
  required: boolean
}
export const NO_FIELD: NewField = { label: '', type: 'text', options: '', required: true }

/** The field to add to the form, with a key of its own, or why it cannot be added. */
export function fieldFrom(n: NewField, existing: readonly FormField[], now: number): { ok: true; field: FormField } | { ok: false; error: string } {
  const label = n.label.trim()
  if (!label) return { ok: false, error: '请填写字段名称' }
  const options = n.type === 'choice' ? n.options.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : []
  if (n.type === 'choice' && options.length < 2) return { ok: false, error: '选择题至少 2 个选项，用逗号分隔' }
  return { ok: true, field: { key: `f${existing.length + 1}_${now.toString(36).slice(-3)}`, label, type: n.type, required: n.required, options } }
}

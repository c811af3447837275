import { CHANNEL_LABELS, WORK_STATUS_LABELS, WORK_TYPE_LABELS, type WorkOrderViewT } from '../../contracts/desk-work'
import type { Actor } from '../../kernel/actor'
import { maskPhone } from '../user/format'
import type { WorkOrderDoc } from './docs'
import { stagesOf } from './sla'

const LIVE = new Set(['open', 'accepted', 'arrived'])
const SUPERVISORS = ['service', 'operator', 'dispatcher'] as const

export function isSupervisor(actor: Pick<Actor, 'roles'>): boolean {
  return SUPERVISORS.some((r) => actor.roles.includes(r))
}

/** The step the caller may take next: the assignee (or a dispatcher/operator for them), on an order the desk drives. */
function nextStep(wo: WorkOrderDoc, actor: Pick<Actor, 'roles' | 'user'>): 'accept' | 'arrive' | 'finish' | null {
  if (wo.follows || !LIVE.has(wo.status)) return null
  const mine = wo.assigneeUserId === actor.user._id
  if (!mine && !actor.roles.includes('dispatcher') && !actor.roles.includes('operator')) return null
  if (wo.status === 'open') return 'accept'
  if (wo.status === 'accepted' && wo.due.arrive !== null) return 'arrive'
  return 'finish'
}

export function workOrderView(wo: WorkOrderDoc, actor: Pick<Actor, 'roles' | 'user' | 'householdIds'>, now: number): WorkOrderViewT {
  const stages = stagesOf(wo, now)
  const supervisor = isSupervisor(actor)
  const resident = actor.householdIds.includes(wo.householdId)
  return {
    id: wo._id,
    no: wo.no,
    householdId: wo.householdId,
    householdLabel: wo.householdLabel,
    type: wo.type,
    typeLabel: WORK_TYPE_LABELS[wo.type],
    channel: wo.channel,
    channelLabel: CHANNEL_LABELS[wo.channel],
    text: wo.text,
    photos: wo.photos,
    contactName: wo.contactName,
    contactPhoneMasked: maskPhone(wo.contactPhone ?? undefined),
    status: wo.status,
    statusLabel: WORK_STATUS_LABELS[wo.status],
    source: wo.source,
    assignee: wo.assigneeUserId ? { userId: wo.assigneeUserId, name: wo.assigneeName } : null,
    stages,
    breached: stages.some((s) => s.state === 'breached' || s.state === 'late'),
    reopenCount: wo.reopenCount,
    visit: wo.visit ? { by: wo.visit.by, score: wo.visit.score, note: wo.visit.note, at: wo.visit.at, byName: wo.visit.byName } : null,
    history: wo.history,
    createdAt: wo.createdAt,
    can: {
      step: nextStep(wo, actor),
      reassign: supervisor && LIVE.has(wo.status) && !wo.follows,
      reopen: supervisor && (wo.status === 'done' || wo.status === 'visited'),
      visit: supervisor && wo.status === 'done',
      rate: resident && wo.status === 'done'
    }
  }
}

/** A work order's number as a clerk reads it out: the Shanghai month and day, and four characters of its id. */
export function workOrderNo(id: string, at: number): string {
  const d = new Date(at + 8 * 3600_000)
  const md = `${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`
  return `GD${md}-${id.replace(/[^A-Za-z0-9]/g, '').slice(-4).toUpperCase()}`
}

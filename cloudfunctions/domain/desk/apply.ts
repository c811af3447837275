import type { Ports } from '../../kernel/ports'
import type { WorkOrderDoc } from './docs'
import { nextAlarm } from './sla'

export type WorkChange = Partial<Omit<WorkOrderDoc, '_id' | 'rev' | 'history' | 'alarmAt' | 'updatedAt'>>

/**
 * Applies a change to the version of the work order that was read, with a line in its history,
 * and sets when its next SLA alert falls due. Null when someone changed it meanwhile (the caller
 * reads again or says so): two clerks, a worker and the SLA job never overwrite one another.
 */
export async function applyChange(ports: Ports, wo: WorkOrderDoc, change: WorkChange, entry: { byName: string; action: string; note: string }): Promise<WorkOrderDoc | null> {
  const now = ports.clock.now()
  const history = [...wo.history, { at: now, ...entry }].slice(-40)
  const next: WorkOrderDoc = { ...wo, ...change, history, rev: wo.rev + 1, updatedAt: now }
  next.alarmAt = nextAlarm(next)
  const set = { ...change, history, rev: next.rev, updatedAt: now, alarmAt: next.alarmAt }
  return (await ports.store.update('workOrders', wo._id, { set }, { rev: wo.rev })) ? next : null
}

export type Step = 'accept' | 'arrive' | 'finish'

/** What a step stamps: a later step also stamps the earlier ones it implies (on site means answered). */
export function stepChange(wo: WorkOrderDoc, step: Step, now: number): WorkChange {
  if (step === 'accept') return { status: 'accepted', respondedAt: wo.respondedAt ?? now }
  if (step === 'arrive') return { status: 'arrived', respondedAt: wo.respondedAt ?? now, arrivedAt: wo.arrivedAt ?? now }
  return {
    status: 'done',
    respondedAt: wo.respondedAt ?? now,
    ...(wo.due.arrive !== null ? { arrivedAt: wo.arrivedAt ?? now } : {}),
    finishedAt: wo.finishedAt ?? now
  }
}

export const STEP_LABELS: Record<Step, string> = { accept: '响应', arrive: '到场', finish: '完成' }

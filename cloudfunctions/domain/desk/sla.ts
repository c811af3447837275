import { SLA_STAGES, SLA_STAGE_LABELS, type SlaRule, type SlaStage } from '../../contracts/desk-kinds'
import type { Due, WorkOrderDoc } from './docs'

const MIN = 60_000

/** The three deadlines from the moment the clock starts. */
export function deadlines(from: number, rule: SlaRule): Due {
  return { respond: from + rule.respondMin * MIN, arrive: rule.arriveMin === null ? null : from + rule.arriveMin * MIN, finish: from + rule.finishMin * MIN }
}

type Timed = Pick<WorkOrderDoc, 'status' | 'due' | 'rule' | 'respondedAt' | 'arrivedAt' | 'finishedAt' | 'alerts'>

export function doneAt(wo: Timed, stage: SlaStage): number | null {
  return stage === 'respond' ? wo.respondedAt : stage === 'arrive' ? wo.arrivedAt : wo.finishedAt
}

export type StageState = 'met' | 'late' | 'breached' | 'pending'

export interface StageTiming {
  stage: SlaStage
  label: string
  dueAt: number
  doneAt: number | null
  state: StageState
  remindedAt: number | null
  escalatedAt: number | null
}

/** Each stage that applies, against its deadline, at `now`. A cancelled order's open stages stay pending. */
export function stagesOf(wo: Timed, now: number): StageTiming[] {
  const out: StageTiming[] = []
  for (const stage of SLA_STAGES) {
    const due = wo.due[stage]
    if (due === null) continue
    const done = doneAt(wo, stage)
    const state: StageState = done !== null ? (done <= due ? 'met' : 'late') : wo.status !== 'cancelled' && now > due ? 'breached' : 'pending'
    const a = wo.alerts[stage]
    out.push({ stage, label: SLA_STAGE_LABELS[stage], dueAt: due, doneAt: done, state, remindedAt: a?.remindedAt ?? null, escalatedAt: a?.escalatedAt ?? null })
  }
  return out
}

function live(wo: Timed): boolean {
  return wo.status === 'open' || wo.status === 'accepted' || wo.status === 'arrived'
}

export interface Alert {
  stage: SlaStage
  kind: 'remind' | 'escalate'
}

/** What has come due at `now` and not been sent: a reminder at the deadline, an escalation `escalateMin` after. */
export function dueAlerts(wo: Timed, now: number): Alert[] {
  if (!live(wo)) return []
  const out: Alert[] = []
  for (const s of stagesOf(wo, now)) {
    if (s.doneAt !== null || now < s.dueAt) continue
    if (s.remindedAt === null) out.push({ stage: s.stage, kind: 'remind' })
    if (s.escalatedAt === null && now >= s.dueAt + wo.rule.escalateMin * MIN) out.push({ stage: s.stage, kind: 'escalate' })
  }
  return out
}

/** When the next alert falls due, given what has been sent; null when nothing more will. */
export function nextAlarm(wo: Timed): number | null {
  if (!live(wo)) return null
  let next: number | null = null
  for (const s of stagesOf(wo, 0)) {
    if (s.doneAt !== null) continue
    const at = s.remindedAt === null ? s.dueAt : s.escalatedAt === null ? s.dueAt + wo.rule.escalateMin * MIN : null
    if (at !== null && (next === null || at < next)) next = at
  }
  return next
}

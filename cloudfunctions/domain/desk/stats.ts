import { CHANNELS, CHANNEL_LABELS, SLA_STAGES, SLA_STAGE_LABELS, WORK_TYPES, WORK_TYPE_LABELS, type SlaStage } from '../../contracts/desk-kinds'
import type { deskWorkContracts } from '../../contracts/desk-work'
import type { ActionHandler } from '../../kernel/module'
import { findAll } from '../../kernel/paging'
import { ok } from '../../kernel/result'
import { stagesOf } from './sla'

type C = typeof deskWorkContracts

const DAY = 24 * 3600_000

/**
 * The desk at a glance over the last `days`: volume per channel and type, and for each SLA stage
 * the share of those that came due which were done in time (a stage still within its time is
 * not counted either way).
 */
export const deskStats: ActionHandler<C['deskStats']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const rows = await findAll(ports.store, 'workOrders', { communityId: actor.communityId, createdAt: { gte: now - input.days * DAY } })
  const tally = { met: new Map<SlaStage, number>(), due: new Map<SlaStage, number>() }
  let breachedNow = 0
  let awaitingVisit = 0
  let scores = 0
  let scored = 0
  for (const wo of rows) {
    const stages = stagesOf(wo, now)
    for (const s of stages) {
      if (s.state === 'pending') continue
      tally.due.set(s.stage, (tally.due.get(s.stage) ?? 0) + 1)
      if (s.state === 'met') tally.met.set(s.stage, (tally.met.get(s.stage) ?? 0) + 1)
    }
    if (stages.some((s) => s.state === 'breached') && wo.status !== 'cancelled') breachedNow++
    if (wo.status === 'done') awaitingVisit++
    if (wo.visit?.score != null) {
      scores += wo.visit.score
      scored++
    }
  }
  return ok({
    total: rows.length,
    byChannel: CHANNELS.map((channel) => ({ channel, label: CHANNEL_LABELS[channel], count: rows.filter((w) => w.channel === channel).length })),
    byType: WORK_TYPES.map((type) => ({ type, label: WORK_TYPE_LABELS[type], count: rows.filter((w) => w.type === type).length })),
    compliance: SLA_STAGES.map((stage) => {
      const due = tally.due.get(stage) ?? 0
      return { stage, label: SLA_STAGE_LABELS[stage], due, metBp: due === 0 ? null : Math.round(((tally.met.get(stage) ?? 0) * 10_000) / due) }
    }),
    breachedNow,
    awaitingVisit,
    avgScore: scored === 0 ? null : Math.round((scores / scored) * 10) / 10
  })
}

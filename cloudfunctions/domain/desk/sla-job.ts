import { SLA_STAGE_LABELS, WORK_TYPE_LABELS } from '../../contracts/desk-kinds'
import type { JobReport } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import type { Filter } from '../../kernel/store'
import type { WorkOrderDoc } from './docs'
import { staffOf } from './open'
import { dueAlerts, nextAlarm } from './sla'

const BATCH = 200
/** One run's ceiling: the next run, a minute later, takes the rest. */
const MAX_PER_RUN = 2000

/**
 * Sends what the SLA timers owe: a reminder to the assignee when a deadline passes undone (the
 * desk when nobody is assigned), then an escalation to the community's operators and dispatchers
 * once the breach has stood its rule's `escalateMin`. Each message carries a key made of the
 * order, its round (reopens) and the stage, so a run that dies after sending and before recording
 * sends nothing twice; the record is a conditional update on the version read.
 */
export async function runSlaSweep(ports: Ports): Promise<JobReport> {
  const now = ports.clock.now()
  let reminders = 0
  let escalations = 0
  let seen = 0
  let skipped = 0
  const people = new Map<string, Promise<{ desk: string[]; supervisors: string[] }>>()
  const peopleOf = (communityId: string) => {
    let p = people.get(communityId)
    if (!p) {
      p = Promise.all([staffOf(ports, communityId, ['service']), staffOf(ports, communityId, ['operator', 'dispatcher'])]).then(([desk, supervisors]) => ({ desk, supervisors }))
      people.set(communityId, p)
    }
    return p
  }
  let after: { at: number; id: string } | null = null
  while (seen < MAX_PER_RUN) {
    const where: Filter = after
      ? { and: [{ alarmAt: { lte: now } }, { or: [{ alarmAt: { gt: after.at } }, { and: [{ alarmAt: after.at }, { _id: { gt: after.id } }] }] }] }
      : { alarmAt: { lte: now } }
    const due: WorkOrderDoc[] = await ports.store.find('workOrders', { where, orderBy: [{ field: 'alarmAt', dir: 'asc' }, { field: '_id', dir: 'asc' }], limit: BATCH })
    for (const wo of due) {
      seen++
      const alerts = dueAlerts(wo, now)
      const { desk, supervisors } = await peopleOf(wo.communityId)
      const sends: Promise<void>[] = []
      for (const a of alerts) {
        const stage = SLA_STAGE_LABELS[a.stage]
        const what = `${wo.householdLabel} ${WORK_TYPE_LABELS[wo.type]}（${wo.no}）`
        const to = a.kind === 'remind' ? (wo.assigneeUserId ? [wo.assigneeUserId] : desk) : supervisors
        for (const userId of to) {
          sends.push(
            ports.notifier.notify({
              userId,
              communityId: wo.communityId,
              kind: 'work-order-breach',
              title: a.kind === 'remind' ? `工单${stage}已超时` : `工单${stage}超时升级`,
              body: a.kind === 'remind' ? `${what}已超过${stage}时限，请尽快处理` : `${what}${stage}超时未处理，处理人：${wo.assigneeName || '未派单'}`,
              link: `/packages/service-staff/pages/work-order/index?id=${wo._id}`,
              key: `wo:${wo._id}:${wo.reopenCount}:${a.stage}:${a.kind}:${userId}`
            })
          )
        }
        if (a.kind === 'remind') reminders++
        else escalations++
      }
      await Promise.all(sends)
      const sent = { ...wo.alerts }
      for (const a of alerts) sent[a.stage] = { ...sent[a.stage], ...(a.kind === 'remind' ? { remindedAt: now } : { escalatedAt: now }) }
      const next = { ...wo, alerts: sent }
      const set = { alerts: sent, alarmAt: nextAlarm(next), breached: wo.breached || alerts.length > 0, rev: wo.rev + 1, updatedAt: now }
      if (!(await ports.store.update('workOrders', wo._id, { set }, { rev: wo.rev }))) skipped++
    }
    const last: WorkOrderDoc | undefined = due[due.length - 1]
    if (due.length < BATCH || !last) break
    after = { at: last.alarmAt ?? now, id: last._id }
  }
  return { seen, reminders, escalations, skipped }
}

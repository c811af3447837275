import type { LogEntryT, accessContracts } from '../../contracts/access'
import { DENY_TEXT } from '../../contracts/gate'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { Filter } from '../../kernel/store'
import { householdLabels } from '../user/labels'
import type { AccessLogDoc } from './docs'
import { findGate } from './doors'

type C = typeof accessContracts

export const LOG_PAGE = 30

function entry(doc: AccessLogDoc, who: string): LogEntryT {
  return {
    id: doc._id,
    at: doc.at,
    decision: doc.decision,
    reasonText: doc.decision === 'open' ? '已开门' : doc.reason ? DENY_TEXT[doc.reason] : '未开门',
    gateName: doc.gateName,
    doorName: doc.doorName,
    kind: doc.kind,
    who
  }
}

/** Newest first, `LOG_PAGE` at a time; `before` is the previous page's last time. */
function page(where: Filter, before: number | undefined) {
  return {
    where: before === undefined ? where : { and: [where, { at: { lt: before } }] },
    orderBy: [{ field: 'at', dir: 'desc' as const }],
    limit: LOG_PAGE
  }
}

const nextOf = (docs: AccessLogDoc[]) => (docs.length === LOG_PAGE ? (docs[docs.length - 1]?.at ?? null) : null)

export const householdLog: ActionHandler<C['householdLog']> = async ({ ports, actor }, input) => {
  const household = actor.householdIds.includes(input.householdId) ? await ports.store.get('households', input.householdId) : null
  if (!household || household.communityId !== actor.communityId) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  const docs = await ports.store.find('accessLog', page({ householdId: household._id }, input.before))
  const [users, passes, labels] = await Promise.all([
    getMany(ports.store, 'users', docs.flatMap((d) => (d.userId ? [d.userId] : []))),
    getMany(ports.store, 'visitorPasses', docs.flatMap((d) => (d.passId ? [d.passId] : []))),
    householdLabels(ports, [household._id])
  ])
  const who = (d: AccessLogDoc) =>
    d.kind === 'visitor' ? `访客 ${passes.get(d.passId ?? '')?.visitorName ?? ''}`.trim() : (users.get(d.userId ?? '')?.nickname ?? '')
  return ok({ householdLabel: labels.get(household._id) ?? '', entries: docs.map((d) => entry(d, who(d))), next: nextOf(docs) })
}

export const gateLog: ActionHandler<C['gateLog']> = async ({ ports, actor }, input) => {
  const gate = await findGate(ports.store, actor.communityId, input.gateId)
  if (!gate) return fail('GATE.NOT_FOUND', '设备不存在')
  const docs = await ports.store.find('accessLog', page({ gateId: gate._id }, input.before))
  const labels = await householdLabels(ports, docs.flatMap((d) => (d.householdId ? [d.householdId] : [])))
  // Operators see which household a code belonged to, not who held it.
  const who = (d: AccessLogDoc) => {
    const label = labels.get(d.householdId ?? '') ?? ''
    if (d.kind === 'visitor') return label ? `访客 → ${label}` : '访客'
    return label
  }
  return ok({ gateName: gate.name, entries: docs.map((d) => entry(d, who(d))), next: nextOf(docs) })
}

import type { ConsumptionT, InsightT, ProfileViewT, ResidentInsightT } from '../../contracts/insights'
import { PROFILE_FACTS } from '../../contracts/survey-kinds'
import { CHURN_CASE_LABELS, NEED_LABELS } from '../../contracts/insights-labels'
import type { CaseViewT } from '../../contracts/insights'
import { RELATION_LABELS } from '../../contracts/roles'
import { SERVICE_CATEGORY_LABELS, type ServiceCategory } from '../../contracts/booking'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { HouseholdDoc } from '../docs'
import { maskPhone, roomOf } from '../user/format'
import { householdLabels } from '../user/labels'
import { CHURN_REASON_LABELS } from './churn'
import type { ChurnCaseDoc, HouseholdStatsDoc } from './docs'
import { maskPlate } from './mask'
import { addDays, dayOf, monthsUpTo } from './time'

export function lineLabel(line: string): string {
  if (line === 'presale') return '邻里严选'
  return SERVICE_CATEGORY_LABELS[line as ServiceCategory] ?? line
}

export async function labelOf(ports: Ports, h: HouseholdDoc): Promise<string> {
  return (await householdLabels(ports, [h._id])).get(h._id) ?? roomOf(h)
}

/** The profile as one viewer may see it: residents of the household and revealed tasks unmasked. */
export async function profileView(ports: Ports, h: HouseholdDoc, masked: boolean): Promise<ProfileViewT> {
  const [p, memberships] = await Promise.all([
    ports.store.get('householdProfiles', h._id),
    findAll(ports.store, 'memberships', { householdId: h._id, status: 'active' })
  ])
  const users = await getMany(ports.store, 'users', memberships.map((m) => m.userId))
  return {
    householdId: h._id,
    label: await labelOf(ports, h),
    exists: p !== null,
    members: p?.members ?? [],
    areaCm2: p?.areaCm2 ?? h.areaCm2,
    moveInYear: p?.moveInYear ?? null,
    cars: (p?.cars ?? []).map((c) => ({ plate: masked ? maskPlate(c.plate) : c.plate })),
    pets: p?.pets ?? [],
    note: p?.note ?? '',
    people: memberships.map((m) => {
      const u = users.get(m.userId)
      const phone = u?.phone ?? null
      return { userId: m.userId, nickname: u?.nickname ?? '', relation: RELATION_LABELS[m.relation], phone: phone && masked ? maskPhone(phone) : phone }
    }),
    masked,
    enteredBy: p?.enteredBy ?? null,
    consentAt: p?.consentAt ?? null,
    updatedAt: p?.updatedAt ?? null,
    facts: PROFILE_FACTS.flatMap((fact) => {
      const f = p?.facts?.[fact]
      return f ? [{ fact, value: f.value, surveyTitle: f.surveyTitle, channel: f.channel, at: f.at }] : []
    })
  }
}

export function consumptionView(s: HouseholdStatsDoc | null, now: number): ConsumptionT | null {
  if (!s) return null
  const today = dayOf(now)
  const months = monthsUpTo(today, 12).reverse()
  return {
    orders: s.orders,
    spentFen: s.spentFen,
    lastActivityAt: s.lastActivityAt,
    lastPaidAt: s.lastPaidAt,
    months: months
      .map((month) => {
        const lines = Object.entries(s.months[month] ?? {}).map(([line, fen]) => ({ line, label: lineLabel(line), fen }))
        return { month, lines, totalFen: lines.reduce((n, l) => n + l.fen, 0) }
      })
      .filter((m) => m.totalFen > 0),
    attended180: s.attendedDays.filter((d) => d >= addDays(today, -179)).length
  }
}

export function insightView(s: HouseholdStatsDoc | null, optedOut: boolean): InsightT {
  return {
    score: s?.score ?? null,
    atRisk: s?.atRisk ?? false,
    reasons: (s?.reasons ?? []).map((r) => ({ code: r.code, label: `${CHURN_REASON_LABELS[r.code]}：${r.detail}`, points: r.points })),
    segments: (s?.needReasons ?? []).map((n) => ({ need: n.need, label: NEED_LABELS[n.need], because: n.because })),
    scoredAt: s?.scoredDay ? s.recomputedAt : null,
    optedOut
  }
}

/** The resident's own view: the needs found with plain reasons, nothing of the scoring behind them. */
export function residentInsightView(s: HouseholdStatsDoc | null, optedOut: boolean): ResidentInsightT {
  return {
    segments: (s?.needReasons ?? []).map((n) => ({ need: n.need, label: NEED_LABELS[n.need], reason: n.residentReason ?? '' })),
    optedOut
  }
}

export function caseView(c: ChurnCaseDoc, label: string, butlerName: string): CaseViewT {
  return {
    caseId: c._id,
    householdId: c.householdId,
    label,
    butlerUserId: c.butlerUserId,
    butlerName,
    score: c.score,
    reasons: c.reasons.map((r) => ({ code: r.code, label: `${CHURN_REASON_LABELS[r.code]}：${r.detail}`, points: r.points })),
    status: c.status,
    statusLabel: CHURN_CASE_LABELS[c.status],
    openedAt: c.openedAt,
    followedAt: c.followedAt,
    closedAt: c.closedAt
  }
}

import { HOUSEHOLD_PARTS, HOUSEHOLD_PART_LABELS, type deskHouseholdContracts } from '../../contracts/desk-household'
import { CHURN_CASE_LABELS, NEED_LABELS } from '../../contracts/insights-labels'
import { RELATION_LABELS } from '../../contracts/roles'
import type * as z from 'zod'
import { getMany } from '../../kernel/paging'
import type { HouseholdDoc, MembershipDoc, UserDoc } from '../docs'
import { lateFeeFen } from '../fee/money'
import { feeSettings } from '../fee/settings'
import type { ChurnCaseDoc, HouseholdStatsDoc, ProfileDoc } from '../insights/docs'
import { maskPlate } from '../insights/mask'
import { insightView } from '../insights/views'
import { householdLabel, maskName, maskPhone } from '../user/format'
import type { PartContext } from './household-part'
import { PARTS } from './household-parts'

type Header = z.input<(typeof deskHouseholdContracts)['household']['output']>

/**
 * Everything the header reads, in two round trips: the household's own records side by side, and,
 * as soon as its members and grid are known, their names and the building (with the coupons' count).
 */
export function readHeader(ctx: PartContext, household: Promise<HouseholdDoc | null>) {
  const { store } = ctx.ports
  const id = ctx.householdId
  const grids = store.find('grids', { where: { communityId: ctx.communityId }, limit: 100 })
  const named = Promise.all([household, ctx.memberships(), grids]).then(([h, memberships, gs]) => {
    const grid = h ? gs.find((g) => g.buildingIds.includes(h.buildingId)) : undefined
    return Promise.all([
      getMany(store, 'users', [...memberships.map((m) => m.userId), ...(grid ? [grid.butlerUserId] : [])]),
      h ? store.get('buildings', h.buildingId) : Promise.resolve(null),
      grid
    ] as const)
  })
  return Promise.all([
    household,
    ctx.memberships(),
    store.get('householdProfiles', id),
    store.get('profileOptOuts', id),
    store.get('householdStats', id),
    store.find('churnCases', { where: { householdId: id }, orderBy: [{ field: 'openedAt', dir: 'desc' }], limit: 1 }),
    // A household has a few dozen unpaid bills at the very most.
    store.find('bills', { where: { householdId: id, status: 'unpaid' }, limit: 200 }),
    feeSettings(ctx.ports, ctx.communityId),
    named,
    Promise.all(HOUSEHOLD_PARTS.map(async (part) => ({ part, label: HOUSEHOLD_PART_LABELS[part], count: await PARTS[part].count(ctx) })))
  ])
}

type Read = Awaited<ReturnType<typeof readHeader>>

/** The people of the household: its bound members, and the ledger's owner when not one of them. */
function membersOf(h: HouseholdDoc, memberships: MembershipDoc[], users: Map<string, UserDoc>): Header['members'] {
  const members: Header['members'] = memberships
    .map((m) => {
      const u = users.get(m.userId)
      return { name: maskName(u?.nickname) ?? '住户', relation: m.relation, relationLabel: RELATION_LABELS[m.relation], phoneMasked: maskPhone(u?.phone), since: m.createdAt, usesMiniProgram: true }
    })
    .sort((a, b) => Number(b.relation === 'owner') - Number(a.relation === 'owner') || a.since - b.since)
  const owner = h.owner
  const listed = owner?.phone && members.some((m) => m.phoneMasked === maskPhone(owner.phone))
  if (owner && (owner.name || owner.phone) && !listed) {
    // The office's ledger names an owner who has not bound the mini-program: texts and calls reach them only by phone.
    members.push({ name: maskName(owner.name) ?? '业主', relation: 'owner', relationLabel: '业主（台账）', phoneMasked: maskPhone(owner.phone), since: h.createdAt, usesMiniProgram: false })
  }
  return members
}

/**
 * The profile only as far as the household consented: a profile exists (entered with consent)
 * and it has not opted out. The needs are derived from its own records, shown unless it opted out.
 */
function profileOf(profile: ProfileDoc | null, optedOut: boolean, stats: HouseholdStatsDoc | null): Header['profile'] {
  const p = optedOut ? null : profile
  const fact = (f: keyof NonNullable<ProfileDoc['facts']>) => p?.facts?.[f]?.value
  const bool = (v: number | boolean | undefined) => (typeof v === 'boolean' ? v : null)
  const bands = p?.members.map((m) => m.ageBand) ?? []
  const size = fact('householdSize')
  return {
    consentAt: p?.consentAt ?? null,
    optedOut,
    people: typeof size === 'number' ? size : p && p.members.length > 0 ? p.members.length : null,
    elderly: bool(fact('hasElderly')) ?? (bands.includes('over60') ? true : null),
    children: bool(fact('hasChildren')) ?? (bands.includes('under18') ? true : null),
    pets: (p?.pets ?? []).reduce((n, x) => n + x.count, 0),
    plates: (p?.cars ?? []).map((c) => maskPlate(c.plate)),
    needs: optedOut ? [] : (stats?.needs ?? []).map((n) => NEED_LABELS[n])
  }
}

/** The score with its reasons as the insights area words them, and how it stands: a case open, or how near. */
function churnOf(stats: HouseholdStatsDoc | null, optedOut: boolean, latest: ChurnCaseDoc | undefined): Header['churn'] {
  if (optedOut || !stats || stats.score === null) return null
  const insight = insightView(stats, false)
  const open = latest && (latest.status === 'open' || latest.status === 'followed') ? latest : null
  const level = open ? `流失预警 · ${CHURN_CASE_LABELS[open.status]}` : stats.atRisk ? '流失预警' : stats.score > 0 ? '需关注' : '稳定'
  return { score: stats.score, level, reasons: insight.reasons.map((r) => r.label) }
}

/** The header from what `readHeader` found. */
export function buildHeader(ctx: PartContext, h: HouseholdDoc, read: Read): Header {
  const [, memberships, profile, optOut, stats, cases, unpaid, settings, [users, building, grid], counts] = read
  const members = membersOf(h, memberships, users)
  const optedOut = optOut !== null
  const overdue = unpaid.filter((b) => b.dueAt < ctx.now)
  return {
    household: {
      householdId: h._id,
      label: householdLabel(building ?? undefined, h),
      buildingId: h.buildingId,
      matched: [],
      members: members.map((m) => ({ name: m.usesMiniProgram ? m.name : `${m.name}（台账）`, relation: m.relation, phoneMasked: m.phoneMasked })),
      butlerName: grid ? (users.get(grid.butlerUserId)?.nickname ?? null) : null
    },
    areaM2: h.areaCm2 ? h.areaCm2 / 100 : null,
    members,
    profile: profileOf(profile, optedOut, stats),
    arrearsFen: overdue.reduce((n, b) => n + b.amountFen + lateFeeFen(b, settings.lateFee, ctx.now), 0),
    churn: churnOf(stats, optedOut, cases[0]),
    counts
  }
}

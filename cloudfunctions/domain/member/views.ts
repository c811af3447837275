import type { BudgetViewT, CardViewT, CouponViewT, TemplateViewT, Validity } from '../../contracts/member'
import { couponLabel, scopeLabel } from '../../contracts/member'
import { shanghaiDay } from '../user/format'
import { cardStatus } from './cards'
import type { BudgetDoc, CouponDoc, CouponTemplateDoc, ServiceCardDoc } from './docs'

export function validityLabel(v: Validity): string {
  if (v.type === 'days') return `领取后 ${v.days} 天内有效`
  return `${shanghaiDay(v.from)} 至 ${shanghaiDay(v.to)}`
}

const SOURCE_LABELS: Record<CouponDoc['source']['kind'], string> = { claim: '领券中心', batch: '物业赠送', reward: '活动奖励' }

export function couponView(c: CouponDoc, now: number): CouponViewT {
  const status = c.status === 'available' && c.validTo < now ? 'expired' : c.status
  return {
    id: c._id,
    title: c.title,
    kind: c.kind,
    valueFen: c.valueFen,
    percentOff: c.percentOff,
    capFen: c.capFen,
    minSpendFen: c.minSpendFen,
    label: couponLabel(c),
    scope: { type: c.scope.type, value: c.scope.value, label: c.scope.label },
    scopeLabel: scopeLabel(c.scope),
    validFrom: c.validFrom,
    validTo: c.validTo,
    status,
    sourceLabel: SOURCE_LABELS[c.source.kind],
    usedAt: c.status === 'used' ? (c.usedAt ?? null) : null
  }
}

export function templateView(t: CouponTemplateDoc, used: number): TemplateViewT {
  return {
    id: t._id,
    title: t.title,
    kind: t.kind,
    label: couponLabel(t),
    scopeLabel: scopeLabel(t.scope),
    validityLabel: validityLabel(t.validity),
    totalStock: t.totalStock,
    issued: t.issued,
    used,
    perUserLimit: t.perUserLimit,
    claimable: t.claimable,
    active: t.active,
    createdAt: t.createdAt
  }
}

const CARD_SOURCE_LABELS: Record<ServiceCardDoc['source']['kind'], string> = { purchase: '购买', reward: '奖励', operator: '物业赠送' }

export function cardView(c: ServiceCardDoc, now: number, ctx: { householdLabel: string; ownerName: string; mine: boolean }): CardViewT {
  return {
    id: c._id,
    title: c.title,
    usesTotal: c.usesTotal,
    usesLeft: c.usesLeft,
    validTo: c.validTo,
    status: cardStatus(c, now),
    scopeLabel: c.scope.type === 'all' ? '全部服务可用' : scopeLabel(c.scope),
    householdId: c.householdId,
    householdLabel: ctx.householdLabel,
    ownerName: ctx.ownerName,
    mine: ctx.mine,
    // Cards bought in a pre-sale order are a package's (产品包).
    sourceLabel: c.source.kind === 'purchase' && c.source.ref.startsWith('order:') ? '产品包' : CARD_SOURCE_LABELS[c.source.kind],
    lastUsedAt: c.lastUsedAt ?? null
  }
}

export function budgetView(b: BudgetDoc): BudgetViewT {
  return { id: b._id, title: b.title, kind: b.kind, eventId: b.eventId, capFen: b.capFen, spentFen: b.spentFen, grants: b.grants, createdAt: b.createdAt }
}

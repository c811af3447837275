import { DENY_TEXT } from '../../contracts/gate'
import { COURIER_LABELS, PARCEL_REMIND_AFTER_DAYS, PARCEL_STATUS_LABELS, type PickupVia } from '../../contracts/parcel-labels'
import type { AccessLogDoc, VisitorPassDoc } from '../access/docs'
import { maskPlate } from '../insights/mask'
import type { ParcelDoc } from '../parcel/docs'
import { maskName, maskPhone } from '../user/format'
import { ACCESS_WINDOW_MS, type Part, definePart, noSide } from './household-part'
import { joinDetail, whenText } from './household-text'

const DAY_MS = 24 * 3_600_000

/** How a parcel left the shelf, as a line about it reads. */
const PICKED_VIA: Record<PickupVia, string> = { code: '凭取件码取走', qr: '扫码取走', door: '管家送上门' }

/** Door entries of the last 30 days (older ones are the gate log's, not the household file's). */
export const access: Part = definePart<AccessLogDoc, null>({
  collection: 'accessLog',
  timeField: 'at',
  timeOf: (e) => e.at,
  where: (ctx) => ({ householdId: ctx.householdId, at: { gte: ctx.now - ACCESS_WINDOW_MS } }),
  side: noSide,
  rows: (docs) =>
    docs.map((e) => ({
      id: e._id,
      at: e.at,
      title: e.doorName || e.gateName || '门禁',
      detail: joinDetail(e.kind === 'visitor' ? '访客通行证' : e.kind === 'resident' ? '住户通行码' : null, e.gateName !== e.doorName && e.gateName),
      status: e.decision === 'open' ? '已通行' : e.reason ? `未通过：${DENY_TEXT[e.reason]}` : '未通过',
      tone: e.decision === 'open' ? 'success' : 'danger',
      amountFen: null
    }))
})

/** Visitor passes the household gave: who (masked), why, when, and how many times used. */
export const visitors: Part = definePart<VisitorPassDoc, null>({
  collection: 'visitorPasses',
  timeField: 'createdAt',
  timeOf: (p) => p.createdAt,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: (docs, _side, ctx) =>
    docs.map((p) => {
      // The sweep marks passes expired in batches; a pass past its window reads expired at once.
      const state =
        p.status === 'revoked' ? '已撤销' : p.status === 'expired' || p.validTo < ctx.now ? '已过期' : p.uses >= p.maxUses ? '次数已用完' : '有效'
      return {
        id: p._id,
        at: p.createdAt,
        title: `访客 ${maskName(p.visitorName) ?? ''}`.trim(),
        detail: joinDetail(p.purpose, maskPhone(p.visitorPhone), p.plate && maskPlate(p.plate), `${whenText(p.validFrom)} 至 ${whenText(p.validTo)}`, `已用 ${p.uses}/${p.maxUses} 次`),
        status: state,
        tone: state === '有效' ? 'primary' : state === '已撤销' ? 'danger' : 'default',
        amountFen: null
      }
    })
})

/**
 * Parcels held for the household. The tracking number shows only its last four characters, as the
 * desk reads it to a caller; the pickup code never shows here (it is the resident's to give).
 */
export const parcels: Part = definePart<ParcelDoc, null>({
  collection: 'parcels',
  timeField: 'registeredAt',
  timeOf: (p) => p.registeredAt,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: (docs, _side, ctx) =>
    docs.map((p) => {
      const held = p.status === 'waiting' ? Math.floor((ctx.now - p.registeredAt) / DAY_MS) : 0
      const overdue = held >= PARCEL_REMIND_AFTER_DAYS
      return {
        id: p._id,
        at: p.registeredAt,
        title: `${COURIER_LABELS[p.courier]}快递 · 尾号 ${p.trackingNo.slice(-4)}`,
        detail: joinDetail(
          p.status === 'waiting' ? `货架 ${p.shelf}` : p.pickedAt !== null && `${whenText(p.pickedAt)} ${p.pickedVia ? PICKED_VIA[p.pickedVia] : '已取走'}`,
          p.status === 'waiting' && p.deliveryButlerName && `已请${p.deliveryButlerName}送上门`
        ),
        status: overdue ? `已滞留 ${held} 天` : PARCEL_STATUS_LABELS[p.status],
        tone: p.status === 'picked' ? 'success' : overdue ? 'danger' : 'warning',
        amountFen: null
      }
    })
})

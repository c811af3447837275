import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { shanghaiMonth } from '../../contracts/shanghai'
import type { messageContracts } from '../../contracts/message'
import { type Counter, give, take } from '../../kernel/counter'
import type { ActionHandler } from '../../kernel/module'
import type { Ports, SmsTemplate } from '../../kernel/ports'
import { ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import { maskPhone } from '../user/format'
import { noticeState, reaches } from './audience'
import type { SmsBudgetDoc, SmsSendDoc, SmsSettingsDoc } from './docs'

type C = typeof messageContracts

/** Texts are off until a community switches them on; this is the cap it starts from. */
export const DEFAULT_MONTHLY_LIMIT = 200

function budgetCounter(communityId: string, month: string, limit: number): Counter {
  return { collection: 'smsBudgets', id: `${communityId}:${month}`, field: 'sent', direction: 'up', bound: limit }
}

export type SmsOutcome = 'sent' | 'off' | 'no_phone' | 'duplicate' | 'over_budget' | 'failed'

/**
 * One text to a household's owner (the phone the office's records hold): recorded first under its
 * key, so a retried reminder or a rerun job never texts twice; then counted against the month's
 * cap on the kernel's bounded counter, whose place a failed send gives back. The text carries a
 * URL Link that opens the page in WeChat.
 */
export async function textHousehold(
  ports: Ports,
  settings: SmsSettingsDoc | null,
  h: HouseholdDoc,
  what: { kind: SmsTemplate; ref: string; params: string[]; page: string; query: string }
): Promise<SmsOutcome> {
  if (!settings?.enabled) return 'off'
  const phone = h.owner?.phone?.replace(/\D/g, '')
  if (!phone) return 'no_phone'
  const now = ports.clock.now()
  const month = shanghaiMonth(now)
  const doc: SmsSendDoc = { _id: `${what.kind}:${what.ref}:${h._id}`, communityId: h.communityId, householdId: h._id, kind: what.kind, ref: what.ref, phoneMasked: maskPhone(phone) ?? '', status: 'pending', month, at: now }
  if (!(await ports.store.insert('smsSends', doc)).ok) return 'duplicate'
  const counter = budgetCounter(h.communityId, month, settings.monthlyLimit)
  // The journal's key must be a field name: the send's key, hashed.
  const holder = `s${createHash('sha256').update(doc._id).digest('hex').slice(0, 20)}`
  const held = await take(ports.store, counter, {
    holder,
    amount: 1,
    create: { doc: (): SmsBudgetDoc => ({ _id: counter.id, communityId: h.communityId, month, sent: 0, holds: {} }) }
  })
  if (!held) {
    await ports.store.update('smsSends', doc._id, { set: { status: 'over_budget' } })
    return 'over_budget'
  }
  const link = (await ports.links.urlLink(what.page, what.query)) ?? ''
  const res = await ports.sms.send(phone, what.kind, [...what.params, link])
  if (!res.ok) {
    await Promise.all([
      ports.store.update('smsSends', doc._id, { set: { status: 'failed', error: `${res.code} ${res.message}`.trim() } }),
      give(ports.store, counter, holder, 1)
    ])
    return 'failed'
  }
  await ports.store.update('smsSends', doc._id, { set: { status: 'sent', providerId: res.id } })
  return 'sent'
}

export function smsSettingsOf(ports: Ports, communityId: string): Promise<SmsSettingsDoc | null> {
  return ports.store.get('smsSettings', communityId)
}

const PAGE = 200
/** Households a run of the job texts at most, so it ends well inside the function's time. */
const PER_RUN = 600

/**
 * The job: texts about live important notices to the households in their audience that have no
 * member in the mini-program, a page of households at a time by id, resuming where the last run
 * stopped (the notice keeps its place), until every household was looked at.
 */
export async function textNotices(ports: Ports): Promise<{ notices: number; sent: number; skipped: number }> {
  const now = ports.clock.now()
  const due = await ports.store.find('notices', { where: { important: true, withdrawnAt: null, publishAt: { lte: now }, 'sms.done': { ne: true } }, limit: 20 })
  let sent = 0
  let skipped = 0
  let budget = PER_RUN
  for (const n of due) {
    if (noticeState(n, now) !== 'live' || budget <= 0) continue
    const settings = await smsSettingsOf(ports, n.communityId)
    if (!settings?.enabled) continue
    let after = n.sms?.after ?? null
    let done = false
    let count = n.sms?.sent ?? 0
    while (budget > 0) {
      const page = await ports.store.find('households', {
        where: { communityId: n.communityId, buildingId: n.buildingIds ? { in: n.buildingIds } : undefined, _id: after ? { gt: after } : undefined },
        orderBy: [{ field: '_id', dir: 'asc' }],
        limit: PAGE
      })
      if (page.length === 0) {
        done = true
        break
      }
      const ids = page.map((h) => h._id)
      const [members, stats] = await Promise.all([
        ports.store.find('memberships', { where: { householdId: { in: ids }, status: 'active' }, limit: 1000 }),
        n.audience.kind === 'need' ? ports.store.find('householdStats', { where: { _id: { in: ids } }, limit: PAGE }) : Promise.resolve([])
      ])
      const reached = new Set(members.map((m) => m.householdId))
      const statsById = new Map(stats.map((x) => [x._id, x]))
      const unreached = page.filter((h) => !reached.has(h._id) && reaches(n, h, statsById.get(h._id)))
      for (const h of unreached) {
        const outcome = await textHousehold(ports, settings, h, { kind: 'notice', ref: n._id, params: [n.title.slice(0, 20)], page: 'packages/message/pages/notice/index', query: `id=${n._id}&communityId=${n.communityId}` })
        if (outcome === 'sent') {
          sent++
          count++
        } else skipped++
      }
      budget -= page.length
      after = page[page.length - 1]!._id
      if (page.length < PAGE) {
        done = true
        break
      }
    }
    await ports.store.update('notices', n._id, { set: { sms: { after, done, sent: count } } })
  }
  return { notices: due.length, sent, skipped }
}

type SettingsOut = z.input<C['smsSettings']['output']>

async function settingsView(ports: Ports, communityId: string): Promise<SettingsOut> {
  const month = shanghaiMonth(ports.clock.now())
  const [s, budget, recent] = await Promise.all([
    smsSettingsOf(ports, communityId),
    ports.store.get('smsBudgets', `${communityId}:${month}`),
    ports.store.find('smsSends', { where: { communityId }, orderBy: [{ field: 'at', dir: 'desc' }], limit: 20 })
  ])
  return {
    enabled: s?.enabled ?? false,
    monthlyLimit: s?.monthlyLimit ?? DEFAULT_MONTHLY_LIMIT,
    sentThisMonth: budget?.sent ?? 0,
    recent: recent.map((r) => ({ kind: r.kind, phoneMasked: r.phoneMasked, status: r.status, at: r.at }))
  }
}

export const smsSettings: ActionHandler<C['smsSettings']> = async ({ ports, actor }) => ok(await settingsView(ports, actor.communityId))

export const saveSmsSettings: ActionHandler<C['saveSmsSettings']> = async ({ ports, actor }, input) => {
  const doc: SmsSettingsDoc = { _id: actor.communityId, enabled: input.enabled, monthlyLimit: input.monthlyLimit, updatedBy: actor.user._id, updatedAt: ports.clock.now() }
  if (!(await ports.store.insert('smsSettings', doc)).ok) await ports.store.update('smsSettings', doc._id, { set: { enabled: doc.enabled, monthlyLimit: doc.monthlyLimit, updatedBy: doc.updatedBy, updatedAt: doc.updatedAt } })
  return ok(await settingsView(ports, actor.communityId))
}

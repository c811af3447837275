import { shanghaiDay } from '../../contracts/shanghai'
import type { KitRowT, sellingKitContracts } from '../../contracts/selling-kit'
import type { TrainingLine } from '../../contracts/training-labels'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { missingRequired } from '../training/gate'
import { REF_NOT_FOUND } from './kit-admin'
import type { KitUseDoc, SellingKitDoc } from './kit-docs'
import { type KitRef, closesAt, coverOf, factsOf, kitId, posterPage, refOf, sellable, titleOf } from './kit-refs'
import { kitUseCounts } from './uses'

type C = typeof sellingKitContracts

const GATE_CLOSED = '请先完成本业务线的必修课程'

/** Kits of campaigns still on sale or coming, and of events whose sign-up has not closed, soonest first. */
export const kits: ActionHandler<C['kits']> = async ({ ports, actor }) => {
  const { communityId } = actor
  const now = ports.clock.now()
  const all = await ports.store.find('sellingKits', { where: { communityId }, orderBy: [{ field: 'updatedAt', dir: 'desc' }], limit: 200 })
  const [campaigns, events] = await Promise.all([
    getMany(ports.store, 'campaigns', all.filter((k) => k.kind === 'campaign').map((k) => k.refId)),
    getMany(ports.store, 'events', all.filter((k) => k.kind === 'event').map((k) => k.refId))
  ])
  const live = all.flatMap((k): { kit: SellingKitDoc; ref: KitRef }[] => {
    const c = k.kind === 'campaign' ? campaigns.get(k.refId) : undefined
    const e = k.kind === 'event' ? events.get(k.refId) : undefined
    const ref: KitRef | null = c && c.status !== 'draft' ? { kind: 'campaign', doc: c } : e ? { kind: 'event', doc: e } : null
    return ref && ref.doc.communityId === communityId && sellable(ref, now) ? [{ kit: k, ref }] : []
  })
  const lines = [...new Set(live.map((x) => x.kit.line))]
  const missing = await Promise.all(lines.map((line) => missingRequired(ports, communityId, actor.user._id, line)))
  const open = new Map<TrainingLine, boolean>(lines.map((line, i) => [line, missing[i]!.length === 0]))
  const items = live.map(
    ({ kit, ref }): KitRowT => ({ kind: kit.kind, refId: kit.refId, title: titleOf(ref), line: kit.line, cover: coverOf(ref), closesAt: closesAt(ref), open: open.get(kit.line) ?? false })
  )
  items.sort((a, b) => a.closesAt - b.closesAt)
  return ok({ items })
}

/** The kit behind the gate: a butler missing a required course of the line gets that list instead. */
export const kit: ActionHandler<C['kit']> = async ({ ports, actor }, input) => {
  const { communityId } = actor
  const [ref, doc] = await Promise.all([refOf(ports, communityId, input.kind, input.refId), ports.store.get('sellingKits', kitId(input.kind, input.refId))])
  if (!ref) return fail('SELLING.NOT_FOUND', REF_NOT_FOUND)
  if (!doc || doc.communityId !== communityId) return fail('SELLING.KIT_NOT_FOUND', '这个预售或活动还没有话术工具包')
  const head = { kind: input.kind, refId: input.refId, title: titleOf(ref), line: doc.line }
  const today = shanghaiDay(ports.clock.now())
  const [missing, facts, counts] = await Promise.all([
    missingRequired(ports, communityId, actor.user._id, doc.line),
    factsOf(ports, ref),
    kitUseCounts(ports, communityId, actor.user._id, input.refId, today)
  ])
  if (missing.length > 0) return ok({ open: false as const, ...head, missing })
  return ok({ open: true as const, ...head, cover: coverOf(ref), facts, scripts: doc.scripts, notes: doc.notes, posterPage: posterPage(ref), today: counts })
}

/** A copied script or an opened poster; the request id makes a retry the same use. */
export const recordUse: ActionHandler<C['recordUse']> = async ({ ports, actor }, input) => {
  const { communityId } = actor
  const [ref, doc] = await Promise.all([refOf(ports, communityId, input.kind, input.refId), ports.store.get('sellingKits', kitId(input.kind, input.refId))])
  if (!ref) return fail('SELLING.NOT_FOUND', REF_NOT_FOUND)
  if (!doc || doc.communityId !== communityId) return fail('SELLING.KIT_NOT_FOUND', '这个预售或活动还没有话术工具包')
  if (input.scriptId !== undefined && !doc.scripts.some((s) => s.id === input.scriptId)) {
    return fail('SELLING.KIT_NOT_FOUND', '这条话术已被修改，请刷新后再复制', [{ path: 'scriptId', label: '话术', message: '话术已不存在' }])
  }
  const missing = await missingRequired(ports, communityId, actor.user._id, doc.line)
  if (missing.length > 0) return fail('SELLING.GATE_CLOSED', GATE_CLOSED)
  const at = ports.clock.now()
  const use: KitUseDoc = {
    _id: `${actor.user._id}:${input.clientRequestId}`,
    communityId,
    butlerUserId: actor.user._id,
    kind: input.kind,
    refId: input.refId,
    what: input.what,
    scriptId: input.scriptId ?? null,
    day: shanghaiDay(at),
    at
  }
  const r = await ports.store.insert('kitUses', use)
  const stored = r.ok ? use : ((await ports.store.get('kitUses', use._id)) ?? use)
  return ok({ at: stored.at, today: await kitUseCounts(ports, communityId, actor.user._id, input.refId, stored.day) })
}

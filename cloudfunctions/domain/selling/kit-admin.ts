import type { AdminKitT, sellingKitContracts } from '../../contracts/selling-kit'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { SellingKitDoc } from './kit-docs'
import { kitId, lineOf, refOf, titleOf } from './kit-refs'

type C = typeof sellingKitContracts

export const REF_NOT_FOUND = '预售或活动不存在或不属于当前社区'

async function adminView(ports: Ports, kit: SellingKitDoc): Promise<AdminKitT> {
  const editor = await ports.store.get('users', kit.updatedBy)
  return {
    kind: kit.kind,
    refId: kit.refId,
    line: kit.line,
    scripts: kit.scripts,
    notes: kit.notes,
    version: kit.version,
    updatedAt: kit.updatedAt,
    updatedByName: editor?.nickname ?? ''
  }
}

/**
 * Saves the whole kit under its ref's key: a retry writes the same content again. A script keeps
 * its id across edits when the editor sent it back, so counted copies still name it.
 */
export const saveKit: ActionHandler<C['saveKit']> = async ({ ports, actor }, input) => {
  const id = kitId(input.kind, input.refId)
  const [ref, prior] = await Promise.all([refOf(ports, actor.communityId, input.kind, input.refId), ports.store.get('sellingKits', id)])
  if (!ref || (prior && prior.communityId !== actor.communityId)) return fail('SELLING.NOT_FOUND', REF_NOT_FOUND, [{ path: 'refId', label: '预售或活动', message: '本社区没有这个预售或活动' }])
  const known = new Set(prior?.scripts.map((s) => s.id) ?? [])
  const scripts = input.scripts.map((s) => ({
    id: s.id && known.has(s.id) ? s.id : `s${ports.random.id(6)}`,
    channel: s.channel,
    title: s.title,
    text: s.text
  }))
  const now = ports.clock.now()
  const content = { scripts, notes: input.notes, line: lineOf(ref), updatedBy: actor.user._id, updatedAt: now }
  const doc: SellingKitDoc = { _id: id, kind: input.kind, refId: input.refId, communityId: actor.communityId, version: 1, ...content }
  const inserted = await ports.store.insert('sellingKits', doc)
  if (inserted.ok) return ok(await adminView(ports, doc))
  const saved = await ports.store.update('sellingKits', id, { set: content, inc: { version: 1 } }, { communityId: actor.communityId })
  // The version as stored: another editor may have saved in between.
  const stored = saved ? await ports.store.get('sellingKits', id) : null
  if (!stored) return fail('SELLING.NOT_FOUND', REF_NOT_FOUND)
  return ok(await adminView(ports, stored))
}

export const adminKit: ActionHandler<C['adminKit']> = async ({ ports, actor }, input) => {
  const [ref, kit] = await Promise.all([refOf(ports, actor.communityId, input.kind, input.refId), ports.store.get('sellingKits', kitId(input.kind, input.refId))])
  if (!ref) return fail('SELLING.NOT_FOUND', REF_NOT_FOUND)
  return ok({ title: titleOf(ref), kit: kit && kit.communityId === actor.communityId ? await adminView(ports, kit) : null })
}

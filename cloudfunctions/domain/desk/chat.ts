import type { ChatViewT, deskChatContracts } from '../../contracts/desk-chat'
import { findUserByOpenid, loadActor } from '../../kernel/actor'
import type { WechatIdentity } from '../../kernel/identity'
import type { WechatCsMessage } from '../../kernel/wechat-message'
import type { ActionHandler } from '../../kernel/module'
import { afterTimeCursor, timeCursorOf } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { Filter } from '../../kernel/store'
import type { UserDoc } from '../docs'
import { householdLabel, maskName } from '../user/format'
import type { ChatDoc, ChatMessageDoc } from './docs'

type C = typeof deskChatContracts

/** WeChat lets a reply through customerServiceMessage.send this long after the resident's last message. */
export const WECHAT_WINDOW_MS = 48 * 3600_000
const PAGE = 30

export function chatView(c: ChatDoc): ChatViewT {
  return {
    id: c._id,
    householdId: c.householdId,
    householdLabel: c.householdLabel || '未绑定房屋',
    residentName: c.residentName,
    lastText: c.lastText,
    lastAt: c.lastAt,
    unanswered: c.unanswered,
    wechatOpenUntil: c.lastWechatAt === null ? null : c.lastWechatAt + WECHAT_WINDOW_MS,
    workOrder: c.workOrderId && c.workOrderNo ? { id: c.workOrderId, no: c.workOrderNo } : null
  }
}

function messageView(m: ChatMessageDoc) {
  return { id: m._id, dir: m.dir, kind: m.kind, text: m.text, imageUrl: m.imageUrl, at: m.at, byName: m.byName, delivery: m.delivery }
}

async function messagesOf(ports: Ports, chatId: string, limit: number): Promise<ChatMessageDoc[]> {
  const rows = await ports.store.find('chatMessages', { where: { chatId }, orderBy: [{ field: 'at', dir: 'desc' }], limit })
  return rows.reverse()
}

/** The household a resident's message is about: the one they last chose in this community, else their only one. */
async function homeOf(ports: Ports, user: UserDoc, communityId: string, householdIds: readonly string[]): Promise<{ id: string | null; label: string }> {
  const chosen = user.lastContext?.communityId === communityId && user.lastContext.householdId && householdIds.includes(user.lastContext.householdId) ? user.lastContext.householdId : householdIds[0]
  if (!chosen) return { id: null, label: '' }
  const h = await ports.store.get('households', chosen)
  if (!h) return { id: null, label: '' }
  const b = await ports.store.get('buildings', h.buildingId)
  return { id: h._id, label: householdLabel(b ?? undefined, h) }
}

/**
 * Records a resident's message in their conversation: the message once (its id is WeChat's or the
 * request's, so a retried push or a double tap adds nothing), then the conversation's summary.
 */
async function record(ports: Ports, chat: Omit<ChatDoc, 'lastText' | 'lastAt' | 'lastWechatAt' | 'unanswered' | 'workOrderId' | 'workOrderNo' | 'createdAt'>, msg: ChatMessageDoc, viaWechat: boolean): Promise<boolean> {
  const inserted = await ports.store.insert('chatMessages', msg)
  if (!inserted.ok) return false
  const summary = { lastText: msg.text.slice(0, 60), lastAt: msg.at, unanswered: true, ...(viaWechat ? { lastWechatAt: msg.at } : {}), householdId: chat.householdId, householdLabel: chat.householdLabel }
  const made = await ports.store.insert('chats', { ...chat, lastWechatAt: null, workOrderId: null, workOrderNo: null, createdAt: msg.at, ...summary })
  if (!made.ok) await ports.store.update('chats', chat._id, { set: summary })
  return true
}

function wechatText(m: WechatCsMessage): { kind: ChatMessageDoc['kind']; text: string; imageUrl: string | null } {
  if (m.MsgType === 'text') return { kind: 'text', text: (m.Content ?? '').slice(0, 2000), imageUrl: null }
  if (m.MsgType === 'image') return { kind: 'image', text: '[图片]', imageUrl: m.PicUrl ?? null }
  if (m.MsgType === 'miniprogrampage') return { kind: 'card', text: `[小程序卡片] ${m.Title ?? ''}`.trim(), imageUrl: null }
  return { kind: 'event', text: m.Event === 'user_enter_tempsession' ? '进入了客服会话' : `[${m.MsgType}]`, imageUrl: null }
}

/**
 * A push from WeChat, for the caller the platform names (the kernel has checked it is the
 * message's sender). The conversation is in the community the resident last acted in, else the
 * one they live in; someone not registered, or with no community, has no household to log
 * against: it is logged and dropped.
 */
export async function receiveWechatMessage(ports: Ports, identity: WechatIdentity, m: WechatCsMessage): Promise<void> {
  const user = await findUserByOpenid(ports.store, identity.openid)
  const [first] = user && !user.lastContext ? await ports.store.find('memberships', { where: { userId: user._id, status: 'active' }, limit: 1 }) : []
  const communityId = user?.lastContext?.communityId ?? first?.communityId ?? null
  if (!user || !communityId) {
    ports.log.warn('customer service message from a caller with no community', { msgType: m.MsgType })
    return
  }
  const actor = await loadActor(ports.store, identity, user, communityId)
  // Our clock, not the push's: the 48-hour reply window is counted from when we heard it.
  const at = ports.clock.now()
  const home = await homeOf(ports, user, communityId, actor.householdIds)
  const { kind, text, imageUrl } = wechatText(m)
  const chatId = `${communityId}:${user._id}`
  await record(
    ports,
    { _id: chatId, communityId, userId: user._id, openid: identity.openid, residentName: user.nickname, householdId: home.id, householdLabel: home.label },
    { _id: m.MsgId !== undefined ? `wx:${identity.openid}:${m.MsgId}` : `wx:${identity.openid}:${m.CreateTime}:${m.MsgType}`, chatId, communityId, householdId: home.id, dir: 'in', kind, text, imageUrl, at, byUserId: user._id, byName: user.nickname, delivery: 'received' },
    true
  )
}

export const chats: ActionHandler<C['chats']> = async ({ ports, actor }, input) => {
  const where: Filter[] = [{ communityId: actor.communityId }]
  if (input.view === 'unanswered') where.push({ unanswered: true })
  if (input.cursor) {
    const after = afterTimeCursor(input.cursor, 'lastAt', 'desc')
    if (!after) return fail('REQUEST.INVALID_INPUT', '翻页位置无效，请刷新', [{ path: 'cursor', message: '翻页位置无效' }])
    where.push(after)
  }
  const rows = await ports.store.find('chats', { where: { and: where }, orderBy: [{ field: 'lastAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], limit: PAGE })
  return ok({ chats: rows.map(chatView), next: timeCursorOf(rows, PAGE, (c) => c.lastAt) })
}

async function chatIn(ports: Ports, communityId: string, chatId: string) {
  const c = await ports.store.get('chats', chatId)
  return c && c.communityId === communityId ? c : null
}

const NO_CHAT = fail('CHAT.NOT_FOUND', '会话不存在', [{ path: 'chatId', message: '会话不存在' }])

export const chat: ActionHandler<C['chat']> = async ({ ports, actor }, input) => {
  const [c, messages] = await Promise.all([chatIn(ports, actor.communityId, input.chatId), messagesOf(ports, input.chatId, 100)])
  if (!c) return NO_CHAT
  return ok({ chat: chatView(c), messages: messages.map(messageView) })
}

export const reply: ActionHandler<C['reply']> = async ({ ports, actor }, input) => {
  const c = await chatIn(ports, actor.communityId, input.chatId)
  if (!c) return NO_CHAT
  const id = `out:${actor.user._id}:${input.clientRequestId}`
  const now = ports.clock.now()
  const name = `客服${maskName(actor.user.nickname)?.slice(0, 1) ?? ''}`
  // The reply is written first, under its request's key: of two tabs or a double click sending
  // the same reply at once, only the one whose insert won sends it.
  const pending: ChatMessageDoc = { _id: id, chatId: c._id, communityId: c.communityId, householdId: c.householdId, dir: 'out', kind: 'text', text: input.text, imageUrl: null, at: now, byUserId: actor.user._id, byName: name, delivery: 'sending' }
  if (!(await ports.store.insert('chatMessages', pending)).ok) {
    const twin = await ports.store.get('chatMessages', id)
    return ok({ chat: chatView(c), message: messageView(twin ?? pending) })
  }
  const viaWechat = c.lastWechatAt !== null && now - c.lastWechatAt < WECHAT_WINDOW_MS
  let delivery: ChatMessageDoc['delivery'] = 'inbox'
  let error: string | undefined
  if (viaWechat) {
    const sent = await ports.kf.sendText(c.openid, input.text)
    if (sent.ok) delivery = 'wechat'
    else {
      error = `${sent.errcode} ${sent.errmsg}`
      ports.log.warn('customer service reply not delivered by WeChat; sent to the inbox', { chatId: c._id, errcode: sent.errcode })
    }
  }
  if (delivery !== 'wechat') {
    await ports.notifier.notify({ userId: c.userId, communityId: c.communityId, kind: 'chat-reply', title: '物业客服回复了你', body: input.text.slice(0, 60), link: '/packages/service/pages/contact/index', key: `chat:${id}` })
  }
  const msg: ChatMessageDoc = { ...pending, delivery, ...(error ? { error } : {}) }
  await Promise.all([
    ports.store.update('chatMessages', id, { set: { delivery, ...(error ? { error } : {}) } }),
    ports.store.update('chats', c._id, { set: { unanswered: false, lastText: input.text.slice(0, 60), lastAt: now } })
  ])
  return ok({ chat: chatView({ ...c, unanswered: false, lastText: input.text.slice(0, 60), lastAt: now }), message: messageView(msg) })
}

/** The resident's page shows the conversation itself, not the desk's notes or WeChat's session events. */
const forResident = (m: ChatMessageDoc) => m.dir !== 'note' && m.kind !== 'event'

export const myChat: ActionHandler<C['myChat']> = async ({ ports, actor }) => {
  const messages = await messagesOf(ports, `${actor.communityId}:${actor.user._id}`, 100)
  return ok({ messages: messages.filter(forResident).map(messageView) })
}

export const sendChat: ActionHandler<C['sendChat']> = async ({ ports, actor }, input) => {
  if (input.householdId && !actor.householdIds.includes(input.householdId)) {
    return fail('HOUSEHOLD.NOT_MEMBER', '你不是该房屋的成员', [{ path: 'householdId', message: '不是你的房屋' }])
  }
  const home = input.householdId
    ? await homeOf(ports, { ...actor.user, lastContext: { communityId: actor.communityId, role: 'resident', householdId: input.householdId } }, actor.communityId, actor.householdIds)
    : await homeOf(ports, actor.user, actor.communityId, actor.householdIds)
  const chatId = `${actor.communityId}:${actor.user._id}`
  const now = ports.clock.now()
  await record(
    ports,
    { _id: chatId, communityId: actor.communityId, userId: actor.user._id, openid: actor.user.openid, residentName: actor.user.nickname, householdId: home.id, householdLabel: home.label },
    { _id: `app:${actor.user._id}:${input.clientRequestId}`, chatId, communityId: actor.communityId, householdId: home.id, dir: 'in', kind: 'text', text: input.text, imageUrl: null, at: now, byUserId: actor.user._id, byName: actor.user.nickname, delivery: 'received' },
    false
  )
  const messages = await messagesOf(ports, chatId, 100)
  return ok({ messages: messages.filter(forResident).map(messageView) })
}

import * as z from 'zod'
import { ClientRequestId, EpochMs, Id, MultilineText } from './common'
import { defineAction } from './define'

/**
 * 微信客服: residents write from the contact button (WeChat pushes each message to the `desk`
 * function) or, outside WeChat, from the mini-program's own chat page; 客服 answer from the
 * console. Every message lands on the household's timeline.
 */
const FN = 'desk'

const CHAT_DESK = ['service', 'operator'] as const

export const DELIVERIES = ['sending', 'wechat', 'inbox', 'failed', 'received'] as const
export const DELIVERY_LABELS: Record<(typeof DELIVERIES)[number], string> = {
  sending: '发送中',
  wechat: '已通过微信送达',
  inbox: '已发到小程序消息',
  failed: '发送失败',
  received: ''
}

const MessageView = z.object({
  id: Id,
  dir: z.enum(['in', 'out', 'note']),
  kind: z.enum(['text', 'image', 'card', 'event']),
  text: z.string(),
  /** An image the resident sent, or a mini-program card's cover (a WeChat URL). */
  imageUrl: z.string().nullable(),
  at: EpochMs,
  byName: z.string(),
  delivery: z.enum(DELIVERIES)
})

const ChatView = z.object({
  id: Id,
  householdId: Id.nullable(),
  householdLabel: z.string(),
  residentName: z.string(),
  lastText: z.string(),
  lastAt: EpochMs,
  unanswered: z.boolean(),
  /** Replies go through WeChat until 48 hours after the resident's last message there; then to the inbox. */
  wechatOpenUntil: EpochMs.nullable(),
  workOrder: z.object({ id: Id, no: z.string() }).nullable()
})
export type ChatViewT = z.infer<typeof ChatView>

const Reply = MultilineText.min(1, '请输入回复内容').max(500, '最多 500 字')

export const deskChatContracts = {
  chats: defineAction({
    fn: FN,
    name: 'chats',
    summary: '客服：微信客服与小程序在线咨询会话，待回复的在前',
    access: CHAT_DESK,
    input: z
      .object({
        view: z.enum(['unanswered', 'all']).meta({ label: '范围' }).default('unanswered'),
        cursor: z.string().max(200).meta({ label: '翻页位置' }).nullable().default(null)
      })
      .strict(),
    output: z.object({ chats: z.array(ChatView), next: z.string().nullable() })
  }),
  chat: defineAction({
    fn: FN,
    name: 'chat',
    summary: '客服：一个会话的消息记录',
    access: CHAT_DESK,
    input: z.object({ chatId: Id.meta({ label: '会话' }) }).strict(),
    output: z.object({ chat: ChatView, messages: z.array(MessageView) })
  }),
  reply: defineAction({
    fn: FN,
    name: 'reply',
    summary: '客服：回复住户（48 小时内经微信客服消息送达，之后发到小程序消息）',
    access: CHAT_DESK,
    input: z.object({ chatId: Id.meta({ label: '会话' }), text: Reply.meta({ label: '回复内容' }), clientRequestId: ClientRequestId }).strict(),
    output: z.object({ chat: ChatView, message: MessageView })
  }),
  myChat: defineAction({
    fn: FN,
    name: 'myChat',
    summary: '住户：我与物业客服的对话',
    access: ['resident'],
    input: z.object({}).strict(),
    output: z.object({ messages: z.array(MessageView) })
  }),
  sendChat: defineAction({
    fn: FN,
    name: 'sendChat',
    summary: '住户：在小程序里给物业客服留言',
    access: ['resident'],
    input: z
      .object({
        text: MultilineText.min(1, '请输入内容').max(500, '最多 500 字').meta({ label: '留言' }),
        householdId: Id.meta({ label: '房屋' }).nullable().default(null),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ messages: z.array(MessageView) })
  })
} as const

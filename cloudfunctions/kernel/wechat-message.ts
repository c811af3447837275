import * as z from 'zod'

/**
 * A customer-service message as WeChat pushes it to a cloud function (消息推送, 云函数 mode):
 * the message's fields at the top level of the event, the sender's openid also in the invocation's
 * context. Anything else of the push is ignored.
 */
export const WechatCsEvent = z.object({
  ToUserName: z.string().max(64),
  FromUserName: z.string().min(1).max(64),
  CreateTime: z.number().int().nonnegative(),
  MsgType: z.string().min(1).max(32),
  Content: z.string().max(4000).optional(),
  PicUrl: z.string().max(1000).optional(),
  Title: z.string().max(200).optional(),
  PagePath: z.string().max(1000).optional(),
  Event: z.string().max(64).optional(),
  MsgId: z.union([z.number(), z.string().max(64)]).optional()
})
export type WechatCsMessage = z.infer<typeof WechatCsEvent>

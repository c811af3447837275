import * as z from 'zod'
import { ClientRequestId, EpochMs, Fen, Id, MultilineText, TimeInput } from './common'
import { defineAction } from './define'
import { CHANNELS } from './desk-kinds'
import { RELATIONS } from './roles'

/**
 * Booking a home service for a household that called or walked in: 客服 choose the service, the
 * slot and which member it is for; the booking is that member's, paid after the service in the
 * mini-program (or free under the property fee), so staff never hold a resident's money.
 */
const FN = 'desk'
const BOOK_FOR = ['service', 'operator', 'butler'] as const

export const deskBookingContracts = {
  bookingOptions: defineAction({
    fn: FN,
    name: 'bookingOptions',
    summary: '代约服务：可约的服务项目、所选项目未来 7 天的时段、可代约的房屋成员',
    access: BOOK_FOR,
    input: z.object({ householdId: Id.meta({ label: '房屋' }), lineId: Id.meta({ label: '服务项目' }).nullable().default(null) }).strict(),
    output: z.object({
      lines: z.array(z.object({ id: Id, name: z.string(), kindLabel: z.string(), priceFen: Fen.nullable(), free: z.boolean() })),
      slots: z.array(z.object({ start: EpochMs, end: EpochMs, free: z.number().int() })),
      members: z.array(z.object({ userId: Id, name: z.string(), relation: z.enum(RELATIONS) }))
    })
  }),
  bookFor: defineAction({
    fn: FN,
    name: 'bookFor',
    summary: '客服代住户预约上门服务：预约归该成员，服务后在小程序付款（物业费包含的免费），住户收到消息',
    access: BOOK_FOR,
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        memberUserId: Id.meta({ label: '预约人' }),
        lineId: Id.meta({ label: '服务项目' }),
        slotStart: TimeInput.meta({ label: '预约时段' }),
        channel: z.enum(CHANNELS, '请选择来源渠道').meta({ label: '来源渠道' }),
        note: MultilineText.max(150, '最多 150 字').meta({ label: '备注' }).default(''),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ bookingId: Id, lineName: z.string(), slotStart: EpochMs, slotEnd: EpochMs, payLabel: z.string(), memberName: z.string() })
  })
} as const

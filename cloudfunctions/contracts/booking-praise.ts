import * as z from 'zod'
import { ClientRequestId, EpochMs, Id, MultilineText, Text } from './common'
import { defineAction } from './define'
import { PRAISE_MAX, PRAISE_MIN, PRAISE_STATUSES, hasContact } from './praise-labels'

/**
 * 表扬信: after a done booking the household thanks its worker in writing; an operator approves
 * each letter before it counts for the worker's reputation, the butler's scoreboard and 光荣榜.
 */
const FN = 'booking'

const PraiseView = z.object({
  id: Id,
  bookingId: Id,
  lineName: z.string(),
  workerId: Id,
  workerName: z.string(),
  /** The household's building and room, for the operator reading the queue. */
  householdLabel: z.string(),
  text: z.string(),
  status: z.enum(PRAISE_STATUSES),
  statusLabel: z.string(),
  /** Why an operator did not approve it ('' otherwise). */
  reason: z.string(),
  at: EpochMs,
  decidedAt: EpochMs.nullable()
})
export type PraiseViewT = z.infer<typeof PraiseView>

export const bookingPraiseContracts = {
  thank: defineAction({
    fn: FN,
    name: 'thank',
    summary: '住户：服务完成后给师傅写表扬信（审核后展示）',
    access: ['resident'],
    input: z
      .object({
        bookingId: Id.meta({ label: '预约' }),
        text: MultilineText.min(PRAISE_MIN, `表扬信至少 ${PRAISE_MIN} 个字`)
          .max(PRAISE_MAX, `表扬信最多 ${PRAISE_MAX} 字`)
          .refine((t) => !hasContact(t), '表扬信中不能包含链接或电话')
          .meta({ label: '表扬信' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ letter: PraiseView })
  }),
  praiseQueue: defineAction({
    fn: FN,
    name: 'praiseQueue',
    summary: '运营：表扬信审核队列',
    access: ['operator'],
    input: z.object({ status: z.enum(PRAISE_STATUSES).meta({ label: '状态' }).default('pending') }).strict(),
    output: z.object({ letters: z.array(PraiseView), pending: z.number().int().nonnegative() })
  }),
  moderatePraise: defineAction({
    fn: FN,
    name: 'moderatePraise',
    summary: '运营：通过或退回一封表扬信',
    access: ['operator'],
    input: z
      .object({
        id: Id.meta({ label: '表扬信' }),
        approve: z.boolean().meta({ label: '是否通过' }),
        reason: Text.max(60, '原因最多 60 字').meta({ label: '退回原因' }).default('')
      })
      .strict()
      .refine((m) => m.approve || m.reason.length >= 2, { path: ['reason'], message: '退回时请填写原因' }),
    output: z.object({ letter: PraiseView })
  })
}

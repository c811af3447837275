import * as z from 'zod'
import { Id, Text } from './common'
import { defineAction } from './define'
import { RELATIONS } from './roles'

/**
 * Finding a household at the service desk (客服 on the phone, the front desk, a butler): by room
 * (`1201`, `3栋1201`, `3-1201`), by phone (in full, masked as `138****8000`, or its last four
 * digits), by a member's or the owner's name, or by a car plate. The `desk` function.
 */
const FN = 'desk'

/** Who works the desk: customer service, the front desk's verifiers, butlers and operators. */
export const DESK_ROLES = ['service', 'operator', 'butler', 'verifier'] as const

export const MATCH_KINDS = ['room', 'phone', 'tail', 'name', 'plate'] as const
export type MatchKind = (typeof MATCH_KINDS)[number]
export const MATCH_LABELS: Record<MatchKind, string> = {
  room: '房号',
  phone: '手机号',
  tail: '手机尾号',
  name: '姓名',
  plate: '车牌'
}

const MemberHit = z.object({
  /** Masked as everywhere at the desk: `王*国`, `138****8000`. */
  name: z.string(),
  relation: z.enum(RELATIONS).nullable(),
  phoneMasked: z.string().nullable()
})

export const HouseholdHit = z.object({
  householdId: Id,
  /** `3栋 1201` */
  label: z.string(),
  buildingId: Id,
  /** What the query matched, for the clerk to confirm with the caller: `手机尾号 8000`. */
  matched: z.array(z.enum(MATCH_KINDS)),
  members: z.array(MemberHit),
  /** The grid's butler, who a clerk may hand the household to; null where no grid covers it. */
  butlerName: z.string().nullable()
})
export type HouseholdHitT = z.infer<typeof HouseholdHit>

export const deskFindContracts = {
  find: defineAction({
    fn: FN,
    name: 'find',
    summary: '客服台：按房号、手机号（含打码号码与尾号）、姓名或车牌查找房屋（财务现金收款也用它找房屋）',
    access: [...DESK_ROLES, 'finance'],
    input: z
      .object({
        q: Text.min(2, '请至少输入 2 个字').max(30, '最多 30 个字').meta({ label: '房号、手机号、姓名或车牌' })
      })
      .strict(),
    output: z.object({ households: z.array(HouseholdHit), truncated: z.boolean() })
  })
} as const

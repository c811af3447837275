import * as z from 'zod'
import { typedCode } from './codes'
import { Empty, EpochMs, Id, RelationSchema, RoleSchema, Text } from './common'
import { defineAction } from './define'

const FN = 'user'

/** Household codes are printed as `XXXX-XXXX`; residents type them with or without the dash. */
export const HOUSEHOLD_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const HouseholdCode = typedCode('房屋码', 8, HOUSEHOLD_CODE_ALPHABET)

export const ContextSchema = z.object({
  communityId: Id,
  communityName: z.string(),
  role: RoleSchema,
  /** Set when the role is `resident`: the household the resident acts for. */
  householdId: Id.optional(),
  label: z.string()
})
export type Context = z.infer<typeof ContextSchema>

export const HouseholdMembershipSchema = z.object({
  householdId: Id,
  communityId: Id,
  communityName: z.string(),
  buildingName: z.string(),
  label: z.string(),
  relation: RelationSchema,
  since: EpochMs
})
export type HouseholdMembership = z.infer<typeof HouseholdMembershipSchema>

export const MeSchema = z.object({
  user: z.object({
    id: Id,
    nickname: z.string(),
    avatarUrl: z.string(),
    phoneMasked: z.string().nullable()
  }),
  households: z.array(HouseholdMembershipSchema),
  contexts: z.array(ContextSchema),
  current: ContextSchema.nullable(),
  /** A property-company administrator: may create communities (in the console). */
  admin: z.boolean()
})
export type Me = z.infer<typeof MeSchema>

const InvitationView = z.object({
  token: z.string(),
  householdLabel: z.string(),
  communityName: z.string(),
  relation: RelationSchema,
  inviterName: z.string(),
  expiresAt: EpochMs,
  status: z.enum(['open', 'accepted', 'revoked', 'expired'])
})

const JoinRequestView = z.object({
  id: Id,
  householdId: Id,
  householdLabel: z.string(),
  relation: RelationSchema,
  applicantName: z.string(),
  phoneMasked: z.string().nullable(),
  note: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: EpochMs
})
export type JoinRequestViewT = z.infer<typeof JoinRequestView>

/** The token in an invitation card's path. */
const InvitationToken = Text.min(8, '邀请链接无效').max(40, '邀请链接无效').meta({ label: '邀请链接' })

export const userContracts = {
  login: defineAction({
    fn: FN,
    name: 'login',
    summary: '以平台身份登录；首次登录时创建用户',
    access: 'public',
    input: z.object({ nickname: Text.min(1).max(32).meta({ label: '昵称' }).optional() }).strict(),
    output: MeSchema
  }),
  me: defineAction({
    fn: FN,
    name: 'me',
    summary: '当前用户、房屋与可切换的身份',
    access: 'member',
    input: Empty,
    output: MeSchema
  }),
  updateProfile: defineAction({
    fn: FN,
    name: 'updateProfile',
    summary: '修改昵称、头像与手机号',
    access: 'member',
    input: z
      .object({
        nickname: Text.min(1, '昵称不能为空').max(32, '昵称最多 32 个字').meta({ label: '昵称' }).optional(),
        avatarUrl: z.string().url('头像地址无效').max(512).meta({ label: '头像' }).optional(),
        phone: z
          .string()
          .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号')
          .meta({ label: '手机号' })
          .optional()
      })
      .strict(),
    output: MeSchema
  }),
  switchContext: defineAction({
    fn: FN,
    name: 'switchContext',
    summary: '切换当前社区与身份',
    access: 'member',
    input: z.object({
      communityId: Id.meta({ label: '社区' }),
      role: RoleSchema.meta({ label: '身份' }),
      householdId: Id.meta({ label: '房屋' }).optional()
    }).strict(),
    output: MeSchema
  }),
  bindHousehold: defineAction({
    fn: FN,
    name: 'bindHousehold',
    summary: '业主用物业发放的房屋码绑定房屋',
    access: 'member',
    input: z.object({ code: HouseholdCode }).strict(),
    output: MeSchema
  }),
  createInvitation: defineAction({
    fn: FN,
    name: 'createInvitation',
    summary: '业主邀请家庭成员或租户',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }), relation: z.enum(['family', 'tenant']).meta({ label: '身份' }) }).strict(),
    output: InvitationView
  }),
  getInvitation: defineAction({
    fn: FN,
    name: 'getInvitation',
    summary: '查看邀请（被邀请人打开分享卡片时）',
    access: 'member',
    input: z.object({ token: InvitationToken }).strict(),
    output: InvitationView
  }),
  acceptInvitation: defineAction({
    fn: FN,
    name: 'acceptInvitation',
    summary: '接受邀请，绑定为家庭成员或租户',
    access: 'member',
    input: z.object({ token: InvitationToken }).strict(),
    output: MeSchema
  }),
  listBuildings: defineAction({
    fn: FN,
    name: 'listBuildings',
    summary: '申请加入房屋时选择楼栋与房号',
    access: 'member',
    input: z.object({ communityId: Id.meta({ label: '社区' }) }).strict(),
    output: z.object({
      communityName: z.string(),
      buildings: z.array(
        z.object({
          id: Id,
          name: z.string(),
          households: z.array(z.object({ id: Id, room: z.string() }))
        })
      )
    })
  }),
  listCommunities: defineAction({
    fn: FN,
    name: 'listCommunities',
    summary: '可申请加入的社区',
    access: 'member',
    input: Empty,
    output: z.object({ communities: z.array(z.object({ id: Id, name: z.string(), city: z.string() })) })
  }),
  requestJoin: defineAction({
    fn: FN,
    name: 'requestJoin',
    summary: '家庭成员或租户申请加入房屋，由网格管家审核',
    access: 'member',
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        relation: z.enum(['family', 'tenant']).meta({ label: '身份' }),
        note: Text.max(100, '备注最多 100 个字').meta({ label: '备注' }).default('')
      })
      .strict(),
    output: z.object({ id: Id, status: z.literal('pending') })
  }),
  listJoinRequests: defineAction({
    fn: FN,
    name: 'listJoinRequests',
    summary: '网格管家查看本网格的入户申请',
    access: ['butler'],
    input: z.object({ status: z.enum(['pending', 'approved', 'rejected']).meta({ label: '状态' }).default('pending') }).strict(),
    output: z.object({ requests: z.array(JoinRequestView) })
  }),
  reviewJoinRequest: defineAction({
    fn: FN,
    name: 'reviewJoinRequest',
    summary: '网格管家审核入户申请',
    access: ['butler'],
    input: z
      .object({ id: Id.meta({ label: '申请' }), approve: z.boolean().meta({ label: '审核结果' }), note: Text.max(100).meta({ label: '备注' }).default('') })
      .strict(),
    output: JoinRequestView
  }),
  householdMembers: defineAction({
    fn: FN,
    name: 'householdMembers',
    summary: '房屋的成员列表',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({
      householdLabel: z.string(),
      members: z.array(
        z.object({ userId: Id, nickname: z.string(), relation: RelationSchema, since: EpochMs, isMe: z.boolean() })
      )
    })
  }),
  gridOverview: defineAction({
    fn: FN,
    name: 'gridOverview',
    summary: '网格管家的网格：楼栋、户数、已绑定户数',
    access: ['butler'],
    input: Empty,
    output: z.object({
      gridName: z.string(),
      buildings: z.array(z.object({ id: Id, name: z.string(), households: z.number().int(), bound: z.number().int() })),
      pendingRequests: z.number().int()
    })
  }),
  communityOverview: defineAction({
    fn: FN,
    name: 'communityOverview',
    summary: '运营查看社区的楼栋、户数与绑定率',
    access: ['operator'],
    input: Empty,
    output: z.object({
      communityName: z.string(),
      households: z.number().int(),
      boundHouseholds: z.number().int(),
      residents: z.number().int(),
      buildings: z.array(z.object({ id: Id, name: z.string(), households: z.number().int(), bound: z.number().int() })),
      grids: z.array(z.object({ id: Id, name: z.string(), butlerName: z.string(), buildings: z.number().int() }))
    })
  })
} as const

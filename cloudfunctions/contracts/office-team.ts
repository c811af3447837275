import * as z from 'zod'
import { EpochMs, Id, Ok, Text } from './common'
import { defineAction } from './define'
import { STAFF_ROLES } from './roles'
import { MeSchema } from './user'

/**
 * The community's team in the web console: staff invited by role (accepted in the mini-program),
 * roles removed, and buildings grouped into grids each looked after by a butler.
 */
const FN = 'office'

/** An invitation waits a week for the invitee to open it in WeChat. */
export const STAFF_INVITATION_TTL_MS = 7 * 24 * 3600_000

export const STAFF_INVITATION_STATUSES = ['open', 'accepted', 'revoked', 'expired'] as const
export type StaffInvitationStatus = (typeof STAFF_INVITATION_STATUSES)[number]
export const STAFF_INVITATION_STATUS_LABELS: Record<StaffInvitationStatus, string> = {
  open: '待接受',
  accepted: '已接受',
  revoked: '已撤销',
  expired: '已过期'
}

/** Tokens are random base64url made by the server; the bound keeps a hostile link small. */
const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '邀请链接不完整，请重新打开').meta({ label: '邀请' })
const RoleInput = z.enum(STAFF_ROLES, '请选择岗位').meta({ label: '岗位' })
const InviteeName = Text.min(2, '请填写姓名（至少 2 个字）').max(20, '最多 20 个字').meta({ label: '姓名' })
const GridName = Text.min(2, '请填写网格名称（至少 2 个字）').max(20, '最多 20 个字').meta({ label: '网格名称' })

const StaffMemberView = z.object({
  userId: Id,
  nickname: z.string(),
  /** Masked: 139****3333; empty when the user never gave one. */
  phone: z.string(),
  roles: z.array(z.object({ role: z.enum(STAFF_ROLES), since: EpochMs })),
  /** Grids this person looks after, by name (butlers). */
  grids: z.array(z.string()),
  /** The caller: an operator cannot take their own operator role away. */
  self: z.boolean()
})
export type StaffMemberView = z.infer<typeof StaffMemberView>

const StaffInvitationView = z.object({
  id: Id,
  token: z.string(),
  role: z.enum(STAFF_ROLES),
  name: z.string(),
  status: z.enum(STAFF_INVITATION_STATUSES),
  createdAt: EpochMs,
  expiresAt: EpochMs,
  inviterName: z.string(),
  /** Who accepted it, as WeChat names them. */
  acceptedName: z.string().nullable()
})
export type StaffInvitationView = z.infer<typeof StaffInvitationView>

const GridView = z.object({
  id: Id,
  name: z.string(),
  butlerUserId: Id,
  butlerName: z.string(),
  buildingIds: z.array(Id),
  households: z.number().int()
})
export type GridView = z.infer<typeof GridView>

export const teamContracts = {
  inviteStaff: defineAction({
    fn: FN,
    name: 'inviteStaff',
    summary: '运营按岗位邀请工作人员：生成一周内有效的邀请链接与二维码，对方在小程序里接受',
    access: ['operator'],
    input: z.object({ role: RoleInput, name: InviteeName }).strict(),
    output: StaffInvitationView
  }),
  staff: defineAction({
    fn: FN,
    name: 'staff',
    summary: '运营查看社区的工作人员与岗位，以及发出的邀请',
    access: ['operator'],
    input: z.object({}).strict(),
    output: z.object({ members: z.array(StaffMemberView), invitations: z.array(StaffInvitationView) })
  }),
  revokeStaffInvitation: defineAction({
    fn: FN,
    name: 'revokeStaffInvitation',
    summary: '运营撤销尚未接受的邀请，链接随即失效',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '邀请' }) }).strict(),
    output: Ok
  }),
  removeStaffRole: defineAction({
    fn: FN,
    name: 'removeStaffRole',
    summary: '运营取消某人在社区的一个岗位（管家须先移交网格；社区至少保留一位运营）',
    access: ['operator'],
    input: z.object({ userId: Id.meta({ label: '工作人员' }), role: RoleInput }).strict(),
    output: Ok
  }),
  staffInvitation: defineAction({
    fn: FN,
    name: 'staffInvitation',
    summary: '被邀请人在小程序里查看邀请：哪个社区、什么岗位、谁发出的',
    access: 'member',
    input: z.object({ token: InvitationToken }).strict(),
    output: z.object({
      communityName: z.string(),
      role: z.enum(STAFF_ROLES),
      name: z.string(),
      inviterName: z.string(),
      expiresAt: EpochMs,
      status: z.enum(STAFF_INVITATION_STATUSES),
      /** The caller holds this role there already. */
      held: z.boolean()
    })
  }),
  acceptStaffInvitation: defineAction({
    fn: FN,
    name: 'acceptStaffInvitation',
    summary: '被邀请人接受邀请，获得该社区的岗位并切换到这个身份',
    access: 'member',
    input: z.object({ token: InvitationToken }).strict(),
    output: MeSchema
  }),
  grids: defineAction({
    fn: FN,
    name: 'grids',
    summary: '运营查看网格划分：每个网格的楼栋与管家，尚未划入网格的楼栋，可选的管家',
    access: ['operator'],
    input: z.object({}).strict(),
    output: z.object({
      grids: z.array(GridView),
      buildings: z.array(z.object({ id: Id, name: z.string(), households: z.number().int(), gridId: Id.nullable() })),
      butlers: z.array(z.object({ userId: Id, nickname: z.string() }))
    })
  }),
  saveGrid: defineAction({
    fn: FN,
    name: 'saveGrid',
    summary: '运营新建或修改网格：名称、楼栋与网格管家；楼栋从原来的网格移入这个网格',
    access: ['operator'],
    input: z
      .object({
        /** Absent: a new grid. */
        id: Id.meta({ label: '网格' }).optional(),
        name: GridName,
        butlerUserId: Id.meta({ label: '网格管家' }),
        buildingIds: z.array(Id).min(1, '请至少选择一栋楼').max(200, '最多 200 栋').meta({ label: '楼栋' })
      })
      .strict(),
    output: z.object({ id: Id, movedFrom: z.array(z.string()) })
  }),
  deleteGrid: defineAction({
    fn: FN,
    name: 'deleteGrid',
    summary: '运营删除网格，其楼栋回到未划分',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '网格' }) }).strict(),
    output: Ok
  })
} as const

import * as z from 'zod'
import { typedCode } from './codes'
import { EpochMs, Id, Ok, Text } from './common'
import { defineAction } from './define'
import { IMPORT_FIELDS, IMPORT_MAX_ROWS, IMPORT_PAGE_ROWS, type RawHouseholdRow as RawHouseholdRowType } from './household-import'
import { goLiveContracts } from './office-golive'
import { teamContracts } from './office-team'
import { HOUSEHOLD_CODE_ALPHABET } from './user'

/**
 * The office's web console: signing in by scanning a QR code with the mini-program, and the
 * sessions that gives. A console session's id is also its CloudBase custom-login user id
 * (4-32 characters), so it has a fixed, checkable shape.
 */
const FN = 'office'

const CONSOLE_SESSION_ID = /^cs[A-Za-z0-9_-]{20}$/
export function isConsoleSessionId(s: string): boolean {
  return CONSOLE_SESSION_ID.test(s)
}

/** How long a QR code waits to be scanned and confirmed. */
export const SIGN_IN_TTL_MS = 2 * 60_000
/** A console session lasts an office day; after it the console asks for a new scan. */
export const CONSOLE_SESSION_TTL_MS = 12 * 3600_000

const SignInId = Id.meta({ label: '登录请求' })
const Device = Text.min(1, '请说明是哪台电脑').max(120, '最多 120 个字').meta({ label: '登录设备' })

export const SIGN_IN_STATUSES = ['pending', 'confirmed', 'rejected', 'expired'] as const
export type SignInStatus = (typeof SIGN_IN_STATUSES)[number]

/**
 * The setup code (初始化码) makes the first property-company administrator, who creates the
 * communities. Printed as `XXXX-XXXX-XXXX` by `npm start` (locally) or set as LINLI_SETUP_CODE on
 * the office function (CloudBase); the alphabet of household codes, so nothing reads ambiguously.
 */
export const SETUP_CODE_LENGTH = 12
export const SETUP_CODE_ALPHABET = HOUSEHOLD_CODE_ALPHABET
export const SetupCode = typedCode('初始化码', SETUP_CODE_LENGTH, SETUP_CODE_ALPHABET)

const CommunityName = Text.min(2, '至少 2 个字').max(30, '最多 30 个字').meta({ label: '社区名称' })
const City = Text.min(2, '至少 2 个字').max(20, '最多 20 个字').meta({ label: '城市' })
const Address = Text.min(4, '请写到街道门牌').max(80, '最多 80 个字').meta({ label: '地址' })
const Company = Text.min(2, '至少 2 个字').max(40, '最多 40 个字').meta({ label: '物业公司' })

/**
 * A cell as the file has it: checked row by row in the domain (household-import.ts), so one bad
 * cell names its line and field instead of refusing the whole page. Bounded here against abuse;
 * control characters the console has already named by row, so here they refuse the page.
 */
const Cell = Text.max(60, '单元格内容过长（最多 60 个字）').meta({ label: '单元格' })
const RawHouseholdRow = z
  .object({
    line: z.number().int().min(1).max(IMPORT_MAX_ROWS + 1).meta({ label: '行号' }),
    building: Cell,
    unit: Cell,
    room: Cell,
    area: Cell,
    ownerName: Cell,
    ownerPhone: Cell,
    parkingSpaces: Cell
  })
  .strict() satisfies z.ZodType<RawHouseholdRowType>
const ImportProblemView = z.object({ line: z.number().int(), field: z.enum(IMPORT_FIELDS), label: z.string(), message: z.string() })

const HouseholdView = z.object({
  id: Id,
  buildingId: Id,
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  areaCm2: z.number().int(),
  parkingSpaces: z.number().int(),
  /** Masked: 王*国, 138****1234. */
  ownerName: z.string(),
  ownerPhone: z.string(),
  /** Residents bound to it now. */
  members: z.number().int(),
  /** It has a code that binds: printed here, or handed out before the console (a seeded or migrated community). */
  hasCode: z.boolean(),
  /** When its current code slip was printed here (the code itself is never kept). */
  codeIssuedAt: EpochMs.nullable()
})
export type HouseholdView = z.infer<typeof HouseholdView>

const StaffRoleView = z.object({ communityName: z.string(), roleLabel: z.string() })

const ConsoleSessionView = z.object({
  id: Id,
  device: z.string(),
  createdAt: EpochMs,
  expiresAt: EpochMs,
  /** The console this request came from. */
  current: z.boolean()
})
export type ConsoleSessionView = z.infer<typeof ConsoleSessionView>

const consoleContracts = {
  startSignIn: defineAction({
    fn: FN,
    name: 'startSignIn',
    summary: '电脑端发起扫码登录：返回二维码所含的请求编号，以及只有这台电脑知道的轮询密钥',
    access: 'anonymous',
    input: z.object({ device: Device }).strict(),
    output: z.object({ id: Id, secret: z.string(), expiresAt: EpochMs })
  }),
  pollSignIn: defineAction({
    fn: FN,
    name: 'pollSignIn',
    summary: '电脑端等待扫码确认；确认后换得登录凭证（云开发自定义登录票据，本地为开发会话）',
    access: 'anonymous',
    input: z.object({ id: SignInId, secret: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '格式不对').meta({ label: '轮询密钥' }) }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.enum(['pending', 'rejected', 'expired']) }),
      z.object({ status: z.literal('signedIn'), ticket: z.string(), sessionId: Id, expiresAt: EpochMs })
    ])
  }),
  signInRequest: defineAction({
    fn: FN,
    name: 'signInRequest',
    summary: '扫码后在小程序里查看：哪台电脑在请求登录，以及将以哪些工作身份登录',
    access: 'member',
    input: z.object({ id: SignInId }).strict(),
    output: z.object({
      id: Id,
      device: z.string(),
      createdAt: EpochMs,
      expiresAt: EpochMs,
      status: z.enum(SIGN_IN_STATUSES),
      roles: z.array(StaffRoleView),
      /** The company has no administrator yet and a setup code is configured: a first day. */
      setupOpen: z.boolean()
    })
  }),
  confirmSignIn: defineAction({
    fn: FN,
    name: 'confirmSignIn',
    summary: '工作人员在小程序里确认电脑端登录（仅限有工作身份的用户）',
    access: 'member',
    input: z.object({ id: SignInId }).strict(),
    output: Ok
  }),
  rejectSignIn: defineAction({
    fn: FN,
    name: 'rejectSignIn',
    summary: '拒绝电脑端的登录请求',
    access: 'member',
    input: z.object({ id: SignInId }).strict(),
    output: Ok
  }),
  sessions: defineAction({
    fn: FN,
    name: 'sessions',
    summary: '我在电脑端的登录设备（未过期、未退出的）',
    access: 'member',
    input: z.object({}).strict(),
    output: z.object({ sessions: z.array(ConsoleSessionView) })
  }),
  claimAdmin: defineAction({
    fn: FN,
    name: 'claimAdmin',
    summary: '用初始化码成为物业公司的第一位管理员（此后可创建社区）；初始化码只能用一次',
    access: 'member',
    input: z.object({ code: SetupCode }).strict(),
    output: Ok
  }),
  createCommunity: defineAction({
    fn: FN,
    name: 'createCommunity',
    summary: '公司管理员创建社区；创建人成为该社区的运营',
    access: 'member',
    input: z.object({ name: CommunityName, city: City, address: Address, company: Company }).strict(),
    output: z.object({ id: Id })
  }),
  importHouseholds: defineAction({
    fn: FN,
    name: 'importHouseholds',
    summary: '运营从表格导入楼栋与房屋（每次一页，最多 200 行）：预览时逐行指出问题，导入可重复执行，只更新不重复',
    access: ['operator'],
    input: z
      .object({
        rows: z.array(RawHouseholdRow).min(1, '没有可导入的行').max(IMPORT_PAGE_ROWS, `每次最多 ${IMPORT_PAGE_ROWS} 行`).meta({ label: '房屋' }),
        /** Check and count only; nothing is written. */
        dryRun: z.boolean().meta({ label: '仅预览' }),
        /** Buildings the community does not have yet are made; otherwise such a row is a problem. */
        newBuildings: z.boolean().meta({ label: '允许新建楼栋' })
      })
      .strict(),
    output: z.object({
      problems: z.array(ImportProblemView),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      /** Buildings made (or, in a preview, to be made), by name. */
      buildingsCreated: z.array(z.string())
    })
  }),
  households: defineAction({
    fn: FN,
    name: 'households',
    summary: '运营与客服查看社区的房屋（按楼栋筛选、分页），业主姓名与手机号脱敏显示',
    access: ['operator', 'service'],
    input: z
      .object({
        buildingId: Id.meta({ label: '楼栋' }).optional(),
        offset: z.number().int().min(0).max(100_000).meta({ label: '起始位置' }),
        limit: z.number().int().min(1).max(100).meta({ label: '每页条数' })
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      buildings: z.array(z.object({ id: Id, name: z.string(), households: z.number().int() })),
      rows: z.array(HouseholdView)
    })
  }),
  issueCodes: defineAction({
    fn: FN,
    name: 'issueCodes',
    summary: '运营为房屋生成房屋码并打印码条：房屋码只在此刻显示一次，只保存其哈希；重新生成会让旧码作废',
    access: ['operator'],
    input: z
      .object({
        householdIds: z.array(Id).min(1, '请选择房屋').max(IMPORT_PAGE_ROWS, `每次最多 ${IMPORT_PAGE_ROWS} 户`).meta({ label: '房屋' }),
        /** Households that have a code already get a new one, and the old one stops working. */
        reissue: z.boolean().meta({ label: '重新生成' })
      })
      .strict(),
    output: z.object({
      slips: z.array(z.object({ householdId: Id, building: z.string(), room: z.string(), code: z.string() })),
      /** Households that already had a code and were left alone (reissue off). */
      kept: z.number().int(),
      /** Households whose code another print changed at the same moment: that print has them. */
      busy: z.number().int(),
      /** Households whose new code could not be written; their old code still works. */
      failed: z.number().int()
    })
  }),
  revokeSession: defineAction({
    fn: FN,
    name: 'revokeSession',
    summary: '让某台电脑退出登录（本人的会话）',
    access: 'member',
    input: z.object({ id: Id.meta({ label: '登录设备' }) }).strict(),
    output: Ok
  })
}

export const officeContracts = { ...consoleContracts, ...teamContracts, ...goLiveContracts }

import * as z from 'zod'
import { EpochMs, Fen, Id, SignedFen } from './common'
import { defineAction } from './define'
import { Period } from './fee'
import { COMMISSION_LINES, COMMISSION_MODES, COMMISSION_SCOPES, COMMISSION_TOUCHES, ENTRY_KINDS, STATEMENT_STATUSES } from './selling-labels'

/**
 * Commission (佣金): operators set a rule per campaign or per line (percent or a fixed amount per
 * order, credited to the first or the last butler whose card the buyer opened); paid orders accrue,
 * refunds reverse pro rata, and a monthly statement per butler adds them up with last month's
 * negative balance carried in. No money moves here: the payout part pays approved statements.
 */
const FN = 'selling'

/** Two decimals at most, so a percentage is a whole number of basis points. */
const Percent = z
  .number('请填写佣金比例')
  .min(0, '佣金比例不能小于 0')
  .max(100, '佣金比例不能超过 100%')
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, '佣金比例最多保留两位小数')

export const RuleInput = z
  .object({
    scope: z.enum(COMMISSION_SCOPES, '请选择适用范围').meta({ label: '适用范围' }),
    /** The campaign id, or the line (`presale`) of a line rule. */
    refId: Id.meta({ label: '适用对象' }),
    mode: z.enum(COMMISSION_MODES, '请选择计算方式').meta({ label: '计算方式' }),
    percent: Percent.optional().meta({ label: '佣金比例' }),
    fixedFen: z
      .number('请填写每单佣金')
      .int('每单佣金须为整数分')
      .min(1, '每单佣金至少 0.01 元')
      .max(100_000, '每单佣金最多 1000 元')
      .optional()
      .meta({ label: '每单佣金', money: true }),
    touch: z.enum(COMMISSION_TOUCHES, '请选择归属方式').meta({ label: '归属方式' })
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.mode === 'percent' && r.percent === undefined) ctx.addIssue({ code: 'custom', path: ['percent'], message: '请填写佣金比例' })
    if (r.mode === 'fixed' && r.fixedFen === undefined) ctx.addIssue({ code: 'custom', path: ['fixedFen'], message: '请填写每单佣金' })
    if (r.scope === 'line' && !(COMMISSION_LINES as readonly string[]).includes(r.refId)) {
      ctx.addIssue({ code: 'custom', path: ['refId'], message: '请选择业务线：严选预售或到家服务' })
    }
  })
export type RuleInputT = z.input<typeof RuleInput>

const RuleView = z.object({
  id: Id,
  scope: z.enum(COMMISSION_SCOPES),
  refId: Id,
  /** The campaign's title, or the line's name. */
  refTitle: z.string(),
  mode: z.enum(COMMISSION_MODES),
  /** Basis points (800 = 8%). */
  bp: z.number().int().min(0).max(10_000),
  fixedFen: Fen,
  touch: z.enum(COMMISSION_TOUCHES),
  updatedAt: EpochMs,
  updatedByName: z.string()
})
export type RuleViewT = z.infer<typeof RuleView>

const StatementRow = z.object({
  id: Id,
  month: Period,
  butlerUserId: Id,
  butlerName: z.string(),
  status: z.enum(STATEMENT_STATUSES),
  totalFen: SignedFen,
  payableFen: Fen,
  carryInFen: SignedFen,
  carryOutFen: SignedFen,
  entries: z.number().int().nonnegative(),
  approvedAt: EpochMs.nullable(),
  paidAt: EpochMs.nullable(),
  failReason: z.string().nullable()
})
export type StatementRowT = z.infer<typeof StatementRow>

const StatementLine = z.object({
  id: Id,
  kind: z.enum(ENTRY_KINDS),
  /** The campaign's title; empty for a carry line. */
  campaignTitle: z.string(),
  /** `1栋 1**`: where the buyer lives, never who. */
  householdLabel: z.string(),
  touch: z.enum(COMMISSION_TOUCHES).nullable(),
  baseFen: Fen,
  refundFen: Fen,
  amountFen: SignedFen,
  at: EpochMs
})
export type StatementLineT = z.infer<typeof StatementLine>

const StatementView = StatementRow.extend({ lines: z.array(StatementLine) })
export type StatementViewT = z.infer<typeof StatementView>

export const sellingCommissionContracts = {
  saveRule: defineAction({
    fn: FN,
    name: 'saveRule',
    summary: '运营：设置佣金规则（按预售或整条业务线；按比例或每单固定；首次或最后分享归属）',
    access: ['operator'],
    input: RuleInput,
    output: RuleView
  }),
  rules: defineAction({
    fn: FN,
    name: 'rules',
    summary: '运营：本社区的佣金规则',
    access: ['operator'],
    input: z.object({}).strict(),
    output: z.object({ items: z.array(RuleView) })
  }),
  buildStatements: defineAction({
    fn: FN,
    name: 'buildStatements',
    summary: '运营：生成某月的管家佣金结算单（可重复执行，只补未完成的部分）',
    access: ['operator'],
    input: z.object({ month: Period }).strict(),
    output: z.object({ month: Period, statements: z.number().int().nonnegative(), entries: z.number().int().nonnegative() })
  }),
  statements: defineAction({
    fn: FN,
    name: 'statements',
    summary: '运营：某月的管家佣金结算单',
    access: ['operator'],
    input: z.object({ month: Period, status: z.enum(STATEMENT_STATUSES, '请选择状态').optional().meta({ label: '状态' }) }).strict(),
    output: z.object({ items: z.array(StatementRow) })
  }),
  statement: defineAction({
    fn: FN,
    name: 'statement',
    summary: '运营或管家本人：一张结算单的明细（预售、住户楼栋、归属方式与金额）',
    access: ['operator', 'butler'],
    input: z.object({ id: Id.meta({ label: '结算单' }) }).strict(),
    output: StatementView
  }),
  myStatements: defineAction({
    fn: FN,
    name: 'myStatements',
    summary: '管家：自己的月度佣金结算单',
    access: ['butler'],
    input: z.object({}).strict(),
    output: z.object({ items: z.array(StatementRow) })
  })
} as const

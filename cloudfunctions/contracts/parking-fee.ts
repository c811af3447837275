import * as z from 'zod'
import { Fen } from './common'

/**
 * A lot's fee rule for temporary parking (临时停车收费标准), the shape the pure function in
 * domain/parking/fee.ts prices. All money is whole fen, all clock times Asia/Shanghai.
 *
 * How a stay is priced, so an operator (and a test) can work it out by hand:
 * 1. a stay of at most `freeMinutes` costs nothing; a longer one is charged from its entry;
 * 2. the stay is cut into hours from the entry, the last one counted whole (不足一小时按一小时计);
 * 3. an hour is priced by when it starts: inside the night window at the night price, else the
 *    session's first hour at `firstHourFen` and every later one at `perHourFen`;
 * 4. the hours that start in one night window cost at most the night cap together;
 * 5. each 24-hour period counted from the entry costs at most `dailyCapFen`; when the stay is
 *    longer than 24 hours, each period costs at most `longStayCapFen` instead (包天), where set.
 */
const MAX_FEN = 1_000_000
const Price = Fen.max(MAX_FEN, '金额不能超过 10000 元')
const Cap = Price.nullable()

/** `22:00`: a wall-clock time in Shanghai, kept as minutes after midnight. */
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '请按 HH:mm 填写时间，例如 22:00')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)))

export const NightRate = z
  .object({
    start: ClockTime.meta({ label: '夜间开始' }),
    end: ClockTime.meta({ label: '夜间结束' }),
    perHourFen: Price.meta({ label: '夜间每小时' }),
    capFen: Cap.meta({ label: '每晚封顶' })
  })
  .strict()
  .refine((n) => n.start !== n.end, { message: '夜间开始与结束不能相同', path: ['end'] })

export const FeeRuleInput = z
  .object({
    freeMinutes: z.number().int('请填整数分钟').min(0, '免费时长不能为负数').max(240, '免费时长最多 240 分钟').meta({ label: '免费时长' }),
    firstHourFen: Price.meta({ label: '首小时' }),
    perHourFen: Price.meta({ label: '之后每小时' }),
    dailyCapFen: Cap.meta({ label: '24 小时封顶' }),
    night: NightRate.nullable().meta({ label: '夜间费率' }),
    longStayCapFen: Cap.meta({ label: '超过一天每 24 小时封顶' })
  })
  .strict()

/** The rule as stored and priced: the night window in minutes after Shanghai midnight. */
export type FeeRule = z.output<typeof FeeRuleInput>
export type NightRateT = z.output<typeof NightRate>

/** `22:00` back from minutes, for views. */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

export const FeeRuleView = z.object({
  freeMinutes: z.number().int(),
  firstHourFen: Fen,
  perHourFen: Fen,
  dailyCapFen: Fen.nullable(),
  night: z.object({ start: z.string(), end: z.string(), perHourFen: Fen, capFen: Fen.nullable() }).nullable(),
  longStayCapFen: Fen.nullable()
})
export type FeeRuleViewT = z.infer<typeof FeeRuleView>

export function feeRuleView(r: FeeRule): FeeRuleViewT {
  return { ...r, night: r.night && { ...r.night, start: clockText(r.night.start), end: clockText(r.night.end) } }
}

import * as z from 'zod'
import { issueText } from './issue-text'
import { RELATIONS, ROLES } from './roles'

// Field errors reach residents verbatim, so zod speaks plain Chinese on both sides of the wire.
// Listed under sideEffects in package.json, which keeps this call wherever a contract is bundled.
z.config({ localeError: issueText })

/** Ids are opaque strings made by the server; the bound keeps a hostile payload small. */
export const Id = z.string().trim().min(1, '不能为空').max(64, '过长')
export const EpochMs = z.number().int().nonnegative()
export const Empty = z.object({}).strict()
export const Ok = z.object({ done: z.literal(true) })

export const RoleSchema = z.enum(ROLES)
export const RelationSchema = z.enum(RELATIONS)

/** 2020-01-01 00:00 in Asia/Shanghai: no time a person enters here lies before it. */
export const EARLIEST_TIME_MS = Date.UTC(2019, 11, 31, 16)
const YEAR_MS = 366 * 24 * 3600_000

/**
 * A time a caller chooses (UTC epoch ms) within a sane window: not before 2020, and at most
 * `yearsAhead` years after now. Every time input uses it (or `TimeInput`), so `dueAt: 1` (1970)
 * or a date in the year 9999 never reaches a use case.
 */
export function timeInput(yearsAhead = 3) {
  return z
    .number()
    .int('时间无效')
    .min(EARLIEST_TIME_MS, '时间不能早于 2020 年')
    .refine((t) => t <= Date.now() + yearsAhead * YEAR_MS, `时间不能晚于 ${yearsAhead} 年之后`)
}
export const TimeInput = timeInput()

/**
 * Control characters: C0 and C1, DEL, the line and paragraph separators, and the bidirectional
 * overrides that make text read differently from how it is stored. NUL, BEL and ANSI escapes
 * (ESC) kept in a title would travel to every screen and terminal that shows it.
 */
// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/** One line of text a person typed (titles, names, short notes), trimmed; chain `.min`/`.max` as usual. */
export const Text = z
  .string()
  .trim()
  .refine((s) => !CONTROL.test(s), '不能包含控制字符或换行')

/** Text that may run over several lines (descriptions, comments): newlines and tabs are allowed. */
export const MultilineText = z
  .string()
  .trim()
  .refine((s) => !CONTROL_EXCEPT_LINES.test(s), '不能包含控制字符')

/** An amount in whole fen (分), never negative: money is integer arithmetic everywhere. */
export const Fen = z.number().int().nonnegative().meta({ money: true })

/** A figure in whole fen that may fall below zero (a day's takings net of its refunds). */
export const SignedFen = z.number().int().meta({ money: true })

/** The client's id for one intention (one tap of 提交): a retry or a double tap with it acts once. */
export const ClientRequestId = Text.min(8).max(64).meta({ label: '请求编号' })

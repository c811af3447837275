import { type CouponKind, type ScopeType, type TemplateDraft, TemplateDraftSchema } from '@contracts/member'
import { type FieldErrors, issuesByPath } from './form-errors'
import { parseYuan } from './money'
import { formatDate, parseShanghai } from './time'

/** A coupon template's form (mini-program and console): amounts stay text until checked, the scope is chosen from lists, dates are picked. */
export interface TemplateForm {
  title: string
  kind: CouponKind
  value: string
  percent: string
  cap: string
  minSpend: string
  scope: ScopeType
  scopeValue: string
  scopeLabel: string
  validity: 'days' | 'dates'
  days: string
  from: number
  to: number
  stock: string
  limit: number
  claimable: boolean
}

const DAY = 24 * 3600_000

/** A new template: valid 30 days after claiming, or from today for four weeks when fixed dates are chosen. */
export function blankForm(now: number): TemplateForm {
  const today = parseShanghai(formatDate(now), 0)
  return {
    title: '',
    kind: 'fixed',
    value: '',
    percent: '',
    cap: '',
    minSpend: '',
    scope: 'all',
    scopeValue: '',
    scopeLabel: '',
    validity: 'days',
    days: '30',
    from: today,
    to: today + 28 * DAY,
    stock: '100',
    limit: 1,
    claimable: true
  }
}

const WHOLE = /^\d{1,7}$/

/**
 * The form as the contract's draft, checked with the contract's schema on the phone. Amounts are
 * read by the project's one yuan parser; a field that is not a number is an error, never NaN.
 */
export function checkForm(f: TemplateForm): { ok: true; draft: TemplateDraft } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const fen = (text: string, key: string, required: boolean): number => {
    if (!text.trim() && !required) return 0
    const v = parseYuan(text)
    if (v === null) errors[key] = text.trim() ? '请填写金额，如 20 或 19.9' : '请填写金额'
    return v ?? 0
  }
  const whole = (text: string, key: string, what: string): number => {
    if (WHOLE.test(text.trim())) return Number(text.trim())
    errors[key] = `请填写${what}，整数`
    return 0
  }
  const percent = f.kind === 'percent'
  const parsed = TemplateDraftSchema.safeParse({
    title: f.title,
    kind: f.kind,
    valueFen: percent ? 0 : fen(f.value, 'valueFen', true),
    percentOff: percent ? whole(f.percent, 'percentOff', '折扣') : 0,
    capFen: percent ? fen(f.cap, 'capFen', false) : 0,
    minSpendFen: fen(f.minSpend, 'minSpendFen', f.kind === 'threshold'),
    scope: { type: f.scope, value: f.scope === 'all' ? '' : f.scopeValue, label: f.scope === 'all' ? '' : f.scopeLabel },
    // `to` is the last instant of the chosen day.
    validity: f.validity === 'days' ? { type: 'days', days: whole(f.days, 'validity.days', '天数') } : { type: 'dates', from: f.from, to: f.to + DAY - 1 },
    totalStock: whole(f.stock, 'totalStock', '库存'),
    perUserLimit: f.limit,
    claimable: f.claimable
  })
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, draft: parsed.data }
  return { ok: false, errors: parsed.success ? errors : issuesByPath(parsed.error, errors) }
}

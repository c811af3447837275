import { useState } from 'react'
import { Alert, Form, Input, Radio, Select } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { RuleViewT } from '@contracts/selling-commission'
import { COMMISSION_MODE_LABELS, COMMISSION_MODES, COMMISSION_TOUCHES, COMMISSION_TOUCH_LABELS, type CommissionMode, type CommissionTouch } from '@contracts/selling-labels'
import { parseYuan, yuanInput } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'

/** What the rule covers: one campaign, or every campaign of the presale line without its own rule. */
const LINE_TARGET = 'line:presale'

export interface RuleTarget {
  value: string
  label: string
}

/**
 * A commission rule: what it covers, percent of the paid amount or a fixed amount per order, and
 * whose card earns it (the first the buyer opened, or the last). Saving replaces the rule; orders
 * already paid keep what they earned.
 */
export function RuleDialog({ initial, targets, onClose }: { initial: RuleViewT | null; targets: RuleTarget[]; onClose: (saved: string | null) => void }) {
  const [target, setTarget] = useState(initial ? `${initial.scope}:${initial.refId}` : (targets[0]?.value ?? LINE_TARGET))
  const [mode, setMode] = useState<CommissionMode>(initial?.mode ?? 'percent')
  const [percent, setPercent] = useState(initial && initial.mode === 'percent' ? String(initial.bp / 100) : '')
  const [fixed, setFixed] = useState(initial && initial.mode === 'fixed' ? yuanInput(initial.fixedFen) : '')
  const [touch, setTouch] = useState<CommissionTouch>(initial?.touch ?? 'last')
  const [error, setError] = useState<ApiError | null>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const [scope, ...rest] = target.split(':')
    const refId = rest.join(':')
    const wrong: Record<string, string> = {}
    const pct = percent.trim() === '' ? null : Number(percent)
    const fixedFen = parseYuan(fixed)
    if (mode === 'percent' && (pct === null || Number.isNaN(pct))) wrong.percent = '请填写佣金比例（数字）'
    if (mode === 'fixed' && fixedFen === null) wrong.fixedFen = '请填写每单佣金，最多两位小数'
    setLocal(wrong)
    if (Object.keys(wrong).length) return
    setBusy(true)
    const res = await api.selling.saveRule({
      scope: scope === 'line' ? 'line' : 'campaign',
      refId,
      mode,
      ...(mode === 'percent' ? { percent: pct ?? 0 } : { fixedFen: fixedFen ?? 0 }),
      touch
    })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(res.data.refTitle)
  }
  const status = (path: string) => (local[path] ? { status: 'error' as const, tips: local[path] } : fieldStatus(error, path))
  const formError = formLevelError(error)

  return (
    <FormDialog header={initial ? `修改佣金规则：${initial.refTitle}` : '新建佣金规则'} saveId='rule-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Alert theme='info' message='住户通过管家分享的卡片或海报下单并支付后计入佣金；退款按退款金额比例扣回。单个预售的规则优先于整条业务线的规则。' />
      <Form labelWidth={96} colon={false} className='rule-form'>
        <Field label='适用范围' required {...status('refId')}>
          <Select className='rule-target' style={{ width: 320 }} disabled={initial !== null} value={target} onChange={(v) => setTarget(String(v))} options={targets} filterable />
        </Field>
        <Field label='计算方式' required {...status('mode')}>
          <Radio.Group className='rule-mode' value={mode} onChange={(v) => setMode(COMMISSION_MODES.find((m) => m === v) ?? mode)}>
            {COMMISSION_MODES.map((m) => (
              <Radio key={m} value={m}>
                {COMMISSION_MODE_LABELS[m]}
              </Radio>
            ))}
          </Radio.Group>
        </Field>
        {mode === 'percent' ? (
          <Field label='佣金比例' required help='按订单实付金额计算，最多两位小数，不足 1 分舍去' {...status('percent')}>
            <Input name='rule-percent' style={{ width: 200 }} value={percent} placeholder='例如 8' suffix='%' onChange={(v) => setPercent(String(v))} />
          </Field>
        ) : (
          <Field label='每单佣金' required help='每笔订单固定金额，超过实付金额时按实付金额计' {...status('fixedFen')}>
            <Input name='rule-fixed' style={{ width: 200 }} value={fixed} placeholder='0.00' suffix='元' onChange={(v) => setFixed(String(v))} />
          </Field>
        )}
        <Field label='归属方式' required help='住户可能打开过多位管家的分享，按此决定佣金给谁' {...status('touch')}>
          <Radio.Group className='rule-touch' value={touch} onChange={(v) => setTouch(COMMISSION_TOUCHES.find((t) => t === v) ?? touch)}>
            {COMMISSION_TOUCHES.map((t) => (
              <Radio key={t} value={t}>
                {COMMISSION_TOUCH_LABELS[t]}
              </Radio>
            ))}
          </Radio.Group>
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

import { useState } from 'react'
import { Alert, Form, InputNumber, Switch } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'

type Settings = Pick<OutputOf<'fee.items'>, 'dueDay' | 'lateFee'>

/** A typical rule to start from: 0.05 % a day after ten days' grace, never more than 10 % of the bill. */
const STARTING_RULE = { graceDays: 10, bpPerDay: 5, capBp: 1000 }

/** When bills fall due, and the late fee that accrues after (as 万分之 a day, capped). */
export function SettingsDialog({ settings, onClose }: { settings: Settings; onClose: (saved: boolean) => void }) {
  const [dueDay, setDueDay] = useState(settings.dueDay)
  const [late, setLate] = useState(settings.lateFee ?? STARTING_RULE)
  const [charging, setCharging] = useState(settings.lateFee !== null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v))

  const submit = async () => {
    setBusy(true)
    const res = await api.fee.saveSettings({ dueDay, lateFee: charging ? late : null })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header='到期日与滞纳金' saveId='settings-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Form labelWidth={120} colon={false}>
        <Form.FormItem label='每月到期日' name='dueDay' initialData={settings.dueDay} {...fieldStatus(error, 'dueDay')} help='每月 1 日到 28 日；新生成的账单按这一天到期'>
          <InputNumber theme='normal' style={{ width: 160 }} min={1} max={28} value={dueDay} suffix='日' onChange={(v) => setDueDay(num(v))} />
        </Form.FormItem>
        <Form.FormItem label='收取滞纳金' name='charging' initialData={settings.lateFee !== null}>
          <Switch value={charging} onChange={(v) => setCharging(Boolean(v))} />
        </Form.FormItem>
        {charging ? (
          <>
            <Form.FormItem label='宽限天数' name='graceDays' initialData={late.graceDays} {...fieldStatus(error, 'lateFee.graceDays')} help='到期后这些天内不收滞纳金'>
              <InputNumber theme='normal' style={{ width: 160 }} min={0} max={90} value={late.graceDays} suffix='天' onChange={(v) => setLate((p) => ({ ...p, graceDays: num(v) }))} />
            </Form.FormItem>
            <Form.FormItem label='每日比例' name='bpPerDay' initialData={late.bpPerDay} {...fieldStatus(error, 'lateFee.bpPerDay')} help={`每天按账单金额的万分之 ${late.bpPerDay}（${(late.bpPerDay / 100).toFixed(2)}%）计`}>
              <InputNumber theme='normal' style={{ width: 160 }} min={1} max={50} value={late.bpPerDay} label='万分之' onChange={(v) => setLate((p) => ({ ...p, bpPerDay: num(v) }))} />
            </Form.FormItem>
            <Form.FormItem label='上限' name='capBp' initialData={late.capBp} {...fieldStatus(error, 'lateFee.capBp')} help={`滞纳金最多为账单金额的 ${(late.capBp / 100).toFixed(2)}%`}>
              <InputNumber theme='normal' style={{ width: 160 }} min={1} max={10000} step={100} value={late.capBp} label='万分之' onChange={(v) => setLate((p) => ({ ...p, capBp: num(v) }))} />
            </Form.FormItem>
          </>
        ) : null}
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

import { useState } from 'react'
import { Alert, Form, InputNumber, Select } from 'tdesign-react'
import { WORK_TYPES, WORK_TYPE_LABELS, type WorkType } from '@contracts/desk-work'
import type { ApiError } from '@contracts/errors'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { fieldStatus, formLevelError } from '../../shell/field-status'

interface Rule {
  type: WorkType
  respondMin: number
  arriveMin: number | null
  finishMin: number
  escalateMin: number
}

/** An operator's SLA for one work type, in minutes; orders already running keep the rule they started under. */
export function SlaDialog({ rules, onClose }: { rules: readonly Rule[]; onClose: (saved: boolean) => void }) {
  const [type, setType] = useState<WorkType>('leak')
  const current = rules.find((r) => r.type === type)
  const [draft, setDraft] = useState<Rule | null>(current ?? null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const pick = (t: WorkType) => {
    setType(t)
    setDraft(rules.find((r) => r.type === t) ?? null)
    setError(null)
  }
  const save = async () => {
    if (!draft) return
    setBusy(true)
    const res = await api.desk.saveSlaRule({ type, rule: { respondMin: draft.respondMin, arriveMin: draft.arriveMin, finishMin: draft.finishMin, escalateMin: draft.escalateMin } })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const num = (key: 'respondMin' | 'arriveMin' | 'finishMin' | 'escalateMin', label: string, help: string) =>
    draft && (key !== 'arriveMin' || draft.arriveMin !== null) ? (
      <Field label={label} required help={help} {...fieldStatus(error, `rule.${key}`)}>
        <InputNumber className={`sla-${key}`} theme='normal' value={draft[key] ?? 0} min={0} suffix='分钟' onChange={(v) => setDraft({ ...draft, [key]: Number(v) })} />
      </Field>
    ) : null
  return (
    <FormDialog header='SLA 时限' saveId='sla-save' busy={busy} onSave={() => void save()} onCancel={() => onClose(false)}>
      <Form labelWidth={96} colon={false}>
        <Field label='工单类型'>
          <Select value={type} onChange={(v) => pick(WORK_TYPES.find((t) => t === v) ?? 'leak')} options={WORK_TYPES.map((t) => ({ label: WORK_TYPE_LABELS[t], value: t }))} />
        </Field>
        {num('respondMin', '响应', '从登记起，处理人须在此时间内响应')}
        {num('arriveMin', '到场', '从登记起，须在此时间内到达现场')}
        {num('finishMin', '完成', '从登记起，须在此时间内完成')}
        {num('escalateMin', '升级等待', '超时后先提醒处理人，再过这么久仍未处理就通知运营和调度')}
        {formLevelError(error) ? <Alert theme='error' message={formLevelError(error)} /> : null}
      </Form>
    </FormDialog>
  )
}

import { useState } from 'react'
import { Alert, Form, Textarea } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import { type AnomalyAction, PAYMENT_ANOMALY_LABELS } from '@contracts/pay'
import type { OutputOf } from '@contracts/registry'
import { formatFen } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'

type Anomaly = OutputOf<'pay.anomalies'>['anomalies'][number]

const ACTION_TEXT: Record<AnomalyAction, string> = { refund: '全额退回', accept: '确认已人工处理' }

/** Settles a payment anomaly: the money back, or a note that a person handled it elsewhere. */
export function ResolveDialog({ anomaly, action, onClose }: { anomaly: Anomaly; action: AnomalyAction; onClose: (done: boolean) => void }) {
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    const res = await api.pay.resolveAnomaly({ anomalyId: anomaly.id, action, note })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const formError = formLevelError(error)
  return (
    <FormDialog header={`${ACTION_TEXT[action]} · ${PAYMENT_ANOMALY_LABELS[anomaly.kind]}`} saveId='resolve-save' saveText={ACTION_TEXT[action]} busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Alert
        theme={action === 'refund' ? 'warning' : 'info'}
        message={`${anomaly.householdLabel} · 订单 ${anomaly.outTradeNo}${anomaly.amountFen !== null ? ` · ${formatFen(anomaly.amountFen)}` : ''}：${anomaly.detail}`}
      />
      <Form labelWidth={80} colon={false}>
        <Form.FormItem label='处理说明' name='note' initialData='' requiredMark {...fieldStatus(error, 'note')}>
          <Textarea name='resolve-note' value={note} maxlength={80} placeholder={action === 'refund' ? '例如：与业主确认后退回' : '例如：已在微信支付商户平台线下处理'} onChange={(v) => setNote(String(v))} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

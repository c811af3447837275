import { useState } from 'react'
import { Alert, Form, Input } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { formatFen } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { fieldStatus, formLevelError } from '../../shell/field-status'

export type CashRefundRow = OutputOf<'pay.cashRefunds'>['refunds'][number]

/** Finance hands the cash back across the desk, then records who took it; the refund then completes. */
export function ConfirmRefundDialog({ refund, onClose }: { refund: CashRefundRow; onClose: (done: boolean) => void }) {
  const [receiverName, setReceiverName] = useState(refund.payerName)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    const r = await api.pay.confirmCashRefund({ refundId: refund.id, receiverName: receiverName.trim() })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    onClose(true)
  }
  return (
    <FormDialog header={`退还现金 ${formatFen(refund.amountFen)} · ${refund.householdLabel}`} saveId='cash-refund-save' saveText='确认已退还' busy={busy} onSave={() => void save()} onCancel={() => onClose(false)}>
      <Form labelWidth={88} colon={false}>
        <Field label='原因'>
          <span>{refund.reason}</span>
        </Field>
        <Field label='领款人' required help='当面点清现金后，请领款人签字留存' {...fieldStatus(error, 'receiverName')}>
          <Input name='cash-receiver' value={receiverName} maxlength={20} onChange={(v) => setReceiverName(String(v))} />
        </Field>
        {formLevelError(error) ? <Alert theme='error' message={formLevelError(error)} /> : null}
      </Form>
    </FormDialog>
  )
}

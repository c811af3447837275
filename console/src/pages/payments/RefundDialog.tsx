import { useState } from 'react'
import { Alert, Checkbox, Form, Input, Table } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { PaymentViewT } from '@contracts/pay'
import { formatFen, parseYuan, yuanInput } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { newRequestId } from '../../../../src/client/core/request-id'

/**
 * A refund of some lines of a payment, each up to what is left of it. The request id is drawn once
 * per dialog, so a double click or a retry refunds once; the server bounds every amount again.
 */
export function RefundDialog({ payment, onClose }: { payment: PaymentViewT; onClose: (refunded: boolean) => void }) {
  const [requestId] = useState(newRequestId)
  const open = payment.lines.filter((l) => l.amountFen > l.refundedFen)
  const [picked, setPicked] = useState<Record<string, string>>(() => Object.fromEntries(open.map((l) => [l.id, yuanInput(l.amountFen - l.refundedFen)])))
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [wrong, setWrong] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const lines = Object.entries(picked).map(([payableId, text]) => ({ payableId, amountFen: parseYuan(text) }))
    const bad = lines.find((l) => l.amountFen === null || l.amountFen === 0)
    setWrong(lines.length === 0 ? '请选择要退款的项目' : bad ? '请填写每项的退款金额，最多两位小数' : null)
    if (lines.length === 0 || bad) return
    setBusy(true)
    const res = await api.pay.refund({ paymentId: payment.id, lines: lines.map((l) => ({ payableId: l.payableId, amountFen: l.amountFen ?? 0 })), reason, clientRequestId: requestId })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const total = Object.values(picked).reduce((n, t) => n + (parseYuan(t) ?? 0), 0)
  const formError = formLevelError(error)

  return (
    <FormDialog header={`退款 · ${payment.householdLabel}`} width={720} saveId='refund-save' saveText={`退款 ${formatFen(total)}`} busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Alert theme='warning' message='退款原路退回住户的微信零钱或银行卡，提交后不能撤回。账单退款后回到未缴。' />
      <Table
        className='refund-lines'
        rowKey='id'
        data={open}
        columns={[
          {
            colKey: 'pick',
            title: '',
            width: 48,
            cell: ({ row }) => (
              <Checkbox
                checked={row.id in picked}
                onChange={(on) =>
                  setPicked((p) => {
                    const next = { ...p }
                    if (on) next[row.id] = yuanInput(row.amountFen - row.refundedFen)
                    else delete next[row.id]
                    return next
                  })
                }
              />
            )
          },
          { colKey: 'title', title: '项目' },
          { colKey: 'amountFen', title: '可退', align: 'right', width: 120, cell: ({ row }) => formatFen(row.amountFen - row.refundedFen) },
          {
            colKey: 'refund',
            title: '退款金额',
            width: 160,
            cell: ({ row }) => (
              <Input
                size='small'
                disabled={!(row.id in picked)}
                value={picked[row.id] ?? ''}
                suffix='元'
                onChange={(v) => setPicked((p) => ({ ...p, [row.id]: String(v) }))}
              />
            )
          }
        ]}
      />
      {wrong ? <Alert theme='error' message={wrong} /> : null}
      <Form labelWidth={80} colon={false}>
        <Form.FormItem label='退款原因' name='reason' initialData='' requiredMark {...fieldStatus(error, 'reason')}>
          <Input name='refund-reason' value={reason} placeholder='例如：重复缴纳，退回 12 月物业费' onChange={(v) => setReason(String(v))} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

import { useState } from 'react'
import { Alert, Form, Input, MessagePlugin, Rate, Textarea } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { PurchaseOrderViewT } from '@contracts/supply'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'

const whole = (s: string): number | null => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : null)

/** 收货: what arrived of each SKU and how much of it was damaged, with a rating of the delivery. */
export function ReceiveDialog(props: { po: PurchaseOrderViewT; onClose: (done: boolean) => void }) {
  const { po } = props
  // Everything ordered arrived whole, unless the clerk says otherwise.
  const [rows, setRows] = useState(po.lines.map((l) => ({ skuId: l.skuId, received: String(l.ordered), damaged: '0' })))
  const [rating, setRating] = useState(5)
  const [note, setNote] = useState('')
  const [local, setLocal] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const status = (i: number, field: 'received' | 'damaged') => (local[`${i}.${field}`] ? { status: 'error' as const, tips: local[`${i}.${field}`] } : fieldStatus(error, `receipt.lines.${i}.${field}`))

  const submit = async () => {
    const wrong: Record<string, string> = {}
    const lines = rows.map((r, i) => {
      const received = whole(r.received)
      const damaged = whole(r.damaged)
      if (received === null) wrong[`${i}.received`] = '请填写整数'
      if (damaged === null) wrong[`${i}.damaged`] = '请填写整数'
      return { skuId: r.skuId, received: received ?? 0, damaged: damaged ?? 0 }
    })
    setLocal(wrong)
    if (Object.keys(wrong).length) return
    setBusy(true)
    const res = await api.order.receivePurchase({ id: po.id, receipt: { lines, rating, note } })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    void MessagePlugin.success(`已收货：${po.campaignTitle}`)
    props.onClose(true)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={`收货 · ${po.supplierName}`} width={640} saveId='receive-save' saveText='确认收货' busy={busy} onSave={() => void submit()} onCancel={() => props.onClose(false)}>
      <Form labelWidth={150} colon={false}>
        {po.lines.map((l, i) => {
          const row = rows[i]
          if (!row) return null
          const set = (x: Partial<typeof row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...x } : r)))
          return (
            <Field key={l.skuId} label={l.name} help={`订购 ${l.ordered}，短少按订购减实收计`}>
              <div className='rows__row'>
                <Input className='receive-received' value={row.received} prefixIcon={<span className='unit'>实收</span>} style={{ width: 150 }} {...status(i, 'received')} onChange={(v) => set({ received: String(v) })} />
                <Input className='receive-damaged' value={row.damaged} prefixIcon={<span className='unit'>破损</span>} style={{ width: 150 }} {...status(i, 'damaged')} onChange={(v) => set({ damaged: String(v) })} />
              </div>
            </Field>
          )
        })}
        <Field label='供应商评分' required {...fieldStatus(error, 'receipt.rating')}>
          <Rate value={rating} onChange={(v) => setRating(Number(v))} />
        </Field>
        <Field label='备注' {...fieldStatus(error, 'receipt.note')}>
          <Textarea name='receive-note' value={note} placeholder='例如：家庭箱缺 1 箱，下周补' maxlength={200} onChange={(v) => setNote(String(v))} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

import { useState } from 'react'
import { Alert, DatePicker, Form, Input, Select } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import { parseYuan } from '../../../../src/utils/money'
import { formatDate, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { newRequestId } from '../../../../src/client/core/request-id'

const DAY = 24 * 3600_000

/**
 * A one-off charge (a shared repair, a deposit): one bill per household of the chosen buildings.
 * The request id is drawn once per dialog, so a double click or a retry charges once.
 */
export function ChargeDialog({ buildings, onClose }: { buildings: { id: string; name: string }[]; onClose: (bills: number | null) => void }) {
  const [requestId] = useState(newRequestId)
  const [title, setTitle] = useState('')
  const [amount, setAmount] = useState('')
  const [buildingIds, setBuildingIds] = useState<string[]>([])
  const [due, setDue] = useState(() => formatDate(Date.now() + 30 * DAY))
  const [error, setError] = useState<ApiError | null>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const amountFen = parseYuan(amount)
    const dueAt = parseShanghai(`${due} 23:59`)
    const wrong: Record<string, string> = {}
    if (amountFen === null || amountFen === 0) wrong.amountFen = '请填写金额，最多两位小数'
    if (Number.isNaN(dueAt)) wrong.dueAt = '请选择截止日期'
    setLocal(wrong)
    if (amountFen === null || Object.keys(wrong).length) return
    setBusy(true)
    const res = await api.fee.chargeOneOff({ title, amountFen, buildingIds, dueAt, clientRequestId: requestId })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(res.data.bills)
  }
  const status = (path: string) => (local[path] ? { status: 'error' as const, tips: local[path] } : fieldStatus(error, path))
  const formError = formLevelError(error)

  return (
    <FormDialog header='一次性收费' saveId='charge-save' saveText='生成账单' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Alert theme='info' message='为所选楼栋（不选即全体）的每户生成一张账单，住户在小程序中缴纳；生成后不能撤回，请核对金额。' />
      <Form labelWidth={96} colon={false}>
        <Form.FormItem label='收费名称' name='title' initialData='' requiredMark {...status('title')}>
          <Input name='charge-title' value={title} placeholder='例如：3 栋电梯维修分摊' onChange={(v) => setTitle(String(v))} />
        </Form.FormItem>
        <Form.FormItem label='每户金额' name='amount' initialData='' requiredMark {...status('amountFen')}>
          <Input name='charge-amount' value={amount} placeholder='0.00' suffix='元' style={{ width: 200 }} onChange={(v) => {
              setAmount(String(v))
              setLocal((l) => ({ ...l, amountFen: '' }))
            }} />
        </Form.FormItem>
        <Form.FormItem label='楼栋' name='buildingIds' initialData={[]} {...status('buildingIds')} help='不选即向全体住户收取'>
          <Select
            className='charge-buildings'
            multiple
            filterable
            clearable
            value={buildingIds}
            placeholder='全体住户'
            onChange={(v) => setBuildingIds(Array.isArray(v) ? v.map(String) : [])}
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.FormItem>
        <Form.FormItem label='缴费截止' name='due' initialData={due} requiredMark {...status('dueAt')}>
          <DatePicker className='charge-due' value={due} format='YYYY-MM-DD' onChange={(v) => setDue(String(v ?? ''))} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

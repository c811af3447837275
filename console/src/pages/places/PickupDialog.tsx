import { useState } from 'react'
import { Alert, Form, Input } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'

type Point = OutputOf<'order.catalog'>['pickupPoints'][number]

/** A pickup point for pre-sale orders: where, and when someone is there to hand goods over. */
export function PickupDialog({ point, onClose }: { point: Point | null; onClose: (saved: boolean) => void }) {
  const [draft, setDraft] = useState({ name: point?.name ?? '', address: point?.address ?? '', hours: point?.hours ?? '' })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    const res = await api.order.savePickupPoint({ ...(point ? { id: point.id } : {}), point: draft })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const formError = formLevelError(error)
  const field = (key: keyof typeof draft, label: string, placeholder: string, required = true) => (
    <Form.FormItem label={label} name={key} initialData={draft[key]} requiredMark={required} {...fieldStatus(error, `point.${key}`)}>
      <Input name={`pickup-${key}`} value={draft[key]} placeholder={placeholder} onChange={(v) => setDraft((d) => ({ ...d, [key]: String(v) }))} />
    </Form.FormItem>
  )
  return (
    <FormDialog header={point ? `修改${point.name}` : '新增自提点'} saveId='pickup-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Form labelWidth={88} colon={false}>
        {field('name', '名称', '例如：物业服务中心')}
        {field('address', '地址', '例如：1 栋一楼大堂东侧')}
        {field('hours', '营业时间', '例如：每天 9:00-20:00', false)}
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

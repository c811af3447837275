import { useState } from 'react'
import { Alert, Form, Input } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'

export interface SupplierRow {
  id: string
  name: string
  contact: string
  phone: string
}

/** Who supplies the goods or services sold in pre-sales; products name one. */
export function SupplierDialog({ supplier, onClose }: { supplier: SupplierRow | null; onClose: (saved: string | null) => void }) {
  const [s, setS] = useState({ name: supplier?.name ?? '', contact: supplier?.contact ?? '', phone: supplier?.phone ?? '' })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const status = (path: string) => fieldStatus(error, `supplier.${path}`)

  const submit = async () => {
    setBusy(true)
    const res = await api.order.saveSupplier({ ...(supplier ? { id: supplier.id } : {}), supplier: s })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(res.data.name)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={supplier ? `修改${supplier.name}` : '新增供应商'} saveId='supplier-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={96} colon={false}>
        <Field label='供应商名称' required {...status('name')}>
          <Input name='supplier-name' value={s.name} placeholder='例如：赣州果园直供' maxlength={30} onChange={(v) => setS((x) => ({ ...x, name: String(v) }))} />
        </Field>
        <Field label='联系人' {...status('contact')}>
          <Input name='supplier-contact' value={s.contact} maxlength={20} onChange={(v) => setS((x) => ({ ...x, contact: String(v) }))} />
        </Field>
        <Field label='电话' {...status('phone')}>
          <Input name='supplier-phone' value={s.phone} maxlength={20} onChange={(v) => setS((x) => ({ ...x, phone: String(v) }))} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

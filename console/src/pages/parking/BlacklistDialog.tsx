import { useState } from 'react'
import { Alert, Form, Input, Textarea } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { LotViewT } from '@contracts/parking'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'

/** 加入黑名单: a plate the lot's entry turns away from now on, with the reason the desk will read later. */
export function BlacklistDialog({ lot, onClose }: { lot: LotViewT; onClose: (listed: boolean) => void }) {
  const [plate, setPlate] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    const res = await api.parking.setBlacklist({ lotId: lot.id, plate, listed: true, reason })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={`加入黑名单 · ${lot.name}`} saveId='blacklist-save' saveText='加入黑名单' busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Form labelWidth={100} colon={false}>
        <Form.FormItem label='车牌号' name='plate' initialData={plate} requiredMark {...fieldStatus(error, 'plate')} help='列入后，该车从本停车场入口进入时将被拒绝放行，并进入异常待处理'>
          <Input name='blacklist-plate' value={plate} placeholder='如 沪A12345，新能源车 沪AD12345' onChange={(v) => setPlate(String(v))} style={{ width: 240 }} />
        </Form.FormItem>
        <Form.FormItem label='原因' name='reason' initialData={reason} {...fieldStatus(error, 'reason')}>
          <Textarea name='blacklist-reason' value={reason} maxlength={100} placeholder='如：多次逃缴停车费' onChange={(v) => setReason(String(v))} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

import { useState } from 'react'
import { Alert, Form, Radio, Textarea } from 'tdesign-react'
import type { ComplaintViewT } from '@contracts/booking'
import type { ApiError } from '@contracts/errors'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'

/** Taking on an open complaint (or closing it at once), or closing one in hand, with a note the resident reads and may rate. */
export function RespondDialog({ complaint, onClose }: { complaint: ComplaintViewT; onClose: (saved: boolean) => void }) {
  const [status, setStatus] = useState<'processing' | 'resolved'>(complaint.status === 'open' ? 'processing' : 'resolved')
  const [response, setResponse] = useState(complaint.response)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    const res = await api.booking.respond({ complaintId: complaint.id, status, response })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={`${complaint.householdLabel}的投诉`} saveId='respond-save' saveText={status === 'resolved' ? '办结' : '受理'} busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Alert theme='info' message={complaint.text} />
      <Form labelWidth={96} colon={false}>
        {complaint.status === 'open' ? (
          <Field label='处理结果'>
            <Radio.Group variant='default-filled' value={status} onChange={(v) => setStatus(v === 'resolved' ? 'resolved' : 'processing')}>
              <Radio.Button value='processing'>受理，处理中</Radio.Button>
              <Radio.Button value='resolved'>已处理，办结</Radio.Button>
            </Radio.Group>
          </Field>
        ) : null}
        <Field label='处理说明' required help='住户在小程序中看到这段说明；办结后可以评价' {...fieldStatus(error, 'response')}>
          <Textarea name='respond-text' value={response} maxlength={300} autosize={{ minRows: 3, maxRows: 6 }} placeholder='例如：已联系保洁主管，今天下午清理楼道杂物' onChange={(v) => setResponse(String(v))} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

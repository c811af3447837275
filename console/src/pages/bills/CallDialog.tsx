import { useState } from 'react'
import { Alert, Form, Radio, Textarea } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import { CALL_OUTCOMES, CALL_OUTCOME_LABELS, type CallOutcome } from '@contracts/fee'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'

/** Logs a call about a household's arrears: how it ended and what was said. */
export function CallDialog({ householdId, label, onClose }: { householdId: string; label: string; onClose: (logged: boolean) => void }) {
  const [outcome, setOutcome] = useState<CallOutcome>('promised')
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    setBusy(true)
    const res = await api.fee.logCall({ householdId, outcome, note })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={`记录催缴电话 · ${label}`} saveId='call-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Form labelWidth={80} colon={false}>
        <Form.FormItem label='通话结果' name='outcome' initialData={outcome} requiredMark {...fieldStatus(error, 'outcome')}>
          <Radio.Group className='call-outcome' variant='default-filled' value={outcome} onChange={(v) => setOutcome(CALL_OUTCOMES.find((o) => o === v) ?? outcome)}>
            {CALL_OUTCOMES.map((o) => (
              <Radio.Button key={o} value={o}>
                {CALL_OUTCOME_LABELS[o]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.FormItem>
        <Form.FormItem label='说明' name='note' initialData='' {...fieldStatus(error, 'note')}>
          <Textarea name='call-note' value={note} maxlength={80} placeholder='例如：业主在外地，月底回来到前台缴清' onChange={(v) => setNote(String(v))} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

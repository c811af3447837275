import { useState } from 'react'
import { Alert, Form, Input, Radio, Textarea } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { EventViewT, LotViewT } from '@contracts/parking'
import { EVENT_EXCEPTION_LABELS } from '@contracts/parking-labels'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { newRequestId } from '../../../../src/client/core/request-id'

/**
 * 手动抬杆: staff open a barrier by hand, always with a reason (it is logged with their name). From
 * the exceptions queue it answers that event, at the same door and for the same plate.
 */
export function OpenDialog({ lot, event, onClose }: { lot: LotViewT; event: EventViewT | null; onClose: (opened: boolean) => void }) {
  const [direction, setDirection] = useState<'in' | 'out'>(event?.direction === 'in' ? 'in' : 'out')
  const [plate, setPlate] = useState(event?.plate ?? '')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  // One id for this opening: a retried click after a lost answer is the same opening, not a second.
  const [requestId] = useState(newRequestId)

  const submit = async () => {
    setBusy(true)
    const res = await api.parking.manualOpen({
      lotId: lot.id,
      direction,
      reason,
      ...(plate.trim() ? { plate } : {}),
      ...(event ? { eventId: event.id } : {}),
      clientRequestId: requestId
    })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={`手动抬杆 · ${lot.name}`} saveId='open-save' saveText='确认抬杆' busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      {event ? (
        <Alert
          style={{ marginBottom: 16 }}
          theme='warning'
          message={`${formatDateTime(event.at)} ${event.plate ?? '未识别车牌'} · ${event.exception ? EVENT_EXCEPTION_LABELS[event.exception] : event.message}`}
        />
      ) : null}
      <Form labelWidth={100} colon={false}>
        <Form.FormItem label='道闸' name='direction' initialData={direction} {...fieldStatus(error, 'direction')}>
          <Radio.Group variant='default-filled' value={direction} onChange={(v) => setDirection(v === 'in' ? 'in' : 'out')}>
            <Radio.Button value='in'>入口</Radio.Button>
            <Radio.Button value='out'>出口</Radio.Button>
          </Radio.Group>
        </Form.FormItem>
        <Form.FormItem label='车牌号' name='plate' initialData={plate} {...fieldStatus(error, 'plate')} help={direction === 'out' ? '出口放行将结束该车的在场记录' : '入口放行将为该车开始计时'}>
          <Input name='open-plate' value={plate} placeholder='如 沪A12345；未识别可留空' onChange={(v) => setPlate(String(v))} style={{ width: 240 }} />
        </Form.FormItem>
        <Form.FormItem label='开闸原因' name='reason' initialData={reason} requiredMark {...fieldStatus(error, 'reason')}>
          <Textarea name='open-reason' value={reason} maxlength={100} placeholder='如：车牌识别失败，已核实为业主车辆' onChange={(v) => setReason(String(v))} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

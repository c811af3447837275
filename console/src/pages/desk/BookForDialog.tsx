import { useState } from 'react'
import { Alert, Form, Select, Textarea } from 'tdesign-react'
import type { Channel } from '@contracts/desk-kinds'
import type { ApiError } from '@contracts/errors'
import { formatFen } from '../../../../src/utils/money'
import { timeRangeText } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { useQuery } from '../../shell/use-query'
import { ChannelRadio, MemberRadio } from './OnBehalfFields'
import type { FormHousehold } from './WorkOrderForm'
import { newRequestId } from '../../../../src/client/core/request-id'

/**
 * Booking a home service for the caller's household: the service, a free slot and the member it is
 * for. The booking is that member's and is paid after the service in the mini-program (or free
 * under the property fee); the desk never takes the money.
 */
export function BookForDialog({ household, onClose }: { household: FormHousehold; onClose: (done: string | null) => void }) {
  const [requestId] = useState(newRequestId)
  const [lineId, setLineId] = useState<string | null>(null)
  const [slotStart, setSlotStart] = useState<number | null>(null)
  const [memberUserId, setMemberUserId] = useState<string | null>(null)
  const [channel, setChannel] = useState<Channel>('phone400')
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const options = useQuery(() => api.desk.bookingOptions({ householdId: household.householdId, lineId }), [household.householdId, lineId])
  const o = options.data
  const line = o?.lines.find((l) => l.id === lineId)

  const save = async () => {
    if (!lineId || slotStart === null || !memberUserId) {
      setError({ code: 'REQUEST.INVALID_INPUT', message: '请选择服务项目、时段和预约人', requestId: '' })
      return
    }
    setBusy(true)
    const r = await api.desk.bookFor({ householdId: household.householdId, memberUserId, lineId, slotStart, channel, note, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    onClose(`已为${r.data.memberName}预约${r.data.lineName}（${timeRangeText(r.data.slotStart, r.data.slotEnd)}，${r.data.payLabel}）`)
  }

  return (
    <FormDialog header={`代约上门服务 · ${household.label}`} saveId='book-for-save' saveText='预约' busy={busy} onSave={() => void save()} onCancel={() => onClose(null)}>
      <Form labelWidth={88} colon={false}>
        <Field label='服务项目' required {...fieldStatus(error, 'lineId')}>
          <Select
            className='book-for-line'
            value={lineId ?? undefined}
            placeholder='选择服务'
            onChange={(v) => {
              setLineId(String(v))
              setSlotStart(null)
            }}
            options={(o?.lines ?? []).map((l) => ({ label: `${l.name}（${l.kindLabel}，${l.free ? '物业费包含' : l.priceFen === null ? '上门报价' : formatFen(l.priceFen)}）`, value: l.id }))}
          />
        </Field>
        <Field label='时段' required help={line ? (line.free ? '物业费包含，住户无需付款' : '服务完成后，住户在小程序付款') : undefined} {...fieldStatus(error, 'slotStart')}>
          <Select
            className='book-for-slot'
            value={slotStart ?? undefined}
            disabled={!lineId}
            loading={options.refreshing}
            placeholder={lineId ? (o && o.slots.length === 0 ? '7 天内已约满' : '选择时段') : '先选服务项目'}
            onChange={(v) => setSlotStart(Number(v))}
            options={(o?.slots ?? []).map((s) => ({ label: `${timeRangeText(s.start, s.end)}（余 ${s.free}）`, value: s.start }))}
          />
        </Field>
        <Field label='预约人' required {...fieldStatus(error, 'memberUserId')}>
          <MemberRadio members={o?.members} value={memberUserId} onChange={setMemberUserId} none='这户还没有人绑定小程序，无法代约；可先登记工单' />
        </Field>
        <Field label='来源' required>
          <ChannelRadio value={channel} onChange={setChannel} />
        </Field>
        <Field label='备注' {...fieldStatus(error, 'note')}>
          <Textarea name='book-for-note' value={note} maxlength={150} autosize={{ minRows: 2, maxRows: 4 }} placeholder='给师傅的话，如：家里有老人，请提前电话联系' onChange={(v) => setNote(String(v))} />
        </Field>
        {options.error ? <Alert theme='error' message={`${options.error.message}，请关闭后重试`} /> : null}
        {formLevelError(error) ? <Alert theme='error' message={formLevelError(error)} /> : null}
      </Form>
    </FormDialog>
  )
}

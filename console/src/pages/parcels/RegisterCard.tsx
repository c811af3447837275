import { useState } from 'react'
import { Alert, Button, Card, Form, Input, Select } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { HouseholdHitT } from '@contracts/desk-find'
import { COURIERS, COURIER_LABELS, type Courier, formatPickupCode } from '@contracts/parcel-labels'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { PhotoField } from '../../shell/PhotoField'
import { HouseholdPicker } from './HouseholdPicker'
import { newRequestId } from '../../../../src/client/core/request-id'


/**
 * Registering what a courier left: the household (found by room or phone), courier, tracking
 * number, shelf and an optional photo. The courier and the shelf stay for the next parcel, as a
 * clerk registers a courier's whole bag in a row.
 */
export function RegisterCard({ onRegistered }: { onRegistered: () => void }) {
  const [household, setHousehold] = useState<HouseholdHitT | null>(null)
  const [courier, setCourier] = useState<Courier>('sf')
  const [trackingNo, setTrackingNo] = useState('')
  const [shelf, setShelf] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [requestId, setRequestId] = useState(newRequestId)
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (!household) {
      setError({ code: 'REQUEST.INVALID_INPUT', message: '请先查找并选择收件房屋', requestId: '', fields: [{ path: 'householdId', label: '收件房屋', message: '请先查找并选择收件房屋' }] })
      return
    }
    setBusy(true)
    setDone('')
    const r = await api.parcel.register({ householdId: household.householdId, courier, trackingNo, shelf, photo: photos[0] ?? null, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setDone(`已登记：${r.data.householdLabel} · ${COURIER_LABELS[r.data.courier]} ${r.data.trackingNo} · 货架 ${r.data.shelf} · 取件码 ${formatPickupCode(r.data.pickupCode)}，已通知住户`)
    setTrackingNo('')
    setPhotos([])
    setHousehold(null)
    setRequestId(newRequestId())
    onRegistered()
  }
  const formError = formLevelError(error)

  return (
    <Card bordered={false} title='登记快递' subtitle='快递员送达后逐件登记；住户会收到取件码和消息，可凭取件码或二维码到前台领取，或申请管家送货上门。'>
      <Form labelWidth={96} colon={false} id='parcel-register'>
        <Field label='收件房屋' required {...fieldStatus(error, 'householdId')}>
          <HouseholdPicker value={household} onChange={setHousehold} />
        </Field>
        <Field label='快递公司' required {...fieldStatus(error, 'courier')}>
          <Select className='parcel-courier' value={courier} onChange={(v) => setCourier(COURIERS.find((c) => c === v) ?? 'other')} style={{ width: 200 }} options={COURIERS.map((c) => ({ value: c, label: COURIER_LABELS[c] }))} />
        </Field>
        <Field label='快递单号' required {...fieldStatus(error, 'trackingNo')}>
          <Input className='parcel-tracking' value={trackingNo} onChange={(v) => setTrackingNo(String(v))} placeholder='扫描或输入面单上的单号' style={{ width: 320 }} />
        </Field>
        <Field label='货架位置' required {...fieldStatus(error, 'shelf')}>
          <Input className='parcel-shelf' value={shelf} onChange={(v) => setShelf(String(v))} placeholder='如 A-03' style={{ width: 200 }} />
        </Field>
        <Field label='包裹照片' help='可选：大件或易混的包裹拍一张，住户取件时好认' {...fieldStatus(error, 'photo')}>
          <PhotoField id='parcel-photo' value={photos} onChange={setPhotos} max={1} label='包裹照片' size={72} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
        {done ? (
          <div id='parcel-registered'>
            <Alert theme='success' message={done} />
          </div>
        ) : null}
        <Form.FormItem>
          <Button id='parcel-register-save' theme='primary' loading={busy} onClick={() => void submit()}>
            登记并通知住户
          </Button>
        </Form.FormItem>
      </Form>
    </Card>
  )
}

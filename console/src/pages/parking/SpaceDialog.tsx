import { useState } from 'react'
import { Alert, DatePicker, Form, Input, Radio } from 'tdesign-react'
import type { HouseholdHitT } from '@contracts/desk-find'
import type { ApiError } from '@contracts/errors'
import type { LotViewT, SpaceRowT } from '@contracts/parking'
import { SPACE_TYPES, SPACE_TYPE_LABELS, type SpaceType } from '@contracts/parking-labels'
import { formatDate, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { HouseholdPicker } from '../parcels/HouseholdPicker'

/**
 * 登记车位 (operators): a space by its code in a lot, owned or rented by a household (a rental
 * with the last day of its term) or public. Saving a code again changes that space. Opened on a
 * space (修改), it starts from what the space is now; its lot and code are what it is, so they stay.
 */
export function SpaceDialog({ lots, space, onClose }: { lots: LotViewT[]; space?: SpaceRowT; onClose: (saved: string | null) => void }) {
  const [lotId, setLotId] = useState(space?.lotId ?? lots[0]?.id ?? '')
  const [code, setCode] = useState(space?.code ?? '')
  const [type, setType] = useState<SpaceType>(space?.type ?? 'owned')
  const [hit, setHit] = useState<HouseholdHitT | null>(null)
  // The household the space has now stands until another is picked from a search.
  const current = space?.householdId ? { householdId: space.householdId, label: space.householdLabel ?? '' } : null
  const household = hit ?? current
  const [until, setUntil] = useState(space?.rentedUntil ? formatDate(space.rentedUntil) : '')
  const [local, setLocal] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const wrong: Record<string, string> = {}
    const rentedUntil = type === 'rented' ? parseShanghai(`${until} 23:59`) : null
    if (type !== 'public' && !household) wrong.householdId = '请查找并选择车位所属的房屋'
    if (rentedUntil !== null && Number.isNaN(rentedUntil)) wrong.rentedUntil = '请选择租期截止日期'
    setLocal(wrong)
    if (Object.keys(wrong).length) return
    setBusy(true)
    const res = await api.parking.saveSpace({ lotId, code, type, householdId: type === 'public' ? null : (household?.householdId ?? null), rentedUntil })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(`${res.data.code}${household && type !== 'public' ? ` · ${household.label}` : ''}`)
  }
  const status = (path: string) => (local[path] ? { status: 'error' as const, tips: local[path] } : fieldStatus(error, path))
  const formError = formLevelError(error)

  return (
    <FormDialog header={space ? `修改车位 ${space.code}` : '登记车位'} width={680} saveId='space-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={100} colon={false}>
        {lots.length > 1 && !space ? (
          <Form.FormItem label='停车场' name='lotId' initialData={lotId} {...status('lotId')}>
            <Radio.Group variant='default-filled' value={lotId} onChange={(v) => setLotId(String(v))}>
              {lots.map((l) => (
                <Radio.Button key={l.id} value={l.id}>
                  {l.name}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.FormItem>
        ) : null}
        <Form.FormItem label='车位编号' name='code' initialData={code} requiredMark {...status('code')} help={space ? undefined : '如 B1-001；已登记的编号再次保存即修改'}>
          <Input name='space-code' value={code} maxlength={16} placeholder='B1-001' disabled={Boolean(space)} onChange={(v) => setCode(String(v).toUpperCase())} style={{ width: 200 }} />
        </Form.FormItem>
        <Form.FormItem label='车位类型' name='type' initialData={type} {...status('type')}>
          <Radio.Group variant='default-filled' value={type} onChange={(v) => setType(SPACE_TYPES.find((t) => t === v) ?? 'owned')}>
            {SPACE_TYPES.map((t) => (
              <Radio.Button key={t} value={t}>
                {SPACE_TYPE_LABELS[t]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.FormItem>
        {type !== 'public' ? (
          <Form.FormItem label='所属房屋' name='householdId' initialData='' requiredMark {...status('householdId')} help={current ? `现为 ${current.label}${hit && hit.householdId !== current.householdId ? `，保存后改为 ${hit.label}` : ''}` : undefined}>
            <HouseholdPicker value={hit} onChange={setHit} />
          </Form.FormItem>
        ) : null}
        {type === 'rented' ? (
          <Form.FormItem label='租期截止' name='rentedUntil' initialData={until} requiredMark {...status('rentedUntil')}>
            <DatePicker className='space-until' value={until} format='YYYY-MM-DD' onChange={(v) => setUntil(String(v ?? ''))} />
          </Form.FormItem>
        ) : null}
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

import { useState } from 'react'
import { Alert, Form, Input, InputNumber, Select } from 'tdesign-react'
import type { Channel } from '@contracts/desk-kinds'
import type { ApiError } from '@contracts/errors'
import { formatFen } from '../../../../src/utils/money'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { useQuery } from '../../shell/use-query'
import { ChannelRadio, MemberRadio } from './OnBehalfFields'
import type { FormHousehold } from './WorkOrderForm'
import { newRequestId } from '../../../../src/client/core/request-id'

/**
 * A pre-sale order for the caller's household: the product on sale, the size, how many and the
 * member it is for. The member gets a message to pay in the mini-program, or pays cash at the
 * finance desk; the desk never takes the money.
 */
export function OrderForDialog({ household, onClose }: { household: FormHousehold; onClose: (done: string | null) => void }) {
  const [requestId] = useState(newRequestId)
  const [campaignId, setCampaignId] = useState<string | null>(null)
  const [skuId, setSkuId] = useState<string | null>(null)
  const [quantity, setQuantity] = useState(1)
  const [memberUserId, setMemberUserId] = useState<string | null>(null)
  const [channel, setChannel] = useState<Channel>('phone400')
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const options = useQuery(() => api.desk.orderOptions({ householdId: household.householdId }), [household.householdId])
  const o = options.data
  const campaign = o?.campaigns.find((c) => c.id === campaignId)
  const sku = campaign?.skus.find((s) => s.skuId === skuId)

  const save = async () => {
    if (!campaignId || !skuId || !memberUserId) {
      setError({ code: 'REQUEST.INVALID_INPUT', message: '请选择商品、规格和下单人', requestId: '' })
      return
    }
    setBusy(true)
    const r = await api.desk.orderFor({ householdId: household.householdId, memberUserId, campaignId, skuId, quantity, channel, note, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    onClose(`已为${r.data.memberName}下单：${r.data.title}，应付 ${formatFen(r.data.amountFen)}，请在 ${formatDateTime(r.data.expiresAt)} 前付款（小程序或财务处现金）`)
  }

  return (
    <FormDialog header={`代下预售订单 · ${household.label}`} saveId='order-for-save' saveText='下单' busy={busy} onSave={() => void save()} onCancel={() => onClose(null)}>
      <Form labelWidth={88} colon={false}>
        <Field label='商品' required {...fieldStatus(error, 'campaignId')}>
          <Select
            className='order-for-campaign'
            value={campaignId ?? undefined}
            loading={options.refreshing}
            placeholder={o && o.campaigns.length === 0 ? '现在没有正在预售的商品' : '选择正在预售的商品'}
            onChange={(v) => {
              setCampaignId(String(v))
              setSkuId(null)
            }}
            options={(o?.campaigns ?? []).map((c) => ({ label: `${c.title}（${formatDateTime(c.endAt)} 截止，每户限 ${c.householdLimit} ${c.unit}）`, value: c.id }))}
          />
        </Field>
        <Field label='规格' required {...fieldStatus(error, 'skuId')}>
          <Select
            className='order-for-sku'
            value={skuId ?? undefined}
            disabled={!campaign}
            placeholder={campaign ? '选择规格' : '先选商品'}
            onChange={(v) => setSkuId(String(v))}
            options={(campaign?.skus ?? []).map((s) => ({ label: `${s.name} · ${formatFen(s.priceFen)}（余 ${s.available}）`, value: s.skuId, disabled: s.available <= 0 }))}
          />
        </Field>
        <Field label='数量' required help={sku ? `按单价 ${formatFen(sku.priceFen)} 计，会员折扣由系统计算` : undefined} {...fieldStatus(error, 'quantity')}>
          <InputNumber theme='normal' style={{ width: 160 }} min={1} max={campaign?.householdLimit ?? 99} value={quantity} suffix={campaign?.unit ?? '份'} onChange={(v) => setQuantity(Math.max(1, Math.floor(Number(v) || 1)))} />
        </Field>
        <Field label='下单人' required {...fieldStatus(error, 'memberUserId')}>
          <MemberRadio members={o?.members} value={memberUserId} onChange={setMemberUserId} none='这户还没有人绑定小程序，无法代下单' />
        </Field>
        <Field label='来源' required>
          <ChannelRadio value={channel} onChange={setChannel} />
        </Field>
        <Field label='备注' {...fieldStatus(error, 'note')}>
          <Input name='order-for-note' value={note} maxlength={40} placeholder='如：送到门卫室' onChange={(v) => setNote(String(v))} />
        </Field>
        {options.error ? <Alert theme='error' message={`${options.error.message}，请关闭后重试`} /> : null}
        {formLevelError(error) ? <Alert theme='error' message={formLevelError(error)} /> : null}
      </Form>
    </FormDialog>
  )
}

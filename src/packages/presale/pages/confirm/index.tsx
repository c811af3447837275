import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { Purchase } from '@contracts/member'
import { api, ensureSession } from '../../../../client'
import { CheckoutDiscounts, levelDiscountRows, useCheckout } from '../../../../components/Checkout'
import { TextBox } from '../../../../components/TextBox'
import { payOrder } from '../../../../services/order'
import { newRequestId } from '../../../../services/request-id'
import { fieldError, toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, Cell, Field, KVList, type KVRow, Notice, Price, Section, Stepper } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { householdIn, useHere } from '../../here'
import { presaleLink } from '../../links'
import { SkuChoices } from '../../components/SkuChoices'
import { deliveryText, productIcon } from '../../format'
import type { Order } from '../../types'
import '../../presale.scss'

/**
 * Order confirmation. The server prices the order (campaign price, then the member level
 * discount, a coupon and points) and holds the stock; the figures here are its preview of the
 * same arithmetic for the current choices. One request id per order attempt: a retried tap after
 * a network error returns the same order, a new attempt after a refusal gets a new id.
 */
export default function ConfirmPage() {
  const { params } = useRouter()
  const { me, communityId, householdId } = useHere()
  const campaignId = decodeURIComponent(params.id ?? '')
  const household = me?.households.find((h) => h.householdId === householdId)
  const [skuId, setSkuId] = useState(decodeURIComponent(params.skuId ?? ''))
  const [quantity, setQuantity] = useState(() => Math.max(1, Number.parseInt(params.quantity ?? '1', 10) || 1))
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<Order | null>(null)
  const [refused, setRefused] = useState<ApiError | null>(null)
  const requestId = useRef(newRequestId())

  const q = useQuery(
    async () => {
      // The household is the one in the campaign's community, known once signed in.
      const s = await ensureSession()
      const hid = householdIn(s.ok ? s.data : null, communityId)
      return api.order.campaign({ id: campaignId, ...(hid ? { householdId: hid } : {}) })
    },
    [campaignId],
    { enabled: campaignId !== '' }
  )

  const c = q.data?.campaign
  const live = c?.status === 'live'
  const sku = c?.skus.find((s) => s.id === skuId) ?? c?.skus.find((s) => s.remaining > 0) ?? c?.skus[0]
  const max = Math.max(0, Math.min(q.data?.mine?.remainingLimit ?? 0, sku?.remaining ?? 0))
  const qty = Math.min(Math.max(1, quantity), Math.max(1, max))
  // What is being bought, by id: the server prices the preview exactly as the order's create will.
  const purchase: Purchase | null = c && sku ? { kind: 'presale', campaignId: c.id, skuId: sku.id, quantity: qty } : null
  const pricing = useCheckout({
    purchase,
    enabled: created === null && householdId !== undefined && live,
    communityId,
    initialCouponId: params.couponId ? decodeURIComponent(params.couponId) : null
  })
  const { preview, quote, total } = pricing

  const pay = async (order: Order) => {
    const p = await payOrder(order.id)
    setBusy(false)
    if (!p.ok) {
      toastError(p.error)
      void Taro.redirectTo({ url: presaleLink('order', communityId, { id: order.id }) })
    }
  }

  const submit = async () => {
    if (!sku || !householdId) return
    setBusy(true)
    if (created) return pay(created)
    const r = await api.order.create({ campaignId, skuId: sku.id, quantity: qty, householdId, note, ...pricing.ask, clientRequestId: requestId.current })
    if (!r.ok) {
      setBusy(false)
      // A refusal is final for this attempt; only a lost answer is retried with the same id.
      if (r.error.code !== 'TRANSPORT.FAILED') requestId.current = newRequestId()
      setRefused(r.error)
      toastError(r.error)
      void q.reload()
      return
    }
    setCreated(r.data)
    setRefused(null)
    await pay(r.data)
  }

  return (
    <PageShell id='presale-confirm' query={q}>
      {(data) => {
        const camp = data.campaign
        const where: KVRow[] = [
          { label: '收货房屋', id: 'confirm-household', value: household ? `${household.communityName} ${household.label}` : '请先绑定本社区的房屋' },
          { label: '配送方式', value: deliveryText(camp.delivery) }
        ]
        const money: KVRow[] = [
          { label: '商品金额', value: <Price fen={(sku?.priceFen ?? 0) * qty} size='s' /> },
          ...levelDiscountRows(quote)
        ]
        return (
          <>
            {created ? (
              <Notice tone='warning' id='confirm-created'>
                订单已提交，请在 {formatDateTime(created.payBefore)} 前完成支付，超时将自动取消并释放库存。
              </Notice>
            ) : null}
            {!live && !created ? (
              <Notice tone='warning' id='confirm-closed'>
                {camp.status === 'scheduled' ? `预售尚未开始，${formatDateTime(camp.startAt)} 开售后再来下单` : '预售已截止，不能再下单'}
              </Notice>
            ) : null}
            <Section>
              <KVList rows={where} />
            </Section>
            <Section>
              <Cell
                thumb={camp.cover}
                icon={productIcon(camp.productKind)}
                title={camp.title}
                desc={`每户限购 ${camp.householdLimit} ${camp.unit}，本户还可购 ${data.mine?.remainingLimit ?? 0} ${camp.unit}`}
              />
            </Section>
            <Section title='规格与数量'>
              <SkuChoices c={camp} value={sku?.id} onChange={created ? undefined : setSkuId} idPrefix='confirm-sku' />
              <Field label='数量' error={fieldError(refused, 'quantity')} id='confirm-quantity'>
                <Stepper id='qty' value={qty} min={1} max={Math.max(1, max)} disabled={created !== null || max === 0} onChange={setQuantity} />
              </Field>
              <Field label='备注（选填）' error={fieldError(refused, 'note')}>
                <TextBox id='confirm-note' value={note} maxLength={60} placeholder='如：放门口，不用敲门' onChange={(v) => setNote(v)} />
              </Field>
            </Section>
            <Section title='优惠与金额'>
              <KVList rows={money} />
              <CheckoutDiscounts checkout={pricing} idPrefix='confirm' locked={created !== null} />
            </Section>
            {refused && !refused.fields?.length ? (
              <Notice tone='danger' id='confirm-error'>
                {refused.message}
              </Notice>
            ) : null}
            <ActionBar>
              <View className='ps-total' id='confirm-total'>
                <View>
                  <Text>合计 </Text>
                  {created ? (
                    <Price fen={created.amountFen} />
                  ) : total !== null ? (
                    <Price fen={total} />
                  ) : !live ? (
                    <Text>{camp.status === 'scheduled' ? '尚未开售' : '已截止'}</Text>
                  ) : preview.error ? (
                    <Text className='link' onClick={() => void preview.reload()}>
                      暂时算不出，点此重试
                    </Text>
                  ) : (
                    <Text>计算中…</Text>
                  )}
                </View>
                {!created && total !== null && quote && quote.payableFen < quote.subtotalFen ? (
                  <Text className='ps-total__saved'>已优惠 {formatFen(quote.subtotalFen - quote.payableFen)}</Text>
                ) : null}
              </View>
              <Button id='confirm-submit' type='primary' loading={busy} disabled={!created && (!live || max === 0 || !householdId)} onClick={() => void submit()}>
                {created ? '继续支付' : '提交订单并支付'}
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CARD_STATUS_LABELS } from '@contracts/member'
import { AFTER_SALE_STATUS_LABELS, AFTER_SALE_TYPE_LABELS, type AfterSaleType, REFUND_REASON_LABELS, formatOrderCode } from '@contracts/order'
import type { ApiError } from '@contracts/errors'
import { type Result, api } from '../../../../client'
import { QrImage } from '../../../../components/QrImage'
import { TextBox } from '../../../../components/TextBox'
import { payOrder } from '../../../../services/order'
import { fieldError, toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { pageLink } from '../../../../utils/link'
import { formatDate, formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, Chip, Field, KVList, type KVRow, Notice, type NoticeTone, Price, Section, Segmented, type SegmentedOption } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { OrderChip } from '../../components/StatusChip'
import { productIcon, remainingText } from '../../format'
import { useHere } from '../../here'
import { presaleLink } from '../../links'
import type { Order } from '../../types'
import { useNow } from '../../use-now'
import { ContactButton } from '../../../../components/ContactButton'
import '../../presale.scss'

const AFTER_SALE_TYPES: SegmentedOption<AfterSaleType>[] = [{ value: 'refund', label: AFTER_SALE_TYPE_LABELS.refund }, { value: 'return', label: AFTER_SALE_TYPE_LABELS.return }]

function explain(o: Order, now: number): { text: string; tone: NoticeTone } {
  const place = o.delivery.mode === 'pickup' ? `到「${o.delivery.pickupPoint?.name ?? '自提点'}」自提` : '管家送货上门'
  switch (o.status) {
    case 'pending_payment':
      return { text: `请在 ${remainingText(o.payBefore - now)} 内完成支付，超时订单自动取消`, tone: 'warning' }
    case 'paid':
      return o.campaignStatus === 'live'
        ? {
            text: o.threshold === null ? `已付款，${formatDateTime(o.campaignEndAt)} 截止后安排配送` : `已付款，等待成团：截止前全社区付款满 ${o.threshold} ${o.unit}即成团，未成团自动退款`,
            tone: 'info'
          }
        : { text: '预售已截止，正在结算成团结果', tone: 'info' }
    case 'confirmed':
      return { text: `已成团！${o.delivery.mode === 'pickup' ? '请' : ''}${place}，凭下方订单码收货`, tone: 'success' }
    case 'delivered':
      return { text: `已于 ${formatDateTime(o.deliveredAt ?? 0)} 完成交付${o.deliveredBy ? `（${o.deliveredBy}）` : ''}`, tone: 'success' }
    case 'expired':
      return { text: '超时未支付，订单已取消，库存已释放', tone: 'info' }
    case 'cancelled':
      return { text: '订单已取消', tone: 'info' }
    case 'refunding':
      return { text: `${o.refundReason ? REFUND_REASON_LABELS[o.refundReason] : '退款'}处理中，款项将原路退回`, tone: 'info' }
    case 'refunded':
      return { text: `${o.refundReason ? REFUND_REASON_LABELS[o.refundReason] : '已退款'}：${formatFen(o.refundedFen)} 已原路退回`, tone: 'info' }
    default:
      return { text: '订单处理中', tone: 'info' }
  }
}

function deliveryLine(o: Order): string {
  const day = formatDate(o.delivery.date)
  if (o.delivery.mode !== 'pickup') return `${day} 管家送货上门`
  const p = o.delivery.pickupPoint
  return `${day} 起自提\n${p ? `${p.name}，${p.address}` : ''}`
}

/** An order: its state explained, the code shown at delivery or pickup, and what can be done next. */
export default function OrderPage() {
  const { params } = useRouter()
  const { communityId } = useHere()
  const orderId = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.order.get({ orderId }), [orderId], { enabled: orderId !== '' })
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState(false)
  const [afterType, setAfterType] = useState<AfterSaleType>('refund')
  const [reason, setReason] = useState('')
  const [formError, setFormError] = useState<ApiError | null>(null)
  const now = useNow()

  const act = async (run: () => Promise<Result<Order>>, done: string) => {
    setBusy(true)
    const r = await run()
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    q.setData(r.data)
    void Taro.showToast({ title: done, icon: 'success' })
  }

  const cancel = async (o: Order) => {
    const sure = await Taro.showModal({ title: '取消订单', content:
        o.status !== 'paid'
          ? '确定取消这个订单吗？'
          : o.cards.some((c) => c.status === 'active' && c.usesLeft < c.usesTotal)
            ? '服务卡未用的次数将一并收回，已用的次数按产品包价格折算后扣除，其余原路退回。确定取消吗？'
            : o.cards.length > 0
              ? '取消后服务卡一并收回，货款原路退回，确定取消吗？'
              : '取消后货款将原路退回，确定取消吗？'
    })
    if (sure.confirm) await act(() => api.order.cancel({ orderId: o.id }), '已取消')
  }

  const submitAfterSale = async (o: Order) => {
    setBusy(true)
    const r = await api.order.requestAfterSale({ orderId: o.id, type: afterType, reason })
    setBusy(false)
    if (!r.ok) return setFormError(r.error)
    setFormError(null)
    setAsking(false)
    q.setData(r.data)
    void Taro.showToast({ title: '已提交', icon: 'success' })
  }

  const pay = async (o: Order) => {
    setBusy(true)
    const r = await payOrder(o.id)
    setBusy(false)
    if (!r.ok) toastError(r.error)
  }

  return (
    <PageShell id='presale-order' query={q}>
      {(o) => {
        const e = explain(o, now)
        const showCode = o.status === 'paid' || o.status === 'confirmed' || o.status === 'delivered'
        const money: KVRow[] = [
          { label: '商品金额', value: <Price fen={o.subtotalFen} size='s' /> },
          ...(o.discountFen > 0
            ? [
                {
                  label: '会员优惠',
                  id: 'order-discount',
                  value: (
                    <View>
                      <Text className='ps-minus'>{formatFen(o.discountFen, { minus: true })}</Text>
                      <Text className='ps-meta'>{[o.couponId ? '含优惠券' : '', o.pointsUsed > 0 ? `用 ${o.pointsUsed} 积分` : ''].filter(Boolean).join('，') || '会员折扣'}</Text>
                    </View>
                  )
                }
              ]
            : []),
          { label: '实付', value: <Price fen={o.amountFen} /> },
          ...(o.retainedFen > 0
            ? [
                {
                  label: '已用服务',
                  id: 'order-retained',
                  value: (
                    <View>
                      <Text>{formatFen(o.retainedFen)}</Text>
                      <Text className='ps-meta'>已用次数按产品包价折算</Text>
                    </View>
                  )
                }
              ]
            : []),
          ...(o.refundedFen > 0
            ? [
                {
                  label: '已退款',
                  id: 'order-refunded',
                  value: (
                    <View>
                      <Text>{formatFen(o.refundedFen)}</Text>
                      {o.refundedAt ? <Text className='ps-meta'>{formatDateTime(o.refundedAt)} 原路退回</Text> : null}
                    </View>
                  )
                }
              ]
            : [])
        ]
        const info: KVRow[] = [
          { label: '房屋', value: o.householdLabel },
          { label: o.delivery.mode === 'pickup' ? '自提' : '配送', value: deliveryLine(o) },
          { label: '下单时间', value: formatDateTime(o.createdAt) },
          ...(o.paidAt ? [{ label: '支付时间', value: formatDateTime(o.paidAt) }] : []),
          ...(o.note ? [{ label: '备注', value: o.note }] : []),
          ...(o.inviterName ? [{ label: '推荐管家', value: o.inviterName }] : [])
        ]
        return (
          <>
            <Section title='订单状态' extra={<OrderChip status={o.status} id='order-status' />}>
              <Notice tone={e.tone} id='order-explain'>
                {e.text}
              </Notice>
            </Section>

            {showCode ? (
              <Section className='ps-code-card' id='order-code-card'>
                <Text className='ps-meta'>{o.delivery.mode === 'pickup' ? '自提时向工作人员出示订单码' : '收货时向管家出示订单码'}</Text>
                {o.status !== 'delivered' ? <QrImage text={o.code} size={320} id='order-qr' /> : null}
                <Text className='ps-code' id='order-code'>
                  {formatOrderCode(o.code)}
                </Text>
                <Text className='ps-meta'>{o.status === 'paid' ? '成团后凭此码收货' : o.status === 'delivered' ? '已交付' : '管家扫码或输入此码确认送达'}</Text>
              </Section>
            ) : null}

            <Section>
              <Cell
                thumb={o.productPhoto}
                icon={productIcon(o.productKind)}
                title={o.campaignTitle}
                desc={`${o.skuName} × ${o.quantity}，${formatFen(o.unitPriceFen)}/${o.unit}`}
              />
              <KVList rows={money} />
            </Section>

            {o.cards.length > 0 ? (
              <Section title='产品包服务卡' id='order-cards'>
                {o.cards.map((card) => (
                  <Cell
                    key={card.id}
                    id={`order-card-${card.id}`}
                    icon='card'
                    title={card.title}
                    desc={
                      card.status === 'active'
                        ? `剩余 ${card.usesLeft}/${card.usesTotal} 次，预约时选用`
                        : card.status === 'refunded'
                          ? `已用 ${card.usesTotal - card.usesRevoked} 次，${card.usesRevoked} 次随退款收回`
                          : `已用 ${card.usesTotal - card.usesLeft} 次`
                    }
                    extra={<Chip text={CARD_STATUS_LABELS[card.status]} tone={card.status === 'active' ? 'primary' : 'muted'} />}
                    onClick={() => void Taro.navigateTo({ url: pageLink('/packages/member/pages/cards/index', { communityId }) })}
                  />
                ))}
              </Section>
            ) : null}

            <Section>
              <KVList rows={info} />
            </Section>

            {o.afterSale ? (
              <Section title={`售后：${AFTER_SALE_TYPE_LABELS[o.afterSale.type]}`} extra={<Chip text={AFTER_SALE_STATUS_LABELS[o.afterSale.status]} tone='info' />} id='order-after-sale'>
                <KVList rows={[{ label: '原因', value: o.afterSale.reason }, ...(o.afterSale.note ? [{ label: '物业回复', value: o.afterSale.note }] : [])]} />
              </Section>
            ) : null}

            {asking ? (
              <Section title='申请售后' id='after-sale-form'>
                <Segmented<AfterSaleType> id='after-type' value={afterType} options={AFTER_SALE_TYPES} onChange={setAfterType} />
                <Field label='问题描述' required error={fieldError(formError, 'reason') ?? (formError && !formError.fields?.length ? formError.message : undefined)}>
                  <TextBox id='after-reason' value={reason} maxLength={100} placeholder='请描述问题，物业审核后原路退款' onChange={(v) => setReason(v)} multiline />
                </Field>
                <ButtonRow>
                  <Button id='after-cancel' onClick={() => setAsking(false)}>
                    先不申请
                  </Button>
                  <Button id='after-submit' type='primary' loading={busy} onClick={() => void submitAfterSale(o)}>
                    提交申请
                  </Button>
                </ButtonRow>
              </Section>
            ) : null}

            <ButtonRow stacked>
              {o.actions.pay ? (
                <Button id='order-pay' type='primary' loading={busy} onClick={() => void pay(o)}>
                  去支付
                </Button>
              ) : null}
              {o.actions.confirmReceived ? (
                <Button id='order-confirm' type='primary' loading={busy} onClick={() => void act(() => api.order.confirmReceived({ orderId: o.id }), '已确认收货')}>
                  确认收货
                </Button>
              ) : null}
              {o.actions.afterSale && !asking ? (
                <Button id='order-after-sale-open' fill='outline' type='primary' onClick={() => setAsking(true)}>
                  申请售后
                </Button>
              ) : null}
              {o.actions.cancel ? (
                <Button id='order-cancel' fill='outline' loading={busy} onClick={() => void cancel(o)}>
                  取消订单
                </Button>
              ) : null}
              <Button id='order-all' fill='none' onClick={() => void Taro.redirectTo({ url: presaleLink('orders', communityId, { householdId: o.householdId }) })}>
                全部订单
              </Button>
            </ButtonRow>
            <ContactButton id='order-contact' text='订单有问题？联系客服' />
          </>
        )
      }}
    </PageShell>
  )
}

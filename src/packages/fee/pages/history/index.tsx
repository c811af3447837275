import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { PAYMENT_STATUS_LABELS } from '@contracts/pay'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import '../../fee.scss'

type PaymentView = OutputOf<'pay.history'>['payments'][number]

/** The household's property-fee payments (pre-sale orders and home services are listed with their own orders and bookings). */
export default function HistoryPage() {
  const { params } = useRouter()
  const [list, setList] = useState<PaymentView[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useDidShow(() => void api.pay.history({ householdId: params.householdId ?? '' }).then((r) => (r.ok ? setList(r.data.payments) : setError(r.error))))

  if (!list) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='history-page'>
      {list.length === 0 ? <StateView empty='还没有线上缴纳的物业费' /> : null}
      {list.map((p) => (
        <View key={p.id} className='card' id={`payment-${p.id}`} onClick={() => p.status === 'paid' && void Taro.navigateTo({ url: `/packages/fee/pages/receipt/index?paymentId=${p.id}` })}>
          <View className='row'>
            <Text className='bill__title'>{p.lines.length === 1 ? p.lines[0]?.title : `${p.lines[0]?.title ?? ''} 等 ${p.lines.length} 项`}</Text>
            <Price fen={p.totalFen} size='m' />
          </View>
          <View className='row'>
            <Text className='muted'>{p.paidAt ? formatDateTime(p.paidAt) : formatDateTime(p.createdAt)}</Text>
            <Text className={`badge ${p.status === 'paid' ? '' : 'badge--accent'}`}>{PAYMENT_STATUS_LABELS[p.status]}</Text>
          </View>
          {p.refundedFen > 0 ? <Text className='bill__late'>已退款 {formatFen(p.refundedFen)}</Text> : null}
          {p.status === 'paid' ? <Text className='link'>查看收据 ›</Text> : null}
        </View>
      ))}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Order, PRESALE_PKG, myOrders } from '../../../../services/order'
import { currentMe } from '../../../../services/session'
import { formatDateTime } from '../../../../utils/time'
import { OrderBadge, ProductArt } from '../../ui'
import '../../presale.scss'

/** The household's pre-sale orders, newest first. */
export default function MyOrdersPage() {
  const { params } = useRouter()
  const householdId = params.householdId ?? currentMe()?.current?.householdId ?? ''
  const [orders, setOrders] = useState<Order[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async () => {
    const r = await myOrders(householdId)
    if (r.ok) setOrders(r.data.orders)
    else setError(r.error)
  }
  useDidShow(() => void load())

  return (
    <View className='page' id='presale-orders'>
      {!orders ? <StateView loading={!error} error={error} onRetry={() => void load()} /> : null}
      {orders?.length === 0 ? <StateView empty='还没有预售订单' /> : null}
      {orders?.map((o) => (
        <View key={o.id} className='card' id={`order-${o.id}`} onClick={() => void Taro.navigateTo({ url: `${PRESALE_PKG}/order/index?id=${o.id}` })}>
          <View className='row' style={{ marginBottom: '16px' }}>
            <Text className='muted'>{formatDateTime(o.createdAt)}</Text>
            <OrderBadge status={o.status} />
          </View>
          <View className='ps-card'>
            <ProductArt name={o.productName} images={[]} size={120} />
            <View className='ps-card__body'>
              <Text className='ps-card__title'>{o.campaignTitle}</Text>
              <Text className='ps-card__meta'>
                {o.skuName} × {o.quantity}
              </Text>
              <View className='row' style={{ marginTop: '8px' }}>
                <Text className='muted'>{o.householdLabel}</Text>
                <Price fen={o.amountFen} size='s' />
              </View>
            </View>
          </View>
          {o.actions.pay ? (
            <Text className='ps-countdown' style={{ display: 'block', marginTop: '16px' }}>
              请在 {formatDateTime(o.payBefore)} 前支付
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}

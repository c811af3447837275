import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Booking, SERVICE_PKG, myBookings } from '../../../../services/booking'
import { shanghai } from '../../../../utils/time'
import '../../service.scss'

export default function MyBookingsPage() {
  const [list, setList] = useState<Booking[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async () => {
    const r = await myBookings()
    if (r.ok) setList(r.data.bookings)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  if (!list) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  return (
    <View className='page' id='my-bookings'>
      {list.length === 0 ? <StateView empty='还没有预约，去看看到家服务吧' /> : null}
      {list.map((b) => (
        <View key={b.id} id={`mine-${b.id}`} className='card sv-line' onClick={() => void Taro.navigateTo({ url: `${SERVICE_PKG}/booking/index?id=${b.id}` })}>
          <View className='sv-line__top'>
            <Text className='sv-line__name'>{b.kind === 'repair' ? `报修 · ${b.lineName}` : b.lineName}</Text>
            <Text className={`badge ${b.status === 'held' || b.canRate ? 'badge--accent' : ''}`}>{b.canRate ? '待评价' : b.statusLabel}</Text>
          </View>
          <Text className='sv-meta'>
            {shanghai(b.slotStart).format('M月D日 HH:mm')} · {b.householdLabel} · {b.worker ? b.worker.name : '待派单'}
          </Text>
        </View>
      ))}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type GridVisitors, gridVisitors } from '../../../../services/access'
import { formatDateTime } from '../../../../utils/time'
import { PassStatusBadge } from '../../components/PassStatusBadge'
import '../../access.scss'

/** Who is expected in the butler's buildings: so a stranger at a unit door can be told from a guest. */
export default function GridVisitorsPage() {
  const [data, setData] = useState<GridVisitors | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async () => {
    const r = await gridVisitors()
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  const active = data.passes.filter((p) => p.status === 'active').length
  return (
    <View className='page' id='grid-visitors-page'>
      <View className='hero'>
        <Text className='hero-title'>{data.gridName}</Text>
        <Text className='hero-sub'>
          有效通行证 {active} 张 · 共 {data.passes.length} 条访客邀请
        </Text>
      </View>
      {data.passes.length === 0 ? (
        <View className='card'>
          <StateView empty='网格内还没有访客' />
        </View>
      ) : null}
      {data.passes.map((p) => (
        <View key={p.id} className='card' id={`grid-visitor-${p.id}`}>
          <View className='item-head'>
            <Text className='item-title'>
              {p.visitorName}
              <Text className='item-sub'>{p.phoneMasked}</Text>
            </Text>
            <PassStatusBadge status={p.status} />
          </View>
          <Text className='item-line'>
            到访 {p.householdLabel} · {p.purpose}
            {p.plate ? ` · ${p.plate}` : ''}
          </Text>
          <Text className='item-line'>
            {formatDateTime(p.validFrom)} 至 {formatDateTime(p.validTo)}
          </Text>
          <Text className='item-line'>
            已通行 {p.uses}/{p.maxUses} 次{p.lastUsedAt ? ` · 最近 ${formatDateTime(p.lastUsedAt)}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { collection } from '../../../../services/fee'
import '../../admin.scss'

type Data = OutputOf<'fee.collection'>

function pct(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 1000) / 10
}

function shift(period: string, by: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7)
}

export default function CollectionPage() {
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = (period?: string) => void collection(period).then((r) => (r.ok ? setData(r.data) : setError(r.error)))
  useDidShow(() => load(data?.period))

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const billed = data.buildings.reduce((n, b) => n + b.billedFen, 0)
  const collected = data.buildings.reduce((n, b) => n + b.collectedFen, 0)
  const maxMonth = Math.max(1, ...data.months.map((m) => m.billedFen))
  return (
    <View className='page' id='collection-page'>
      <View className='month-nav'>
        <Text className='month-nav__btn' onClick={() => load(shift(data.period, -1))}>
          ‹ 上月
        </Text>
        <Text className='section-title'>{data.period}</Text>
        <Text className='month-nav__btn' onClick={() => load(shift(data.period, 1))}>
          下月 ›
        </Text>
      </View>
      <View className='card'>
        <View className='row'>
          <View>
            <Text className='muted'>当月收缴率</Text>
            <View>
              <Text className='rate' id='collection-rate'>
                {pct(collected, billed)}%
              </Text>
            </View>
          </View>
          <View style={{ textAlign: 'right' }}>
            <View>
              <Text className='muted'>应收 </Text>
              <Price fen={billed} size='s' />
            </View>
            <View>
              <Text className='muted'>实收 </Text>
              <Price fen={collected} size='s' />
            </View>
          </View>
        </View>
      </View>
      <View className='card'>
        <Text className='section-title'>各楼栋</Text>
        {data.buildings.map((b) => (
          <View key={b.buildingId} className='list-item' style={{ display: 'block' }}>
            <View className='row'>
              <Text>{b.buildingName}</Text>
              <Text className='muted'>
                {b.paidBills}/{b.bills} 单 · {pct(b.collectedFen, b.billedFen)}%
              </Text>
            </View>
            <View className='bar'>
              <View className='bar__fill' style={{ width: `${pct(b.collectedFen, b.billedFen)}%` }} />
            </View>
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='section-title'>近 6 个月</Text>
        <View className='trend'>
          {data.months.map((m) => (
            <View key={m.period} className='trend__col'>
              <Text className='trend__label'>{pct(m.collectedFen, m.billedFen)}%</Text>
              <View className='trend__bar' style={{ height: Taro.pxTransform(Math.round((m.billedFen / maxMonth) * 180)) }}>
                <View className='trend__fill' style={{ height: `${pct(m.collectedFen, m.billedFen)}%` }} />
              </View>
              <Text className='trend__label'>{m.period.slice(5)}月</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='row'>
        <Text className='link' onClick={() => void Taro.navigateTo({ url: '/packages/fee-admin/pages/arrears/index' })}>
          欠费户列表 ›
        </Text>
        <Text className='link' onClick={() => void Taro.navigateTo({ url: '/packages/fee-admin/pages/refund/index' })}>
          退款 ›
        </Text>
      </View>
    </View>
  )
}
